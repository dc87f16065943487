import { z } from "zod";
import type { DbContext } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import { findLiveFlow } from "../flows/find-live-flow";
import type { TestRun as TestRunRow } from "../generated/sqlite/client";
import { readJsonColumn, writeJsonColumn } from "../json/json-column";
import { IdSchema, JsonValueSchema } from "../schemas/common";
import {
  RecordTestRunInputSchema,
  TestRunStatusSchema,
  type RecordTestRunInput,
  type TestRun,
} from "../schemas/test-run";

function toTestRun(row: TestRunRow, where: string): TestRun {
  return {
    id: row.id,
    flowId: row.flowId,
    versionId: row.versionId,
    status: TestRunStatusSchema.parse(row.status),
    results: readJsonColumn(JsonValueSchema, row.results, where, "TestRun.results"),
    passed: row.passed,
    failed: row.failed,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/** Records a test run (of the draft, or of a version when versionId is given). */
export async function recordTestRun(ctx: DbContext, input: RecordTestRunInput): Promise<TestRun> {
  const where = "testRuns.record";
  const data = parseInput(RecordTestRunInputSchema, input, where);
  await findLiveFlow(ctx.prisma, data.flowId, where);
  if (data.versionId !== undefined) {
    const version = await ctx.prisma.flowVersion.findUnique({ where: { id: data.versionId }, select: { flowId: true } });
    if (!version || version.flowId !== data.flowId) {
      throw notFound(where, `Version ${data.versionId} of flow ${data.flowId}`, { versionId: data.versionId });
    }
  }
  const now = ctx.now();
  const row = await ctx.prisma.testRun.create({
    data: {
      flowId: data.flowId,
      versionId: data.versionId ?? null,
      status: data.status,
      results: writeJsonColumn(data.results),
      passed: data.passed,
      failed: data.failed,
      startedAt: data.startedAt ?? now,
      finishedAt: data.finishedAt ?? (data.status === "running" ? null : now),
    },
  });
  return toTestRun(row, where);
}

export const ListTestRunsInputSchema = z.object({
  flowId: IdSchema,
  limit: z.number().int().positive().max(1000).default(50),
});
export type ListTestRunsInput = z.input<typeof ListTestRunsInputSchema>;

/** Test runs of a flow, newest first. */
export async function listTestRuns(ctx: DbContext, input: ListTestRunsInput): Promise<TestRun[]> {
  const where = "testRuns.list";
  const data = parseInput(ListTestRunsInputSchema, input, where);
  const rows = await ctx.prisma.testRun.findMany({
    where: { flowId: data.flowId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: data.limit,
  });
  return rows.map((row) => toTestRun(row, where));
}

export async function getTestRun(ctx: DbContext, id: string): Promise<TestRun> {
  const where = "testRuns.get";
  parseInput(IdSchema, id, where);
  const row = await ctx.prisma.testRun.findUnique({ where: { id } });
  if (!row) throw notFound(where, `Test run ${id}`, { testRunId: id });
  return toTestRun(row, where);
}
