import { jsonPointer } from "../diagnostics";
import type { Flow } from "../schema";

export interface SourceRef {
  kind: "expression" | "template";
  text: string;
  /** JSON Pointer of the string in the flow document. */
  path: string;
  nodeId?: string;
  edgeId?: string;
}

const NODE_TEMPLATE_FIELDS = ["text", "prompt", "confirm", "role", "task", "opening", "localReply", "progressMessage", "message", "handoff"] as const;

/** Every expression and template in a flow document, with where it stands. */
export function collectSources(flow: Flow): SourceRef[] {
  const out: SourceRef[] = [];
  const tpl = (text: string, segments: (string | number)[], ids: { nodeId?: string; edgeId?: string }) =>
    out.push({ kind: "template", text, path: jsonPointer(segments), ...ids });
  const expr = (text: string, segments: (string | number)[], ids: { nodeId?: string; edgeId?: string }) =>
    out.push({ kind: "expression", text, path: jsonPointer(segments), ...ids });

  flow.nodes.forEach((node, i) => {
    const ids = { nodeId: node.id };
    const record = node as unknown as Record<string, unknown>;
    for (const field of NODE_TEMPLATE_FIELDS) {
      const value = record[field];
      if (typeof value === "string") tpl(value, ["nodes", i, field], ids);
    }
    for (const field of ["noMatchPrompts", "noInputPrompts"] as const) {
      const list = record[field];
      if (Array.isArray(list)) list.forEach((t, j) => typeof t === "string" && tpl(t, ["nodes", i, field, j], ids));
    }
    if (node.kind === "collect") {
      node.slots.forEach((s, j) => {
        if (s.prompt) tpl(s.prompt, ["nodes", i, "slots", j, "prompt"], ids);
        if (s.invalidMessage) tpl(s.invalidMessage, ["nodes", i, "slots", j, "invalidMessage"], ids);
      });
    }
    if (node.kind === "tool") {
      for (const [name, e] of Object.entries(node.args)) expr(e, ["nodes", i, "args", name], ids);
      if (node.tool.type === "http") {
        tpl(node.tool.url, ["nodes", i, "tool", "url"], ids);
        for (const [name, h] of Object.entries(node.tool.headers ?? {})) tpl(h, ["nodes", i, "tool", "headers", name], ids);
      }
    }
    if (node.kind === "subflow") for (const [name, e] of Object.entries(node.inputs)) expr(e, ["nodes", i, "inputs", name], ids);
  });
  flow.edges.forEach((edge, i) => {
    const ids = { edgeId: edge.id, nodeId: edge.from };
    if (edge.trigger.type === "condition") expr(edge.trigger.when, ["edges", i, "trigger", "when"], ids);
    for (const [name, e] of Object.entries(edge.assign ?? {})) expr(e, ["edges", i, "assign", name], ids);
  });
  flow.globals.forEach((g, i) => {
    if ("text" in g.action && g.action.text) tpl(g.action.text, ["globals", i, "action", "text"], {});
  });
  if (flow.settings.persona) tpl(flow.settings.persona, ["settings", "persona"], {});
  return out;
}
