import type { DbContext } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import { findLiveFlow } from "../flows/find-live-flow";
import type { TestCase as TestCaseRow } from "../generated/sqlite/client";
import { readJsonColumn, writeJsonColumn } from "../json/json-column";
import { IdSchema, JsonValueSchema } from "../schemas/common";
import {
  CreateTestCaseInputSchema,
  SaveTestCasesInputSchema,
  type SaveTestCasesInput,
  UpdateTestCaseInputSchema,
  type CreateTestCaseInput,
  type TestCase,
  type UpdateTestCaseInput,
} from "../schemas/test-case";

function toTestCase(row: TestCaseRow, where: string): TestCase {
  return {
    id: row.id,
    flowId: row.flowId,
    name: row.name,
    conversation: readJsonColumn(JsonValueSchema, row.conversation, where, "TestCase.conversation"),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function createTestCase(ctx: DbContext, input: CreateTestCaseInput): Promise<TestCase> {
  const where = "testCases.create";
  const data = parseInput(CreateTestCaseInputSchema, input, where);
  await findLiveFlow(ctx.prisma, data.flowId, where);
  const row = await ctx.prisma.testCase.create({
    data: { flowId: data.flowId, name: data.name, conversation: writeJsonColumn(data.conversation) },
  });
  return toTestCase(row, where);
}

export async function getTestCase(ctx: DbContext, id: string): Promise<TestCase> {
  const where = "testCases.get";
  parseInput(IdSchema, id, where);
  const row = await ctx.prisma.testCase.findUnique({ where: { id } });
  if (!row) throw notFound(where, `Test case ${id}`, { testCaseId: id });
  return toTestCase(row, where);
}

/** Test cases of a flow by name. */
export async function listTestCases(ctx: DbContext, flowId: string): Promise<TestCase[]> {
  const where = "testCases.list";
  parseInput(IdSchema, flowId, where);
  const rows = await ctx.prisma.testCase.findMany({ where: { flowId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map((row) => toTestCase(row, where));
}

export async function updateTestCase(ctx: DbContext, input: UpdateTestCaseInput): Promise<TestCase> {
  const where = "testCases.update";
  const data = parseInput(UpdateTestCaseInputSchema, input, where);
  const { count } = await ctx.prisma.testCase.updateMany({
    where: { id: data.id },
    data: {
      ...(data.name === undefined ? {} : { name: data.name }),
      ...(data.conversation === undefined ? {} : { conversation: writeJsonColumn(data.conversation) }),
    },
  });
  if (count === 0) throw notFound(where, `Test case ${data.id}`, { testCaseId: data.id });
  return getTestCase(ctx, data.id);
}

/** Deletes a test case for good (test runs keep their recorded results). */
export async function deleteTestCase(ctx: DbContext, id: string): Promise<void> {
  const where = "testCases.delete";
  parseInput(IdSchema, id, where);
  const { count } = await ctx.prisma.testCase.deleteMany({ where: { id } });
  if (count === 0) throw notFound(where, `Test case ${id}`, { testCaseId: id });
}

/**
 * Saves several test cases of a flow in one transaction (an import): a name the flow already has
 * gets the new conversation, a new name makes a new case. All or nothing.
 */
export async function saveTestCases(ctx: DbContext, input: SaveTestCasesInput): Promise<{ created: TestCase[]; updated: TestCase[] }> {
  const where = "testCases.saveMany";
  const data = parseInput(SaveTestCasesInputSchema, input, where);
  await findLiveFlow(ctx.prisma, data.flowId, where);
  return ctx.prisma.$transaction(async (tx) => {
    const existing = new Map((await tx.testCase.findMany({ where: { flowId: data.flowId }, select: { id: true, name: true } })).map((t) => [t.name, t.id]));
    const created: TestCase[] = [];
    const updated: TestCase[] = [];
    for (const c of data.cases) {
      const id = existing.get(c.name);
      const conversation = writeJsonColumn(c.conversation);
      if (id) updated.push(toTestCase(await tx.testCase.update({ where: { id }, data: { conversation } }), where));
      else created.push(toTestCase(await tx.testCase.create({ data: { flowId: data.flowId, name: c.name, conversation } }), where));
    }
    return { created, updated };
  });
}
