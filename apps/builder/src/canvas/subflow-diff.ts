import { subflowRefs } from "../checks/subflow-resolver";
import type { DiffSide, SubflowDiffDto } from "../shared/api-schemas";
import type { FlowDoc } from "./flow-types";
import { diffFlows, diffIsEmpty, toFlowDiffDto } from "./version-diff";

/**
 * How the flows two documents call differ: a published version's document is a bundle (the flows
 * its subflow nodes call, and theirs, embedded under `subflows`), so two versions whose callers
 * are identical can still run different conversations.
 */

type Document = Record<string, unknown>;

/** A flow a document calls, as that document runs it. */
interface Reached {
  /** The references leading to it from the root (empty: the root calls it itself). */
  via: string[];
  /** Its embedded copy; null when the document calls it without embedding it (not pinned). */
  doc: Document | null;
}

const isRecord = (value: unknown): value is Document => typeof value === "object" && value !== null && !Array.isArray(value);

const embedded = (doc: Document): Document => (isRecord(doc.subflows) ? doc.subflows : {});

/** The references a document's subflow nodes make (an invalid one without a node list: none). */
const refsOf = (doc: Document): string[] => (Array.isArray(doc.nodes) ? subflowRefs(doc as unknown as FlowDoc) : []);

/**
 * Every flow `root` calls, directly or through other subflows, breadth first and each once (a
 * cycle ends there), resolved as the flow package resolves them: the calling flow's embedded
 * subflows first, then the root's (a bundle keeps them all at its root). Embedded flows nothing
 * calls come last: they are part of the bundle, and of its content hash, all the same.
 */
export function reachableSubflows(root: Document): Map<string, Reached> {
  const reached = new Map<string, Reached>();
  const queue = refsOf(root).map((ref) => ({ ref, from: root, via: [] as string[] }));
  for (let item = queue.shift(); item; item = queue.shift()) {
    const { ref, from, via } = item;
    if (reached.has(ref)) continue;
    const copy = embedded(from)[ref] ?? embedded(root)[ref];
    const doc = isRecord(copy) ? copy : null;
    reached.set(ref, { via, doc });
    if (doc) queue.push(...refsOf(doc).map((next) => ({ ref: next, from: doc, via: [...via, ref] })));
  }
  for (const [ref, copy] of Object.entries(embedded(root))) if (!reached.has(ref) && isRecord(copy)) reached.set(ref, { via: [], doc: copy });
  return reached;
}

/** A draft may be invalid: diff what structure it has. */
function asFlowDoc(doc: Document): FlowDoc {
  return { ...doc, nodes: Array.isArray(doc.nodes) ? doc.nodes : [] } as unknown as FlowDoc;
}

const nameIn = (doc: Document | null | undefined): string | undefined => (doc && typeof doc.name === "string" && doc.name ? doc.name : undefined);

/**
 * Each flow `from` or `to` calls (the caller's children, theirs, …), keyed by the reference used:
 * `added` or `removed` when only one side calls it, `changed` (with its own node, edge and other
 * changes) or `unchanged` when both embed it, and `not-pinned` when a side calls it without an
 * embedded copy, so what that side ran is not known. A side with such a gap cannot say it did not
 * call a flow either (the missing copy may have called it): those are `not-pinned` too, never
 * `added` or `removed`. `nameOf` names flows neither side embeds (by default, their reference).
 * In the order `to` calls them, then the ones only `from` calls.
 */
export function diffSubflows(from: Document, to: Document, nameOf: (ref: string) => string | undefined = () => undefined): SubflowDiffDto[] {
  const sides = { from: reachableSubflows(from), to: reachableSubflows(to) };
  const complete = {
    from: [...sides.from.values()].every((r) => r.doc !== null),
    to: [...sides.to.values()].every((r) => r.doc !== null),
  };
  const refs = [...new Set([...sides.to.keys(), ...sides.from.keys()])];
  return refs.map((ref): SubflowDiffDto => {
    const before = sides.from.get(ref);
    const after = sides.to.get(ref);
    const base = { ref, name: nameIn(after?.doc) ?? nameIn(before?.doc) ?? nameOf(ref) ?? ref, via: (after ?? before)?.via ?? [] };
    const unknownIn = (["from", "to"] as const).filter((side: DiffSide) => {
      const r = sides[side].get(ref);
      return r ? r.doc === null : !complete[side];
    });
    if (unknownIn.length > 0) return { ...base, status: "not-pinned", notPinnedIn: unknownIn };
    if (!before?.doc) return { ...base, status: "added" };
    if (!after?.doc) return { ...base, status: "removed" };
    const diff = diffFlows(asFlowDoc(before.doc), asFlowDoc(after.doc));
    return diffIsEmpty(diff) ? { ...base, status: "unchanged" } : { ...base, status: "changed", diff: toFlowDiffDto(diff) };
  });
}
