import { simplePaths } from "@voxchart/flow";
import type { Flow, FlowIndex, JsonValue, ParsedNode } from "@voxchart/flow";
import { chooseValues, resultKey } from "./choose-values";
import { expandPath, indexOf, listens, qualify, STUB_ERROR } from "./path-hops";
import { pathTurns } from "./path-turns";
import { sampleResult } from "./sample-values";
import type { RecordedTurn } from "./record-bot-lines";

export interface GeneratePathTestsOptions {
  /** The `flow` field of the generated file (the flow's path relative to it). */
  readonly flowRef: string;
  readonly resolveSubflow?: (ref: string, from: Flow) => Flow | undefined;
  /** ISO date-time of the virtual clock (default 2026-11-25T09:00:00Z). */
  readonly now?: string;
  readonly maxPaths?: number;
  /**
   * What a simulation of a first generation said after each turn, per conversation in order
   * (see recordBotLines): turns the simulation took the path's way get a `bot:` expectation.
   */
  readonly recorded?: readonly (readonly RecordedTurn[])[];
}

export interface GeneratedPathTests {
  readonly yaml: string;
  readonly conversations: number;
}

const DEFAULT_NOW = "2026-11-25T09:00:00Z";

/** How a tool node is stubbed in a test file: its function name, or "METHOD url" for a literal URL. */
function stubName(node: ParsedNode): string | null {
  if (node.kind !== "tool") return null;
  if (node.tool.type === "function") return node.tool.name;
  return node.tool.url.includes("{{") ? null : `${node.tool.method} ${node.tool.url}`;
}

function describeTerminal(node: ParsedNode): string {
  if (node.kind === "transfer") return `transfer to ${node.target}`;
  if (node.kind === "end") return node.outcome ? `end (${node.outcome})` : "end";
  return node.id;
}

const q = (s: string) => JSON.stringify(s);

function yamlValue(value: JsonValue): string {
  return JSON.stringify(value);
}

/**
 * A conversation test-file skeleton (YAML): one conversation per simple path from the start to
 * each end or transfer node. Expectations are the node reached after each turn.
 */
export function generatePathTests(flow: Flow, options: GeneratePathTestsOptions): GeneratedPathTests {
  const now = options.now ?? DEFAULT_NOW;
  const nowMs = Date.parse(now);
  const indexes = new Map<Flow, FlowIndex>();
  const index = indexOf(indexes, flow);
  const targets = flow.nodes.filter((n) => n.kind === "end" || n.kind === "transfer").map((n) => n.id);
  const paths = simplePaths(index, flow.start, targets, { maxPaths: options.maxPaths ?? 50 });

  const functionTools = new Map<string, JsonValue>();
  const body: string[] = [];
  let count = 0;
  for (const path of paths) {
    const ways = expandPath(flow, "", path, { indexes, resolve: options.resolveSubflow, depth: 0 });
    const solved = ways.map((way) => ({ way, values: chooseValues(way, nowMs) }));
    const pick = solved.find((s) => s.values !== null) ?? solved[0];
    if (!pick) continue;
    const { way: expanded, values } = pick;
    for (const hop of expanded.hops) {
      if (hop.node.kind !== "tool") continue;
      const name = stubName(hop.node);
      if (name && !functionTools.has(name)) {
        functionTools.set(name, hop.node.tool.type === "function" ? sampleResult(hop.flow.tools[hop.node.tool.name]?.result ?? "any") : {});
      }
    }
    const { turns, errors, httpTodos } = pathTurns(expanded, values);
    count++;
    const listening = expanded.hops.filter(listens).map((h) => qualify(h.scope, h.node.id));
    const route = [...new Set([...listening, expanded.lastId])].join(" → ");
    body.push(`  - name: ${q(`path ${count}: ${route} (${describeTerminal(expanded.last)})`)}`);
    for (const todo of httpTodos) body.push(`    # TODO: stub the HTTP tool ${todo} under tools (key "METHOD url")`);
    const stubs = new Map<string, string>();
    expanded.hops.forEach((hop, i) => {
      const chosen = values?.get(resultKey(i));
      if (!chosen || hop.node.kind !== "tool" || hop.node.tool.type !== "function") return;
      if (JSON.stringify(chosen.value) !== JSON.stringify(functionTools.get(hop.node.tool.name))) stubs.set(hop.node.tool.name, `{ result: ${yamlValue(chosen.value)} }`);
    });
    for (const name of errors) stubs.set(q(name), `{ error: ${q(STUB_ERROR)} }`);
    if (stubs.size) {
      body.push(`    tools:`);
      for (const [name, stub] of stubs) body.push(`      ${name}: ${stub}`);
    }
    body.push(`    turns:`);
    const recorded = options.recorded?.[count - 1];
    /** Once the simulation leaves the path, later replies say nothing about the path. */
    let onPath = true;
    turns.forEach((turn, i) => {
      for (const c of turn.comments) body.push(`      # ${c}`);
      const fields: string[] = [];
      if (turn.user !== undefined) fields.push(`user: ${q(turn.user)}`);
      else if (turn.silence) fields.push(`silence: true`);
      const heard = recorded?.[i];
      if (recorded && onPath) {
        // Where the path's node is unknown (a TODO above), the reply may belong to another path.
        if (turn.node === null) onPath = false;
        else if (heard && heard.node === turn.node) {
          if (heard.bot) fields.push(`bot: ${q(heard.bot)}`);
        } else {
          onPath = false;
          body.push(heard ? `      # the simulation rests at ${heard.node} here, not ${turn.node}: check the sample values and stubs` : `      # the simulation ended before this turn`);
        }
      }
      if (turn.node !== null) fields.push(`node: ${q(turn.node)}`);
      if (i === turns.length - 1 && turn.node !== null && turn.end) {
        fields.push(`ended: true`);
        if (turn.end.kind === "transfer") fields.push(`transfer: ${q(turn.end.target)}`);
        if (turn.end.kind === "end" && turn.end.outcome) fields.push(`outcome: ${q(turn.end.outcome)}`);
      }
      if (!fields.length) fields.push(`bot: ""`);
      const [first, ...rest] = fields;
      body.push(`      - ${first}`);
      for (const f of rest) body.push(`        ${f}`);
      for (const c of turn.after ?? []) body.push(`        # ${c}`);
    });
  }

  const head = [
    `# Generated by \`voxchart paths\` from ${flow.id}: one conversation per path from the start`,
    options.recorded
      ? `# to an end or transfer node. The \`bot:\` lines are what the simulation said (a substring\n# match): trim them to what matters, and edit the TODOs.`
      : `# to an end or transfer node. Add \`bot:\` expectations and edit the TODOs.`,
    `flow: ${q(options.flowRef)}`,
    `now: ${q(now)}`,
  ];
  if (functionTools.size) {
    head.push(`tools:`);
    for (const [name, result] of functionTools) head.push(`  ${q(name)}: { result: ${yamlValue(result)} }`);
  }
  head.push(`conversations:`);
  if (!count) head.push(`  []  # no path from the start reaches an end or transfer node`);
  return { yaml: [...head, ...body, ""].join("\n"), conversations: count };
}

