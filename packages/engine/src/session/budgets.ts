import type { LatencyBudgets } from "@voxchart/flow";
import type { TurnMetrics } from "./events";

/** Names of the budgets a turn exceeded, measured from the end of the user's speech. */
export function overBudget(m: TurnMetrics, budgets: LatencyBudgets): string[] {
  // Most turns keep every budget: a plain array (no Set) is enough, deduplicated as a Set would.
  const out = m.overBudget.length ? [...new Set(m.overBudget)] : [];
  const add = (name: string) => {
    if (!out.includes(name)) out.push(name);
  };
  const from = m.finalTranscriptAt ?? m.userSpeechEndedAt;
  if (from !== undefined) {
    if (budgets.understandingMs !== undefined && m.understandingDoneAt !== undefined && m.understandingDoneAt - from > budgets.understandingMs) add("understandingMs");
    if (budgets.llmFirstTokenMs !== undefined && m.firstTokenAt !== undefined && m.firstTokenAt - from > budgets.llmFirstTokenMs) add("llmFirstTokenMs");
  }
  const speechFrom = m.userSpeechEndedAt ?? m.finalTranscriptAt;
  if (speechFrom !== undefined && budgets.firstSpeechMs !== undefined) {
    const first = Math.min(m.firstSpeechAt ?? Infinity, m.fillerAt ?? Infinity);
    if (first - speechFrom > budgets.firstSpeechMs) add("firstSpeechMs");
  }
  return out;
}
