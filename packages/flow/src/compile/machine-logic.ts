import type { Flow, JsonValue, ParsedNode } from "../schema";
import type { CompiledNode } from "./compiled-node";
import type { ExpressionCache } from "./expression-cache";
import type { FlowContext, FlowEvent, SlotValue } from "./types";
import type { RegionRegistry } from "./build-region";

/** Pure helpers shared by the machine's actions and guards. */
export interface MachineLogic {
  node(id: string): CompiledNode;
  vars(context: FlowContext, scope: string): Record<string, JsonValue>;
  now(context: FlowContext, event: FlowEvent): number;
  render(context: FlowContext, event: FlowEvent, scope: string, template: string): string;
  evaluate(context: FlowContext, event: FlowEvent, scope: string, expression: string): unknown;
  condition(context: FlowContext, event: FlowEvent, scope: string, expression: string): boolean;
  missingSlots(context: FlowContext, node: CompiledNode): string[];
  initialScope(flow: Flow): Record<string, JsonValue>;
  registry: RegionRegistry;
}

export function createMachineLogic(registry: RegionRegistry, cache: ExpressionCache): MachineLogic {
  const vars = (context: FlowContext, scope: string) => context.scopes[scope] ?? {};
  const now = (context: FlowContext, event: FlowEvent) => event.now ?? context.now;
  return {
    registry,
    node(id) {
      const n = registry.nodes.get(id);
      if (!n) throw new Error(`internal: unknown node ${id}`);
      return n;
    },
    vars,
    now,
    render: (context, event, scope, template) => cache.render(template, vars(context, scope), now(context, event)),
    evaluate: (context, event, scope, expression) => cache.evaluate(expression, vars(context, scope), now(context, event)),
    condition: (context, event, scope, expression) => cache.condition(expression, vars(context, scope), now(context, event)),
    missingSlots(context, node) {
      const v = vars(context, node.scope);
      return node.slots.filter((s) => s.required && (v[s.name] === undefined || v[s.name] === null)).map((s) => s.name);
    },
    initialScope(flow) {
      const scope: Record<string, JsonValue> = {};
      for (const [name, variable] of Object.entries(flow.variables)) scope[name] = variable.default ?? null;
      return scope;
    },
  };
}

/** Keeps only values for slots the node collects. */
export function nodeSlotValues(node: CompiledNode, slots: Record<string, SlotValue>): Record<string, SlotValue> {
  const out: Record<string, SlotValue> = {};
  for (const s of node.slots) {
    const v = slots[s.name];
    if (v !== undefined) out[s.name] = v;
  }
  return out;
}

export function textField(node: ParsedNode, field: string): string | undefined {
  const value = (node as unknown as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
}

/** Converts any evaluated value into JSON for storage in a variable. */
export function toJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return null;
}
