import type { ParsedNode } from "@voxchart/flow";
import { listens, maxAttempts, qualify, requiredSlots } from "./path-hops";
import type { ExpandedPath, Hop } from "./path-hops";
import { sampleValues } from "./sample-values";
import type { SampleValue } from "./sample-values";

/** One generated turn: the start (no user, no silence), a user line or silence. */
export interface GeneratedTurn {
  /** Said before the turn (what to check about it). */
  readonly comments: string[];
  /** Said after the turn: what its answer sets off (conditions on the way to the next stop). */
  readonly after?: string[];
  readonly user?: string;
  readonly silence?: true;
  readonly node: string | null;
  readonly end?: ParsedNode;
}

/** The turns that take a path: user input at nodes that listen, comments where the path needs care. */
export function pathTurns(path: ExpandedPath, values: Map<string, SampleValue> | null): { turns: GeneratedTurn[]; errors: Set<string>; httpTodos: string[] } {
  const errors = new Set<string>();
  const httpTodos: string[] = [];
  /** Where the conversation rests after hop k: the next listening node (its hop index), or the terminal one. */
  const restAfter = (k: number): { id: string; at: number } => {
    for (let j = k + 1; j < path.hops.length; j++) {
      const hop = path.hops[j] as Hop;
      if (listens(hop)) return { id: qualify(hop.scope, hop.node.id), at: j };
    }
    return { id: path.lastId, at: path.hops.length };
  };
  /** The first decision the sample values cannot steer: expectations beyond it are unknown. */
  const blocked = values
    ? path.hops.length
    : path.hops.findIndex((hop) => !listens(hop) && (hop.edge.trigger.type === "condition" || (hop.node.kind === "decide" && hop.edge.trigger.type === "always")));
  const known = (at: number) => blocked < 0 || at <= blocked;
  const turns: GeneratedTurn[] = [{ comments: [], node: known(restAfter(-1).at) ? restAfter(-1).id : null }];
  let pending: string[] = [];
  const push = (turn: Omit<GeneratedTurn, "comments" | "node">, rest: { id: string; at: number }) => {
    turns.push({ comments: pending, ...turn, node: known(rest.at) ? rest.id : null });
    pending = [];
  };
  path.hops.forEach((hop, k) => {
    const trigger = hop.edge.trigger;
    const here = { id: qualify(hop.scope, hop.node.id), at: k };
    const next = restAfter(k);
    if (hop.node.kind === "tool") {
      const ok = trigger.type === "toolResult" && trigger.result === "success";
      const templated = hop.node.tool.type === "http" && hop.node.tool.url.includes("{{");
      const name = hop.node.tool.type === "function" ? hop.node.tool.name : `${hop.node.tool.method} ${hop.node.tool.url}`;
      if (templated) httpTodos.push(name);
      else if (!ok) errors.add(name);
    }
    if (!listens(hop)) {
      if (trigger.type === "condition") {
        const last = turns[turns.length - 1] as GeneratedTurn;
        turns[turns.length - 1] = {
          ...last,
          after: [
            ...(last.after ?? []),
            values
              ? `then ${here.id}: \`${trigger.when}\` holds with these sample values and stubs`
              : `TODO: make \`${trigger.when}\` true at ${here.id} (no sample value does); node expectations stop here`,
          ],
        };
      }
      return;
    }
    switch (trigger.type) {
      case "intent":
        push({ user: trigger.intent.examples[0] as string }, next);
        return;
      case "filled": {
        const slots = requiredSlots(hop.node);
        slots.forEach((slot, i) => {
          const sample = values?.get(`${k}:${slot.name}`) ?? sampleValues(slot, 0)[0];
          const last = i === slots.length - 1 && !(hop.node.kind === "collect" && hop.node.confirm);
          push({ user: sample?.utterance ?? "TODO" }, last ? next : here);
        });
        if (hop.node.kind === "collect" && hop.node.confirm) push({ user: "yes" }, next);
        return;
      }
      case "noInput":
        for (let i = 1; i <= maxAttempts(hop); i++) push({ silence: true }, i === maxAttempts(hop) ? next : here);
        return;
      case "noMatch": {
        const times = hop.node.kind === "conversation" ? (hop.node.maxTurns ?? 1) : maxAttempts(hop);
        pending.push(`TODO: check that this answer is not understood at ${here.id}`);
        for (let i = 1; i <= times; i++) push({ user: "purple elephant umbrella" }, i === times ? next : here);
        return;
      }
      default:
        return;
    }
  });
  const lastTurn = turns[turns.length - 1] as GeneratedTurn;
  turns[turns.length - 1] = { ...lastTurn, comments: [...lastTurn.comments, ...pending], end: path.last };
  return { turns, errors, httpTodos };
}

