import type { FlowDoc } from "../canvas/flow-types";
import { subflowRefs } from "../checks/subflow-resolver";
import type { VersionCallDto } from "../shared/api-schemas";
import { bundleSubflows } from "./bundle-subflows";

/**
 * A published version pins the flows it calls: its stored document is the bundle
 * ({@link bundleSubflows}) made when it was published, so deploying it again sends the same
 * conversation. The draft stays the caller alone: in the builder a child is its own flow, found
 * by reference. These helpers move between the two.
 */

type Document = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The flows embedded in a document, by reference (none: an empty object). */
export function embeddedSubflows(document: Document): Record<string, unknown> {
  return isRecord(document.subflows) ? document.subflows : {};
}

/** The references a document's own subflow nodes make (a draft may be invalid: no node list, none). */
function directRefs(document: Document): string[] {
  return Array.isArray(document.nodes) ? subflowRefs(document as unknown as FlowDoc) : [];
}

/**
 * A version published before versions pinned their subflows: it calls flows but embeds none.
 * (A version that calls nothing is the same either way, and a pinned one always embeds.)
 */
export function isUnpinnedVersion(document: Document): boolean {
  return !("subflows" in document) && directRefs(document).length > 0;
}

/**
 * What a deploy (or an export) of a published version sends: its stored document, already the
 * bundle, as it is. A version published before this pinning existed has no `subflows`: it is
 * bundled with the children's current drafts, as every deploy did then — the only way to run it,
 * but not reproducible (publish again to pin).
 */
export async function versionToSend(document: Document, load: (ref: string) => Promise<Document | null>): Promise<Document> {
  return isUnpinnedVersion(document) ? bundleSubflows(document, load) : document;
}

/**
 * A version's document as a draft again: without the copies of builder flows embedded when it was
 * published, since in the builder the children are separate flows resolved by reference, and an
 * embedded copy would shadow the child's own draft (and be edited nowhere). Only the caller is
 * restored: a child's draft stays as it is now, even when it differs from the pinned copy (children
 * are edited on their own pages; deploy the version itself to run it exactly as published).
 * Embedded flows no builder flow answers (an imported bundle's own, a child deleted since) are
 * kept: without them the reference would resolve to nothing.
 */
export function withoutPinnedSubflows(document: Document, isBuilderFlow: (ref: string) => boolean): Document {
  if (!("subflows" in document)) return document;
  const { subflows: _subflows, ...own } = document;
  const kept = Object.entries(embeddedSubflows(document)).filter(([ref]) => !isBuilderFlow(ref));
  return kept.length === 0 ? own : { ...own, subflows: Object.fromEntries(kept) };
}

/**
 * The flows a version calls, for the versions list: every embedded one (pinned), the caller's
 * direct ones first, and any the version calls without embedding them (a version from before
 * pinning: the current draft is what a deploy sends). `nameOf` names those by the builder's flows.
 */
export function versionCalls(document: Document, nameOf: (ref: string) => string | undefined = () => undefined): VersionCallDto[] {
  const embedded = embeddedSubflows(document);
  const refs = [...new Set([...directRefs(document), ...Object.keys(embedded)])];
  return refs.map((ref) => {
    const child = embedded[ref];
    if (child === undefined) return { ref, name: nameOf(ref) ?? ref, pinned: false };
    const name = isRecord(child) && typeof child.name === "string" && child.name ? child.name : ref;
    return { ref, name, pinned: true };
  });
}
