import type { SessionOutput, SimulatedStep } from "@voxchart/engine";
import type { SimulatorMove } from "./steps";

export type ChatEntry =
  | { kind: "user"; text: string; silence: boolean }
  | {
      kind: "bot";
      text: string;
      nodeId: string;
      /** User's turn end (or session start) → first speech, on the virtual clock. */
      firstSpeechMs: number | null;
      interrupted: boolean;
      overBudget: string[];
    }
  | { kind: "filler"; text: string; afterMs: number | null }
  | { kind: "event"; text: string };

/** Turns what one simulated step produced into the lines the simulator panel shows, in order. */
export function chatEntries(move: SimulatorMove, step: SimulatedStep, startedAt: number | null): ChatEntry[] {
  const entries: ChatEntry[] = [];
  /** Transfer and end close the step, after the words that led to them. */
  const closing: ChatEntry[] = [];
  if (move.type === "say") entries.push({ kind: "user", text: move.text, silence: false });
  if (move.type === "silence") entries.push({ kind: "user", text: "(silence)", silence: true });
  const metrics = new Map(step.metrics.map((m) => [m.turnId, m]));
  const turnBegan = (turnId: string): number | null => {
    const m = metrics.get(turnId);
    return m?.userSpeechEndedAt ?? m?.finalTranscriptAt ?? startedAt;
  };
  const texts = new Map<string, { nodeId: string; text: string }>();
  for (const o of step.outputs as readonly SessionOutput[]) {
    switch (o.type) {
      case "speech.start":
        texts.set(o.turnId, { nodeId: o.nodeId, text: "" });
        break;
      case "speech.chunk": {
        const t = texts.get(o.turnId);
        if (t) t.text += (t.text && !/\s$/.test(t.text) && !/^\s/.test(o.text) ? " " : "") + o.text;
        break;
      }
      case "speech.end": {
        const t = texts.get(o.turnId);
        if (!t || !t.text.trim()) break;
        const m = metrics.get(o.turnId);
        const began = turnBegan(o.turnId);
        entries.push({
          kind: "bot",
          text: t.text.trim(),
          nodeId: t.nodeId,
          firstSpeechMs: m?.firstSpeechAt !== undefined && began !== null ? Math.max(0, m.firstSpeechAt - began) : null,
          interrupted: o.interrupted,
          overBudget: m?.overBudget ?? [],
        });
        texts.delete(o.turnId);
        break;
      }
      case "filler": {
        const began = turnBegan(o.turnId);
        entries.push({ kind: "filler", text: o.text, afterMs: began !== null ? Math.max(0, o.at - began) : null });
        break;
      }
      case "tool.started":
        entries.push({ kind: "event", text: `tool ${o.name} started` });
        break;
      case "tool.finished":
        entries.push({ kind: "event", text: `tool ${o.name} ${o.ok ? "succeeded" : "failed"}` });
        break;
      case "transfer":
        closing.push({ kind: "event", text: `transferred to ${o.target}` });
        break;
      case "end":
        closing.push({ kind: "event", text: `conversation ended${o.outcome ? ` (${o.outcome})` : ""}` });
        break;
      case "error":
        entries.push({ kind: "event", text: `${o.category} error: ${o.message}` });
        break;
      default:
        break;
    }
  }
  return [...entries, ...closing];
}

/** Root-flow edge ids an step took (subflow edges are qualified with "/"). */
export function takenEdges(step: SimulatedStep): string[] {
  return step.outputs.flatMap((o) => (o.type === "trace" && o.kind === "edge" && !o.id.includes("/") ? [o.id] : []));
}

/** Root-flow node ids a step entered. */
export function visitedNodes(step: SimulatedStep): string[] {
  return step.outputs.flatMap((o) => (o.type === "state.changed" ? [o.nodeId.split("/")[0] ?? o.nodeId] : []));
}
