import { z } from "zod";
import {
  ApiErrorSchema,
  DiffDtoSchema,
  FlowDtoSchema,
  FlowSummaryDtoSchema,
  TestCaseDtoSchema,
  VersionTestsDtoSchema,
  ImportedTestCasesDtoSchema,
  TestRunDtoSchema,
  VersionDtoSchema,
  VersionSummaryDtoSchema,
} from "../shared/api-schemas";
import type { TestCaseConversationInput, TestResult } from "../shared/test-case-schema";

/** A failed API call: the server's code and sentence, and its HTTP status. */
export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

async function call<S extends z.ZodType>(method: string, url: string, schema: S, body?: unknown): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiRequestError(0, "network", `The server could not be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(json);
    if (parsed.success) throw new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    throw new ApiRequestError(response.status, "http", `The server answered ${response.status}.`);
  }
  return schema.parse(json);
}

const enc = encodeURIComponent;
const flowUrl = (id: string) => `/api/flows/${enc(id)}`;

export const api = {
  listFlows: async () => (await call("GET", "/api/flows", z.object({ flows: z.array(FlowSummaryDtoSchema) }))).flows,
  createFlow: async (name: string) => (await call("POST", "/api/flows", z.object({ flow: FlowDtoSchema }), { name })).flow,
  importFlow: async (document: unknown) => (await call("POST", "/api/flows/import", z.object({ flow: FlowDtoSchema }), { document })).flow,
  getFlow: async (id: string) => (await call("GET", flowUrl(id), z.object({ flow: FlowDtoSchema }))).flow,
  renameFlow: async (id: string, name: string) => (await call("PATCH", flowUrl(id), z.object({ flow: FlowDtoSchema }), { name })).flow,
  duplicateFlow: async (id: string) => (await call("POST", `${flowUrl(id)}/duplicate`, z.object({ flow: FlowDtoSchema }), {})).flow,
  deleteFlow: async (id: string) => (await call("DELETE", flowUrl(id), z.object({ flow: FlowSummaryDtoSchema }))).flow,
  saveDraft: async (id: string, expectedRevision: number, document: unknown) =>
    (await call("PUT", `${flowUrl(id)}/draft`, z.object({ flow: FlowSummaryDtoSchema }), { expectedRevision, document })).flow,
  exportUrl: (id: string) => `${flowUrl(id)}/export`,
  listVersions: async (id: string) => (await call("GET", `${flowUrl(id)}/versions`, z.object({ versions: z.array(VersionSummaryDtoSchema) }))).versions,
  publish: async (id: string, note: string, expectedRevision?: number) =>
    (await call("POST", `${flowUrl(id)}/versions`, z.object({ version: VersionSummaryDtoSchema }), { note, expectedRevision })).version,
  getVersion: async (id: string, versionId: string) => (await call("GET", `${flowUrl(id)}/versions/${enc(versionId)}`, z.object({ version: VersionDtoSchema }))).version,
  diff: (id: string, from: string, to: string) => call("GET", `${flowUrl(id)}/versions/diff?from=${enc(from)}&to=${enc(to)}`, DiffDtoSchema),
  testVersion: async (id: string, versionId: string) =>
    (await call("POST", `${flowUrl(id)}/versions/${enc(versionId)}/test-runs`, z.object({ tests: VersionTestsDtoSchema.nullable() }), {})).tests,
  rollback: async (id: string, versionId: string) => (await call("POST", `${flowUrl(id)}/rollback`, z.object({ flow: FlowDtoSchema }), { versionId })).flow,
  listTestCases: async (id: string) => (await call("GET", `${flowUrl(id)}/test-cases`, z.object({ testCases: z.array(TestCaseDtoSchema) }))).testCases,
  createTestCase: async (id: string, name: string, conversation: TestCaseConversationInput) =>
    (await call("POST", `${flowUrl(id)}/test-cases`, z.object({ testCase: TestCaseDtoSchema }), { name, conversation })).testCase,
  importTestFile: (id: string, fileName: string, text: string) => call("POST", `${flowUrl(id)}/test-cases/import`, ImportedTestCasesDtoSchema, { fileName, text }),
  updateTestCase: async (id: string, caseId: string, patch: { name?: string; conversation?: TestCaseConversationInput }) =>
    (await call("PATCH", `${flowUrl(id)}/test-cases/${enc(caseId)}`, z.object({ testCase: TestCaseDtoSchema }), patch)).testCase,
  deleteTestCase: (id: string, caseId: string) => call("DELETE", `${flowUrl(id)}/test-cases/${enc(caseId)}`, z.object({ deleted: z.literal(true) })),
  listTestRuns: async (id: string) => (await call("GET", `${flowUrl(id)}/test-runs`, z.object({ testRuns: z.array(TestRunDtoSchema) }))).testRuns,
  recordTestRun: async (id: string, results: TestResult[]) => (await call("POST", `${flowUrl(id)}/test-runs`, z.object({ testRun: TestRunDtoSchema }), { results })).testRun,
};
