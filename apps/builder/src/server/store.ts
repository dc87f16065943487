import path from "node:path";
import { mkdirSync } from "node:fs";
import { contentHash, createDatabase, isDbError, JsonObjectSchema, type Database, type JsonObject } from "@voxchart/db";
import type { FlowDto, FlowSummaryDto, ImportedTestCasesDto, TestCaseDto, TestRunDto, VersionDto, VersionSummaryDto } from "../shared/api-schemas";
import { FlowDtoSchema, TestCaseDtoSchema, TestRunDtoSchema, VersionDtoSchema } from "../shared/api-schemas";
import { TestCaseConversationSchema } from "../shared/test-case-schema";
import type { StoredConversation, TestResult } from "../shared/test-case-schema";
import type { DeploymentDto } from "../shared/deploy-schemas";
import { createStarterFlow } from "../canvas/new-node";
import { AppError } from "./app-error";
import { bundleSubflows } from "./bundle-subflows";
import { versionCalls, withoutPinnedSubflows } from "./pinned-subflows";
import { findExamplesDir, readExampleFlows, readExampleTests } from "./seed-examples";
import { validateFlow } from "../lib/flow-api";

/**
 * The builder's only door to persistence: every route calls these functions, which call
 * @voxchart/db and return plain JSON-safe DTOs. Swapping the store is a change to this file.
 */

type Doc = JsonObject;
/** A document as the repository stores it: JSON only (checked, not cast). */
const json = (value: unknown): Doc => JsonObjectSchema.parse(value);
const globalStore = globalThis as unknown as { __voxchartDb?: Promise<Database> };

function databaseUrl(): string {
  const configured = process.env.VOXCHART_DB ?? process.env.DATABASE_URL;
  if (configured) return configured;
  const dir = path.join(process.cwd(), ".data");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, "voxchart.db");
}

async function open(): Promise<Database> {
  const db = await createDatabase({ url: databaseUrl() });
  const existing = await db.flows.list({ includeDeleted: true });
  if (existing.length === 0) await seed(db);
  return db;
}

/** First run: the examples (or a starter flow when there are none), so a new user sees working flows. */
async function seed(db: Database): Promise<void> {
  const dir = findExamplesDir();
  const examples = dir ? await readExampleFlows(dir) : [];
  if (examples.length === 0) {
    await db.flows.create({ name: "Welcome", document: json(createStarterFlow("welcome", "Welcome")) });
    return;
  }
  const idByFile = new Map<string, string>();
  const created: { example: (typeof examples)[number]; id: string; revision: number }[] = [];
  for (const example of examples) {
    const flow = await db.flows.create({ name: example.name, description: example.description, document: json(example.document) });
    idByFile.set(path.resolve(example.file), flow.id);
    created.push({ example, id: flow.id, revision: flow.draftRevision });
  }
  // Subflow nodes name files relative to their flow; in the builder they name flow ids.
  for (const { example, id, revision } of created) {
    const document = rewriteSubflowRefs(example.document, (ref) => idByFile.get(path.resolve(path.dirname(example.file), ref)));
    if (document !== example.document) await db.flows.saveDraft({ id, expectedRevision: revision, document: json(document) });
  }
  // The examples' conversation tests become the flows' test cases.
  for (const tests of dir ? await readExampleTests(dir) : []) {
    const flowId = idByFile.get(tests.flowFile);
    if (flowId && tests.cases.length) await db.testCases.saveMany({ flowId, cases: tests.cases.map((c) => ({ name: c.name, conversation: json(c.conversation) })) });
  }
}

/** Replaces subflow references that `resolve` knows; the same object when none changes. */
function rewriteSubflowRefs(document: Record<string, unknown>, resolve: (ref: string) => string | undefined): Record<string, unknown> {
  const nodes = document.nodes;
  if (!Array.isArray(nodes)) return document;
  let changed = false;
  const next = nodes.map((node: unknown) => {
    if (typeof node !== "object" || node === null) return node;
    const n = node as Record<string, unknown>;
    if (n.kind !== "subflow" || typeof n.flow !== "string") return node;
    const id = resolve(n.flow);
    if (!id) return node;
    changed = true;
    return { ...n, flow: id };
  });
  return changed ? { ...document, nodes: next } : document;
}

export function database(): Promise<Database> {
  globalStore.__voxchartDb ??= open().catch((error: unknown) => {
    globalStore.__voxchartDb = undefined;
    throw error;
  });
  return globalStore.__voxchartDb;
}

const iso = (d: Date) => d.toISOString();
type Dated = { createdAt: Date; updatedAt: Date };

function summary(f: { id: string; slug: string; name: string; description: string; draftRevision: number } & Dated): FlowSummaryDto {
  return { id: f.id, slug: f.slug, name: f.name, description: f.description, draftRevision: f.draftRevision, createdAt: iso(f.createdAt), updatedAt: iso(f.updatedAt) };
}

function full(f: Parameters<typeof summary>[0] & { document: Doc }): FlowDto {
  return FlowDtoSchema.parse({ ...summary(f), document: f.document });
}

/** A flow document id from a slug: ids start with a letter. */
function docIdFor(slug: string): string {
  const id = slug.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 60);
  return /^[A-Za-z]/.test(id) ? id : `flow-${id}`;
}

/** Keeps the document's name (and id) in step with the stored flow. */
async function syncDocument(db: Database, flow: FlowDto, patch: Doc): Promise<FlowDto> {
  const document = json({ ...flow.document, ...patch });
  const saved = await db.flows.saveDraft({ id: flow.id, expectedRevision: flow.draftRevision, document });
  return full(saved);
}

export async function listFlows(): Promise<FlowSummaryDto[]> {
  return (await (await database()).flows.list()).map(summary);
}

export async function getFlow(id: string): Promise<FlowDto> {
  return full(await (await database()).flows.get({ id }));
}

/** A flow's draft document by id, or null when there is no such flow (a subflow reference to resolve). */
export async function flowDocumentOrNull(id: string): Promise<Record<string, unknown> | null> {
  try {
    return (await getFlow(id)).document as Record<string, unknown>;
  } catch (error) {
    if (isDbError(error, "not-found")) return null;
    throw error;
  }
}

export async function createFlow(name: string, description = ""): Promise<FlowDto> {
  const db = await database();
  const docId = docIdFor(name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "flow");
  return full(await db.flows.create({ name, description, document: json(createStarterFlow(docId, name)) }));
}

/** Imports a flow document; it must be a valid flow (the diagnostics come back otherwise). */
export async function importFlow(document: unknown): Promise<FlowDto> {
  const result = validateFlow(document);
  if (!result.ok) throw new AppError("invalid-flow", "The file is not a valid Voxchart flow.", { diagnostics: result.diagnostics });
  const db = await database();
  return full(await db.flows.create({ name: result.flow.name, description: result.flow.description ?? "", document: json(document) }));
}

export async function renameFlow(id: string, name: string, description?: string): Promise<FlowDto> {
  const db = await database();
  await db.flows.rename({ id, name, ...(description !== undefined ? { description } : {}) });
  const flow = await getFlow(id);
  return flow.document.name === name ? flow : syncDocument(db, flow, { name });
}

export async function duplicateFlow(id: string, name?: string): Promise<FlowDto> {
  const db = await database();
  const copy = full(await db.flows.duplicate({ id, ...(name ? { name } : {}) }));
  return syncDocument(db, copy, { name: copy.name, id: docIdFor(copy.slug) });
}

export async function deleteFlow(id: string): Promise<FlowSummaryDto> {
  return summary(await (await database()).flows.delete(id));
}

export async function saveDraft(id: string, expectedRevision: number, document: Record<string, unknown>): Promise<FlowSummaryDto> {
  return summary(await (await database()).flows.saveDraft({ id, expectedRevision, document: json(document) }));
}

/** `nameOf` names the flows a version calls without embedding them (by default, their reference). */
function version(v: { id: string; flowId: string; number: number; contentHash: string; note: string; createdAt: Date; document: Doc }, nameOf?: (ref: string) => string | undefined): VersionSummaryDto {
  return { id: v.id, flowId: v.flowId, number: v.number, contentHash: v.contentHash, note: v.note, createdAt: iso(v.createdAt), calls: versionCalls(v.document, nameOf), tests: null };
}

/** Only a valid flow becomes a version: 422 with the diagnostics otherwise. */
function assertPublishable(document: Doc): void {
  const result = validateFlow(document);
  if (!result.ok) throw new AppError("invalid-flow", "Only a valid flow can be published: fix the errors in Problems first.", { diagnostics: result.diagnostics });
}

/**
 * What publishing a draft stores: the draft with the flows it calls (and theirs) embedded as their
 * drafts are now, so the version pins them. The draft and, through the bundle, every child must be
 * valid (422 naming the problems otherwise); a subflow node calling no flow is a 422 naming it.
 */
async function publishableBundle(draft: Doc): Promise<Doc> {
  assertPublishable(draft);
  const bundle = await bundleSubflows(draft, flowDocumentOrNull);
  if (bundle === draft) return draft;
  const result = validateFlow(bundle);
  if (!result.ok) {
    throw new AppError("invalid-flow", "A flow this one calls is not valid, so it cannot be published with it: open that flow and fix its problems first.", { diagnostics: result.diagnostics });
  }
  return json(bundle);
}

/**
 * Publishes the draft as a version that pins its subflows (see {@link publishableBundle}). The
 * bundle is made from the draft at the revision read here, and the repository publishes it only
 * if the draft is still at that revision (or at `expectedRevision`, when the caller gave one): a
 * draft saved meanwhile is a `conflict`. The hash covers the bundle, so a change in a child alone
 * makes a new version, and an identical bundle is `unchanged`.
 */
export async function publishVersion(flowId: string, note: string, expectedRevision?: number): Promise<VersionSummaryDto> {
  const db = await database();
  const flow = await db.flows.get({ id: flowId });
  const document = await publishableBundle(flow.document);
  return version(await db.versions.publish({ flowId, note, expectedRevision: expectedRevision ?? flow.draftRevision, document }));
}

/** Newest first, each with the flows it calls (read from its document). */
export async function listVersions(flowId: string): Promise<VersionSummaryDto[]> {
  const db = await database();
  const versions = await Promise.all((await db.versions.list(flowId)).map((v) => db.versions.get({ id: v.id })));
  // Versions from before pinning name their children by flow id only: name them as the flows are named now.
  const unpinned = versions.some((v) => versionCalls(v.document).some((c) => !c.pinned));
  const names = unpinned ? new Map((await db.flows.list()).map((f) => [f.id, f.name])) : new Map<string, string>();
  return versions.map((v) => version(v, (ref) => names.get(ref)));
}

export async function getVersion(flowId: string, versionId: string): Promise<VersionDto> {
  const v = await (await database()).versions.get({ id: versionId });
  if (v.flowId !== flowId) throw new AppError("not-found", `Version ${versionId} does not belong to flow ${flowId}.`);
  return VersionDtoSchema.parse({ ...version(v), document: v.document });
}

/**
 * Restores a version into the draft (a new draft revision; the version is unchanged): the caller
 * only, without the subflows the version embedded (see {@link withoutPinnedSubflows}): the flows
 * it calls keep their current drafts. Without `expectedRevision`, over whatever draft there is now.
 */
export async function rollback(flowId: string, versionId: string, expectedRevision?: number): Promise<FlowDto> {
  const db = await database();
  const v = await getVersion(flowId, versionId);
  const flow = await db.flows.get({ id: flowId });
  const live = new Set((await db.flows.list()).map((f) => f.id));
  const document = json(withoutPinnedSubflows(v.document, (ref) => live.has(ref)));
  return full(await db.flows.saveDraft({ id: flowId, expectedRevision: expectedRevision ?? flow.draftRevision, document }));
}

/**
 * A stored test case as the API shows it: its conversation in the current format (format 1 is
 * read as the format-2 conversation it means). One that cannot be read is still listed, with the
 * problem, never hidden: the stored text stays as it is until the author replaces or deletes it.
 */
function testCase(t: { id: string; flowId: string; name: string; conversation: unknown } & Dated): TestCaseDto {
  const parsed = TestCaseConversationSchema.safeParse(t.conversation);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  const problem = issue && `the stored conversation cannot be read at /${issue.path.map(String).join("/")}: ${issue.message}`;
  return TestCaseDtoSchema.parse({
    id: t.id,
    flowId: t.flowId,
    name: t.name,
    conversation: parsed.success ? parsed.data : null,
    problem: problem ?? null,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  });
}

export async function listTestCases(flowId: string): Promise<TestCaseDto[]> {
  const db = await database();
  await db.flows.get({ id: flowId });
  return (await db.testCases.list(flowId)).map(testCase);
}

async function ownedTestCase(db: Database, flowId: string, id: string) {
  const existing = await db.testCases.get(id);
  if (existing.flowId !== flowId) throw new AppError("not-found", `Test case ${id} does not belong to flow ${flowId}.`);
  return existing;
}

export async function createTestCase(flowId: string, name: string, conversation: StoredConversation): Promise<TestCaseDto> {
  return testCase(await (await database()).testCases.create({ flowId, name, conversation: json(conversation) }));
}

export async function updateTestCase(flowId: string, id: string, patch: { name?: string | undefined; conversation?: StoredConversation | undefined }): Promise<TestCaseDto> {
  const db = await database();
  await ownedTestCase(db, flowId, id);
  return testCase(await db.testCases.update({ id, ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.conversation ? { conversation: json(patch.conversation) } : {}) }));
}

/**
 * Adds imported conversations as test cases in one transaction: a name the flow already has gets
 * the imported conversation (importing the same file twice changes nothing), a new name makes a
 * new case.
 */
export async function importTestCases(flowId: string, cases: readonly { name: string; conversation: StoredConversation }[]): Promise<ImportedTestCasesDto> {
  const saved = await (await database()).testCases.saveMany({ flowId, cases: cases.map((c) => ({ name: c.name, conversation: json(c.conversation) })) });
  return { created: saved.created.map(testCase), updated: saved.updated.map(testCase) };
}

export async function deleteTestCase(flowId: string, id: string): Promise<void> {
  const db = await database();
  await ownedTestCase(db, flowId, id);
  await db.testCases.delete(id);
}

function testRun(r: { id: string; flowId: string; versionId: string | null; status: string; results: unknown; passed: number; failed: number; startedAt: Date; finishedAt: Date | null }): TestRunDto | null {
  const parsed = TestRunDtoSchema.safeParse({ ...r, startedAt: iso(r.startedAt), finishedAt: r.finishedAt ? iso(r.finishedAt) : null });
  return parsed.success ? parsed.data : null;
}

export async function listTestRuns(flowId: string): Promise<TestRunDto[]> {
  return (await (await database()).testRuns.list({ flowId })).flatMap((r) => testRun(r) ?? []);
}

export async function recordTestRun(flowId: string, results: TestResult[], versionId?: string): Promise<TestRunDto> {
  const passed = results.filter((r) => r.passed).length;
  const failed = results.length - passed;
  const now = new Date();
  const run = await (await database()).testRuns.record({
    flowId,
    ...(versionId ? { versionId } : {}),
    status: failed === 0 ? "passed" : "failed",
    results,
    passed,
    failed,
    startedAt: new Date(now.getTime() - results.reduce((sum, r) => sum + r.durationMs, 0)),
    finishedAt: now,
  });
  const dto = testRun(run);
  if (!dto) throw new AppError("internal", "The stored test run could not be read back.");
  return dto;
}

/**
 * What a deploy sends, found without writing anything: the version asked for, the published
 * version identical to the draft's bundle, or else that bundle (the draft with the flows it calls
 * as they are now), published only once a runtime has accepted it (so a refused deploy leaves no
 * version behind).
 */
export type DeployCandidate =
  | { kind: "version"; version: VersionDto }
  | { kind: "draft"; document: Doc; draftRevision: number };

export async function deployCandidate(flowId: string, versionId?: string): Promise<DeployCandidate> {
  if (versionId) return { kind: "version", version: await getVersion(flowId, versionId) };
  const db = await database();
  const flow = await db.flows.get({ id: flowId });
  const document = await publishableBundle(flow.document);
  // The same hash versions.publish computes over what it stores, so "reused" here means what its `unchanged` means.
  const hash = contentHash(document);
  const same = (await db.versions.list(flowId)).find((v) => v.contentHash === hash);
  if (same) return { kind: "version", version: await getVersion(flowId, same.id) };
  return { kind: "draft", document, draftRevision: flow.draftRevision };
}

/**
 * Publishes the bundle a runtime has just accepted (made from the draft at `draftRevision`) and
 * records its deployment, in one transaction: both are written or neither. A draft saved
 * meanwhile is a `conflict` (nothing written); a version storing the same bundle is reused.
 */
export async function publishAndRecordDeployment(
  flowId: string,
  draftRevision: number,
  runtimeUrl: string,
  document: Doc,
): Promise<{ version: VersionSummaryDto; deployment: DeploymentDto; reused: boolean }> {
  const db = await database();
  const r = await db.deployments.publishAndDeploy({ flowId, note: "Deployed from the builder", expectedRevision: draftRevision, document, runtimeUrl });
  return { version: version(r.version), deployment: { ...r.deployment, createdAt: iso(r.deployment.createdAt) }, reused: r.reused };
}

export async function recordDeployment(flowId: string, versionId: string, runtimeUrl: string): Promise<DeploymentDto> {
  const d = await (await database()).deployments.create({ flowId, versionId, runtimeUrl });
  return { ...d, createdAt: iso(d.createdAt) };
}

/** The flow's active ("production") deployment, or null. */
export async function activeDeployment(flowId: string): Promise<DeploymentDto | null> {
  const d = await (await database()).deployments.getActive({ flowId });
  return d ? { ...d, createdAt: iso(d.createdAt) } : null;
}
