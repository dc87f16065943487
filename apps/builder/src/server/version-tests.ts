import { compileFlow, FlowSchema } from "@voxchart/flow";
import type { TestResult } from "../shared/test-case-schema";
import type { VersionSummaryDto, VersionTestsDto } from "../shared/api-schemas";
import { runTestCase, unrunnableCase } from "../tests/run-test-case";
import { failuresOf } from "../tests/summarize-run";
import { getVersion, listTestCases, listTestRuns, listVersions, publishVersion, recordTestRun } from "./store";

/** What running a flow's test cases on a document gave: null when the flow has none to run. */
export interface CaseRun {
  readonly results: TestResult[];
  readonly passed: number;
  readonly failed: number;
}

/**
 * Runs the flow's test cases on a document (a version's bundle, or the bundle a deploy would
 * publish), on the server with the engine's runner: the same results the Tests tab and
 * `voxchart test` give. Subflows come from the bundle's embedded copies. A document that does not
 * compile fails every case with the reason.
 */
export async function runCasesOn(flowId: string, document: unknown): Promise<CaseRun | null> {
  const cases = (await listTestCases(flowId)).flatMap((tc) => (tc.conversation ? [{ ...tc, conversation: tc.conversation }] : []));
  if (!cases.length) return null;
  const parsed = FlowSchema.safeParse(document);
  const compiled = parsed.success ? compileFlow(parsed.data) : null;
  const results: TestResult[] = [];
  for (const tc of cases) {
    const reason = "the flow does not compile";
    results.push(compiled?.ok ? await runTestCase(compiled.compiled, tc) : unrunnableCase(tc, "a flow that compiles", reason, reason));
  }
  const passed = results.filter((r) => r.passed).length;
  return { results, passed, failed: results.length - passed };
}

/** A run as the versions list and the deploy report it (`at`: when it finished; now by default). */
export function testsSummary(run: Pick<CaseRun, "passed" | "failed" | "results">, at = new Date().toISOString()): VersionTestsDto {
  return { passed: run.passed, failed: run.failed, at, failures: failuresOf(run.results) };
}

/** Runs the test cases on a published version and records the run against it. */
export async function testVersion(flowId: string, versionId: string, document: unknown): Promise<CaseRun | null> {
  const run = await runCasesOn(flowId, document);
  if (run) await recordTestRun(flowId, run.results, versionId);
  return run;
}

/** The newest recorded run of each version of a flow, as the versions list shows it. */
export async function latestVersionTests(flowId: string): Promise<Map<string, VersionTestsDto>> {
  const latest = new Map<string, VersionTestsDto>();
  for (const run of await listTestRuns(flowId)) {
    if (run.versionId === null || latest.has(run.versionId)) continue; // newest first
    latest.set(run.versionId, testsSummary(run, run.finishedAt ?? run.startedAt));
  }
  return latest;
}

/** Publishes the draft and runs the test cases on the new version (recorded against it). */
export async function publishAndTest(flowId: string, note: string, expectedRevision?: number): Promise<VersionSummaryDto> {
  const published = await publishVersion(flowId, note, expectedRevision);
  const run = await testVersion(flowId, published.id, (await getVersion(flowId, published.id)).document);
  return run ? { ...published, tests: testsSummary(run) } : published;
}

/** The versions, newest first, each with its newest test run. */
export async function listVersionsWithTests(flowId: string): Promise<VersionSummaryDto[]> {
  const [versions, tests] = await Promise.all([listVersions(flowId), latestVersionTests(flowId)]);
  return versions.map((v) => ({ ...v, tests: tests.get(v.id) ?? null }));
}
