import type { Diagnostic } from "../diagnostics";
import type { ParsedIntent } from "../schema";
import { activeGlobals, waitsForInput } from "../graph";
import { diagnostic, type CheckContext } from "./context";

/** Similarity at or above which two examples are too close to tell apart. */
export const JACCARD_THRESHOLD = 0.8;

/** Lower case, punctuation dropped, whitespace collapsed. */
export function normaliseExample(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}

interface Listener {
  readonly intent: ParsedIntent;
  readonly path: readonly (string | number)[];
  readonly edgeId?: string;
  readonly globalId?: string;
}

interface Clash {
  readonly identical: boolean;
  readonly a: string;
  readonly b: string;
}

/** The first clash between two intents' examples, identical ones preferred. */
function clash(x: ParsedIntent, y: ParsedIntent): Clash | undefined {
  const xs = x.examples.map(normaliseExample);
  const ys = y.examples.map(normaliseExample);
  for (const [i, a] of xs.entries()) {
    const j = ys.indexOf(a);
    if (j >= 0) return { identical: true, a: x.examples[i] as string, b: y.examples[j] as string };
  }
  for (const [i, a] of xs.entries()) {
    const ta = new Set(a.split(" "));
    for (const [j, b] of ys.entries()) {
      if (jaccard(ta, new Set(b.split(" "))) >= JACCARD_THRESHOLD)
        return { identical: false, a: x.examples[i] as string, b: y.examples[j] as string };
    }
  }
  return undefined;
}

function report(first: Listener, second: Listener, c: Clash, where: string, nodeId?: string): Diagnostic {
  const how = c.identical ? "share the example" : "have nearly the same examples";
  return diagnostic({
    code: "intents/ambiguous",
    severity: c.identical ? "error" : "warning",
    message: `intents "${first.intent.name}" and "${second.intent.name}" ${how} ${JSON.stringify(c.a)}${c.identical ? "" : ` / ${JSON.stringify(c.b)}`} ${where}: the caller's words cannot tell them apart`,
    path: second.path,
    nodeId,
    edgeId: second.edgeId,
  });
}

/**
 * intents/ambiguous: intents heard in the same node (its intent edges and the globals active
 * there) with identical normalised examples (error) or token sets with Jaccard ≥ 0.8 (warning).
 * Pairs of globals are reported once, at the later global; intents of the same name are one
 * intent (a local edge overriding a global) and never clash.
 */
export function checkAmbiguousIntents({ flow, index }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reportedGlobalPairs = new Set<string>();
  for (const [id] of index.nodes) {
    if (!waitsForInput(index, id)) continue;
    const listeners: Listener[] = [];
    for (const { edge, index: i } of index.outgoing.get(id) ?? [])
      if (edge.trigger.type === "intent") listeners.push({ intent: edge.trigger.intent, path: ["edges", i, "trigger", "intent"], edgeId: edge.id });
    for (const { handler, index: i } of activeGlobals(index, id))
      listeners.push({ intent: handler.intent, path: ["globals", i, "intent"], globalId: handler.id });
    listeners.forEach((a, i) => {
      for (const b of listeners.slice(i + 1)) {
        if (a.intent.name === b.intent.name) continue;
        const c = clash(a.intent, b.intent);
        if (!c) continue;
        if (a.globalId !== undefined && b.globalId !== undefined) {
          const key = `${a.globalId}\u0000${b.globalId}`;
          if (reportedGlobalPairs.has(key)) continue;
          reportedGlobalPairs.add(key);
          out.push(report(a, b, c, "(both global handlers)"));
        } else {
          out.push(report(a, b, c, `in node "${id}"`, id));
        }
      }
    });
  }
  return out;
}
