import type { Flow, ParsedSlot } from "../schema";

/** A string in the flow written in the expression language, or a template. */
export interface ExpressionSite {
  readonly kind: "expression" | "template";
  readonly source: string;
  readonly path: readonly (string | number)[];
  readonly nodeId?: string;
  readonly edgeId?: string;
  /** Extra variables in scope here (`value` in a slot's invalidMessage). */
  readonly extraEnv?: Readonly<Record<string, "any">>;
}

type Path = readonly (string | number)[];

function templates(out: ExpressionSite[], base: Path, owner: Record<string, unknown>, keys: readonly string[], nodeId?: string): void {
  for (const key of keys) {
    const value = owner[key];
    const site = { kind: "template" as const, ...(nodeId !== undefined ? { nodeId } : {}) };
    if (typeof value === "string") out.push({ ...site, source: value, path: [...base, key] });
    else if (Array.isArray(value))
      value.forEach((v, i) => typeof v === "string" && out.push({ ...site, source: v, path: [...base, key, i] }));
  }
}

function slotTemplates(out: ExpressionSite[], slots: readonly ParsedSlot[], base: Path, nodeId: string): void {
  slots.forEach((slot, i) => {
    if (slot.prompt !== undefined) out.push({ kind: "template", source: slot.prompt, path: [...base, i, "prompt"], nodeId });
    if (slot.invalidMessage !== undefined)
      out.push({ kind: "template", source: slot.invalidMessage, path: [...base, i, "invalidMessage"], nodeId, extraEnv: { value: "any" } });
  });
}

/**
 * Every template and expression in a flow, with its JSON pointer. Edge conditions and assigns,
 * tool args and subflow inputs are expressions; everything spoken is a template. Conditions are
 * listed separately by the caller because their type must be boolean.
 */
export function expressionSites(flow: Flow): ExpressionSite[] {
  const out: ExpressionSite[] = [];
  if (flow.settings.persona !== undefined) out.push({ kind: "template", source: flow.settings.persona, path: ["settings", "persona"] });
  const prompts = ["noMatchPrompts", "noInputPrompts"];
  flow.nodes.forEach((node, i) => {
    const base: Path = ["nodes", i];
    const owner = node as unknown as Record<string, unknown>;
    switch (node.kind) {
      case "say":
        templates(out, base, owner, ["text", ...prompts], node.id);
        break;
      case "collect":
        templates(out, base, owner, ["prompt", "confirm", ...prompts], node.id);
        slotTemplates(out, node.slots, [...base, "slots"], node.id);
        break;
      case "conversation":
        templates(out, base, owner, ["role", "task", "opening", "localReply", ...prompts], node.id);
        break;
      case "tool":
        templates(out, base, owner, ["progressMessage"], node.id);
        if (node.tool.type === "http") {
          out.push({ kind: "template", source: node.tool.url, path: [...base, "tool", "url"], nodeId: node.id });
          for (const [name, value] of Object.entries(node.tool.headers ?? {}))
            out.push({ kind: "template", source: value, path: [...base, "tool", "headers", name], nodeId: node.id });
        }
        break;
      case "transfer":
        templates(out, base, owner, ["message", "handoff"], node.id);
        break;
      case "end":
        templates(out, base, owner, ["message"], node.id);
        break;
      case "decide":
      case "subflow":
        break; // subflow inputs are checked against the child's types (subflows check)
    }
  });
  flow.globals.forEach((g, i) => {
    if ((g.action.type === "say" || g.action.type === "restart" || g.action.type === "end") && g.action.text !== undefined)
      out.push({ kind: "template", source: g.action.text, path: ["globals", i, "action", "text"] });
  });
  return out;
}
