import { AppError } from "./app-error";

type Document = Record<string, unknown>;

/** The `flow` references of a document's subflow nodes, with the node that makes each. */
function subflowRefs(document: Document): { ref: string; nodeId: string }[] {
  const nodes = Array.isArray(document.nodes) ? (document.nodes as unknown[]) : [];
  return nodes.flatMap((node) => {
    if (typeof node !== "object" || node === null) return [];
    const n = node as Record<string, unknown>;
    return n.kind === "subflow" && typeof n.flow === "string" ? [{ ref: n.flow, nodeId: typeof n.id === "string" ? n.id : "?" }] : [];
  });
}

/**
 * A document that stands alone: every flow it calls, directly or through other subflows, is
 * embedded under `subflows` by the reference its subflow nodes use (in the builder, a flow id),
 * as each flow's draft is now. What the runtime receives on deploy and what an export writes,
 * so neither needs the builder's database to resolve a subflow. A reference no flow answers is
 * an `invalid-flow` error naming the node, the document is never sent half-resolved.
 */
export async function bundleSubflows(document: Document, load: (ref: string) => Promise<Document | null>): Promise<Document> {
  const embedded: Record<string, Document> = { ...((document.subflows as Record<string, Document> | undefined) ?? {}) };
  const queue = subflowRefs(document).map((r) => ({ ...r, from: String(document.id ?? "this flow") }));
  while (queue.length > 0) {
    const { ref, nodeId, from } = queue.shift() as (typeof queue)[number];
    if (ref in embedded) continue;
    const child = await load(ref);
    if (!child) throw new AppError("invalid-flow", `Subflow node "${nodeId}" of ${from} calls "${ref}", which is not a flow in the builder; pick another flow in its inspector.`, { nodeId, ref });
    const { subflows: nested, ...own } = child;
    embedded[ref] = own;
    // A flow's own embedded subflows join the bundle's root, where every reference resolves.
    for (const [key, value] of Object.entries((nested as Record<string, Document> | undefined) ?? {})) if (!(key in embedded)) embedded[key] = value;
    queue.push(...subflowRefs(own).map((r) => ({ ...r, from: String(own.id ?? ref) })));
  }
  return Object.keys(embedded).length === 0 ? document : { ...document, subflows: embedded };
}
