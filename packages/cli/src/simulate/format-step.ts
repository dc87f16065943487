import type { SimulatedStep } from "@voxchart/engine";
import type { JsonValue } from "@voxchart/flow";

export interface FormatStepOptions {
  /** Show the variables after each turn. */
  readonly vars: boolean;
}

/** "replied in 420 ms (filler at 350 ms)": from the end of the user's turn to the first speech. */
export function formatTiming(step: SimulatedStep): string | null {
  const m = step.metrics.at(-1);
  if (!m) return null;
  const from = m.finalTranscriptAt ?? m.userSpeechEndedAt;
  if (from === undefined || m.firstSpeechAt === undefined) return null;
  const parts = [`replied in ${m.firstSpeechAt - from} ms`];
  if (m.fillerAt !== undefined) parts.push(`filler at ${m.fillerAt - from} ms`);
  if (m.overBudget.length) parts.push(`over budget: ${m.overBudget.join(", ")}`);
  return parts.join(", ");
}

export function formatVariables(variables: Readonly<Record<string, JsonValue>>): string {
  const entries = Object.entries(variables);
  if (!entries.length) return "  (no variables)";
  return entries.map(([k, v]) => `  ${k} = ${JSON.stringify(v)}`).join("\n");
}

const MAX_RESULT_CHARS = 120;

/** "[tool check_availability → {"available":true}]", or why it failed and what to do. */
export function formatToolOutcomes(step: SimulatedStep): string[] {
  return step.outputs.flatMap((o) => {
    if (o.type !== "tool.finished") return [];
    if (o.ok) {
      const result = JSON.stringify(o.result);
      return [`  [tool ${o.name} → ${result.length > MAX_RESULT_CHARS ? `${result.slice(0, MAX_RESULT_CHARS)}…` : result}]`];
    }
    const error = typeof o.result === "string" ? o.result : JSON.stringify(o.result);
    const hint = /no tool function is registered/.test(error) ? " (give its implementation with --tools <module>)" : "";
    return [`  [tool ${o.name} failed: ${error}${hint}]`];
  });
}

/** What one step looks like in the terminal: fillers, tool outcomes, bot lines, the node and timing. */
export function formatStep(step: SimulatedStep, options: FormatStepOptions): string {
  const lines: string[] = [];
  for (const f of step.fillers) lines.push(`bot: (filler) ${f}`);
  lines.push(...formatToolOutcomes(step));
  for (const b of step.bot) lines.push(`bot: ${b}`);
  const timing = formatTiming(step);
  const status = step.transfer !== null ? `, transferred to ${step.transfer}` : step.ended ? `, ended${step.outcome ? ` (${step.outcome})` : ""}` : "";
  lines.push(`  [node ${step.nodeId}${status}${timing ? ` · ${timing}` : ""}]`);
  if (options.vars) lines.push(formatVariables(step.variables));
  return lines.join("\n");
}
