import type { FlowDoc } from "../canvas/flow-types";
import { subflowRefs } from "../checks/subflow-resolver";
import { AppError } from "./app-error";

type Document = Record<string, unknown>;

/** The node of `document` that calls `ref`, for the error that names it. */
function callerOf(document: Document, ref: string): string {
  const node = (document as unknown as FlowDoc).nodes.find((n) => n.kind === "subflow" && n.flow === ref);
  return node?.id ?? "?";
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
  // A draft is saved even when invalid: one without a node list calls nothing.
  const refsOf = (doc: Document) => (Array.isArray(doc.nodes) ? subflowRefs(doc as unknown as FlowDoc).map((ref) => ({ ref, from: doc })) : []);
  const queue = refsOf(document);
  while (queue.length > 0) {
    const { ref, from } = queue.shift() as (typeof queue)[number];
    if (ref in embedded) continue;
    const child = await load(ref);
    if (!child) {
      const nodeId = callerOf(from, ref);
      throw new AppError("invalid-flow", `Subflow node "${nodeId}" of ${String(from.id ?? "this flow")} calls "${ref}", which is not a flow in the builder; pick another flow in its inspector.`, { nodeId, ref });
    }
    const { subflows: nested, ...own } = child;
    embedded[ref] = own;
    // A flow's own embedded subflows join the bundle's root, where every reference resolves.
    for (const [key, value] of Object.entries((nested as Record<string, Document> | undefined) ?? {})) if (!(key in embedded)) embedded[key] = value;
    queue.push(...refsOf(own));
  }
  return Object.keys(embedded).length === 0 ? document : { ...document, subflows: embedded };
}
