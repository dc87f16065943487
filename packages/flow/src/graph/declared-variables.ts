import type { Flow, ParsedSlot, ValueType } from "../schema";
import { slotValueType } from "./slot-value-type";

export type VariableEnv = Record<string, ValueType>;

/** One declaration of a variable and where it is written, for conflict reports. */
export interface VariableDeclaration {
  readonly name: string;
  readonly type: ValueType;
  /** JSON pointer of the declaring field. */
  readonly path: string;
  readonly nodeId?: string;
}

function slotDeclarations(slots: readonly ParsedSlot[], base: string, nodeId?: string): VariableDeclaration[] {
  return slots.map((slot, i) => ({
    name: slot.name,
    type: slotValueType(slot.type),
    path: `${base}/${i}/name`,
    ...(nodeId !== undefined ? { nodeId } : {}),
  }));
}

/**
 * Every declaration in document order: `variables`, then per node its slots and tool result,
 * then intent arguments on edges and globals.
 */
export function variableDeclarations(flow: Flow): VariableDeclaration[] {
  const out: VariableDeclaration[] = Object.entries(flow.variables).map(([name, v]) => ({
    name,
    type: v.type,
    path: `/variables/${name}`,
  }));
  flow.nodes.forEach((node, i) => {
    if (node.kind === "collect") out.push(...slotDeclarations(node.slots, `/nodes/${i}/slots`, node.id));
    if (node.kind === "tool" && node.resultVariable !== undefined) {
      const declared = node.tool.type === "function" ? flow.tools[node.tool.name]?.result : undefined;
      out.push({ name: node.resultVariable, type: declared ?? "any", path: `/nodes/${i}/resultVariable`, nodeId: node.id });
    }
  });
  flow.edges.forEach((edge, i) => {
    if (edge.trigger.type === "intent" && edge.trigger.intent.arguments)
      out.push(...slotDeclarations(edge.trigger.intent.arguments, `/edges/${i}/trigger/intent/arguments`));
  });
  flow.globals.forEach((g, i) => {
    if (g.intent.arguments) out.push(...slotDeclarations(g.intent.arguments, `/globals/${i}/intent/arguments`));
  });
  return out;
}

/** Variable name → type. The first declaration wins (`variables` before slots and results). */
export function declaredVariables(flow: Flow): VariableEnv {
  const env: VariableEnv = {};
  for (const d of variableDeclarations(flow)) if (!(d.name in env)) env[d.name] = d.type;
  return env;
}
