import "../lib/browser-polyfills";
import type { CompiledFlow } from "@voxchart/flow";
import { acceptConversationOutput } from "@voxchart/engine";
import type { StoredConversation } from "../shared/test-case-schema";

export type RerecordResult = { ok: true; conversation: StoredConversation; changedTurns: number } | { ok: false; message: string };

/**
 * Accepts the flow's current output for a test case: replays its user turns (same stubs, same
 * clock start) and rewrites the output checks that fail now — lines, node, ending, outcome,
 * transfer — to what happens now, the engine's acceptConversationOutput, which `voxchart test
 * --update` uses too. Passing checks and the author's variable and filler checks stay. When the
 * conversation now ends before its last turn, nothing is saved: dropping the user's later turns
 * would lose them.
 */
export async function rerecordCase(compiled: CompiledFlow, conversation: StoredConversation): Promise<RerecordResult> {
  const accepted = await acceptConversationOutput(compiled, conversation);
  if (!accepted.ok) {
    const left = conversation.turns.length - accepted.endedBefore;
    return {
      ok: false,
      message: `The conversation now ends before turn ${accepted.endedBefore + 1}; accepting would drop ${left} later turn${left === 1 ? "" : "s"}. Edit or delete the case instead.`,
    };
  }
  return { ok: true, conversation: { ...conversation, turns: accepted.turns }, changedTurns: accepted.changed.length };
}
