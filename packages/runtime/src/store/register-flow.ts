import { canonicalJson, contentHash, isDbError, type Database, type Flow as StoredFlow } from "@voxchart/db";
import type { Flow } from "@voxchart/flow";
import type { RegisteredFlow } from "./session-store";
import { toJsonObject } from "./to-json-object";

/** A flow document's id as a database slug ("Book_a table" → "book-a-table"). */
export function slugOfFlowId(id: string): string {
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/g, "");
  return slug === "" ? "flow" : slug;
}

/**
 * Files a served flow document in the database: the flow with the document's id as its slug
 * (created when missing) and a published version with this exact content (found by content
 * hash, or published from the document). Safe when several processes start at once: a lost
 * race is retried and then finds the winner's rows.
 */
export async function registerFlowDocument(db: Database, flowDocument: Flow): Promise<RegisteredFlow> {
  const slug = slugOfFlowId(flowDocument.id);
  const document = toJsonObject(flowDocument) as Flow;
  const hash = contentHash(document);
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      let flow: StoredFlow;
      try {
        flow = await db.flows.get({ slug, includeDeleted: true });
      } catch (error) {
        if (!isDbError(error, "not-found")) throw error;
        flow = await db.flows.create({ name: document.name, slug, description: document.description ?? "", document });
      }
      const existing = (await db.versions.list(flow.id)).find((v) => v.contentHash === hash);
      if (existing) return { flowId: flow.id, versionId: existing.id };
      if (canonicalJson(flow.document) !== canonicalJson(document)) {
        flow = await db.flows.saveDraft({ id: flow.id, expectedRevision: flow.draftRevision, document });
      }
      try {
        const version = await db.versions.publish({ flowId: flow.id, note: "published by the runtime server", expectedRevision: flow.draftRevision });
        return { flowId: flow.id, versionId: version.id };
      } catch (error) {
        const versionId = isDbError(error, "unchanged") ? error.details["versionId"] : undefined;
        if (typeof versionId === "string") return { flowId: flow.id, versionId };
        throw error;
      }
    } catch (error) {
      if (!isDbError(error, "conflict")) throw error;
      lastError = error; // another process got there first: look again
    }
  }
  throw lastError;
}
