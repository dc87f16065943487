import { compileExpression } from "@voxchart/flow";
import type { Flow, JsonValue } from "@voxchart/flow";
import { listens, qualify, requiredSlots, STUB_ERROR } from "./path-hops";
import type { ExpandedPath, Hop } from "./path-hops";
import { sampleResult, sampleValues } from "./sample-values";
import type { SampleValue } from "./sample-values";

/** Defaults of a flow's variables (null where none). */
function defaults(flow: Flow): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(flow.variables).map(([k, v]) => [k, v.default ?? null]));
}

/** The key of a tool hop's stubbed result among the chosen values. */
export const resultKey = (hopIndex: number) => `${hopIndex}:@result`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Results to try for a successful function tool: its declared type's sample, and for objects,
 * `{ field: true }` / `{ field: false }` for each `result.field` the flow's conditions read.
 */
function resultCandidates(hop: Hop): SampleValue[] {
  if (hop.node.kind !== "tool" || hop.node.tool.type !== "function") return [];
  const type = hop.flow.tools[hop.node.tool.name]?.result ?? "any";
  const first: SampleValue = { value: sampleResult(type), utterance: "" };
  const variable = hop.node.resultVariable;
  if (!variable || (type !== "object" && type !== "any")) return [first];
  const fields = new Set<string>();
  const member = new RegExp(`\\b${escape(variable)}\\.([A-Za-z_][A-Za-z0-9_]*)`, "g");
  for (const e of hop.flow.edges) if (e.trigger.type === "condition") for (const m of e.trigger.when.matchAll(member)) fields.add(m[1] as string);
  return [first, ...[...fields].flatMap((f) => [true, false].map((b): SampleValue => ({ value: { [f]: b }, utterance: "" })))];
}

/**
 * Picks slot values (and stub results of successful function tools) so that every decision on
 * the path goes the path's way: the first true condition is the path's edge; an `always` edge
 * needs every condition before it false. Returns null when no combination does it.
 */
export function chooseValues(path: ExpandedPath, now: number): Map<string, SampleValue> | null {
  const choices: { key: string; options: SampleValue[] }[] = [];
  path.hops.forEach((hop, i) => {
    if (hop.edge.trigger.type === "toolResult" && hop.edge.trigger.result === "success") {
      const options = resultCandidates(hop);
      if (options.length > 1) choices.push({ key: resultKey(i), options });
    }
    if (hop.edge.trigger.type !== "filled") return;
    for (const slot of requiredSlots(hop.node)) choices.push({ key: `${i}:${slot.name}`, options: sampleValues(slot, now) });
  });
  const scope = { now: new Date(now) };
  let tried = 0;
  const picked = new Map<string, SampleValue>();
  const satisfies = (): boolean => {
    const scopes = new Map<string, Record<string, JsonValue>>();
    const varsOf = (hop: Hop) => {
      let vars = scopes.get(hop.scope);
      if (!vars) scopes.set(hop.scope, (vars = defaults(hop.flow)));
      return vars;
    };
    for (const [i, hop] of path.hops.entries()) {
      const vars = varsOf(hop);
      if (hop.edge.trigger.type === "filled") {
        for (const slot of requiredSlots(hop.node)) vars[slot.name] = picked.get(`${i}:${slot.name}`)?.value ?? null;
      }
      if (hop.node.kind === "tool" && hop.node.resultVariable) {
        const ok = hop.edge.trigger.type === "toolResult" && hop.edge.trigger.result === "success";
        const chosen = picked.get(resultKey(i));
        vars[hop.node.resultVariable] = !ok ? STUB_ERROR : chosen ? chosen.value : sampleResult(hop.flow.tools[hop.node.tool.type === "function" ? hop.node.tool.name : ""]?.result ?? "any");
      }
      const t = hop.edge.trigger.type;
      if ((t === "condition" || t === "always") && !listens(hop)) {
        for (const e of hop.flow.edges) {
          if (e.from !== hop.node.id || e.trigger.type !== "condition") continue;
          const holds = compileExpression(e.trigger.when).test({ ...scope, vars });
          if (e.id === hop.edge.id) {
            if (!holds) return false;
            break;
          }
          if (holds) return false;
        }
      }
      if (hop.node.kind === "subflow") {
        // The child has ended: its outputs arrive in this flow's variables.
        const child = scopes.get(qualify(hop.scope, hop.node.id)) ?? {};
        for (const [name, childName] of Object.entries(hop.node.outputs)) vars[name] = child[childName] ?? null;
      }
      for (const [name, expression] of Object.entries(hop.edge.assign ?? {})) {
        const value = compileExpression(expression).evaluate({ ...scope, vars });
        vars[name] = (value ?? null) as JsonValue;
      }
    }
    return true;
  };
  const search = (k: number): boolean => {
    if (tried > 2000) return false;
    const choice = choices[k];
    if (!choice) {
      tried++;
      return satisfies();
    }
    for (const option of choice.options) {
      picked.set(choice.key, option);
      if (search(k + 1)) return true;
    }
    return false;
  };
  return search(0) ? picked : null;
}

