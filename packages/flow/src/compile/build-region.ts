import type { Flow, ParsedEdge, ParsedNode } from "../schema";
import { RETURN_TARGET } from "../schema";
import type { ActionRef, StateConfig, TransitionConfig } from "./state-config";
import { DETOUR, DONE, HISTORY, MAIN, qualify, ref } from "./state-config";
import type { CompiledNode } from "./compiled-node";
import { nodeSettings, nodeWaitsForInput } from "./compiled-node";
import { createFlowIndex, detourNodes } from "../graph";

/** What the region builder records besides the state config. */
export interface RegionRegistry {
  nodes: Map<string, CompiledNode>;
  edges: Map<string, { edge: ParsedEdge; scope: string }>;
  /** Global handlers by qualified id. */
  globals: Map<string, { handler: Flow["globals"][number]; scope: string }>;
  /** The child flow of each subflow node, by the node's qualified id (its variable scope). */
  children: Map<string, Flow>;
  resolveSubflow(ref: string, from: Flow): Flow | undefined;
}

/** Where a subflow's end nodes continue in the parent. */
interface Continuation {
  target: string | null;
  actions: ActionRef[];
}

interface Region {
  flow: Flow;
  scope: string;
  /** Active global intents of enclosing flows, outermost last. */
  outerGlobals: CompiledNode["globals"];
  continuation: Continuation | null;
  registry: RegionRegistry;
  /** Subflow refs on the current call path, to stop recursion. */
  callPath: string[];
}

const a = (type: string, params?: ActionRef["params"]): ActionRef => (params ? { type, params } : { type });

/** Builds the states of one flow (the root, or a subflow inlined under its node). */
export function buildRegion(
  flow: Flow,
  scope: string,
  registry: RegionRegistry,
  continuation: Continuation | null,
  outerGlobals: CompiledNode["globals"] = [],
  callPath: string[] = [],
): { states: Record<string, StateConfig>; on: Record<string, TransitionConfig[]>; initial: string } {
  const region: Region = { flow, scope, outerGlobals, continuation, registry, callPath };
  const detours = detourNodes(createFlowIndex(flow));
  const main: Record<string, StateConfig> = {};
  const detour: Record<string, StateConfig> = {};

  for (const edge of flow.edges) registry.edges.set(qualify(scope, edge.id), { edge, scope });
  for (const node of flow.nodes) {
    const state = buildNode(region, node);
    (detours.has(node.id) ? detour : main)[node.id] = state;
  }
  const on: Record<string, TransitionConfig[]> = {};
  const globalTransitions: TransitionConfig[] = [];
  for (const handler of flow.globals) {
    const id = qualify(scope, handler.id);
    registry.globals.set(id, { handler, scope });
    const guard = a("globalActive", { handlerId: id });
    const trace = a("traceGlobal", { handlerId: id });
    const action = handler.action;
    switch (action.type) {
      case "goto":
        globalTransitions.push({ guard, target: ref(qualify(scope, action.target)), actions: [trace], description: `global ${handler.id}` });
        break;
      case "say":
        detour[`__global_${handler.id}`] = {
          id: qualify(scope, `__global_${handler.id}`),
          entry: [a("sayGlobal", { handlerId: id })],
          always: [{ target: ref(`${qualify(scope, MAIN)}.${HISTORY}`) }],
        };
        globalTransitions.push({ guard, target: ref(qualify(scope, `__global_${handler.id}`)), actions: [trace], description: `global ${handler.id}` });
        break;
      case "repeat":
        globalTransitions.push({ guard, actions: [trace, a("repeat")], description: `global ${handler.id}` });
        break;
      case "restart":
        globalTransitions.push({
          guard,
          target: ref(qualify(scope, MAIN)),
          reenter: true,
          actions: [trace, a("resetScope", { scope }), a("sayGlobal", { handlerId: id })],
          description: `global ${handler.id}`,
        });
        break;
      case "end":
        detour[`__global_${handler.id}`] = {
          id: qualify(scope, `__global_${handler.id}`),
          entry: [a("sayGlobal", { handlerId: id }), a("endByGlobal", { handlerId: id })],
          always: [{ target: ref(DONE) }],
        };
        globalTransitions.push({ guard, target: ref(qualify(scope, `__global_${handler.id}`)), actions: [trace], description: `global ${handler.id}` });
        break;
    }
  }
  if (globalTransitions.length) on.INPUT = globalTransitions;

  const states: Record<string, StateConfig> = {
    [MAIN]: {
      id: qualify(scope, MAIN),
      initial: flow.start,
      states: { ...main, [HISTORY]: { type: "history", history: "deep", target: flow.start } },
    },
  };
  const firstDetour = Object.keys(detour)[0];
  if (firstDetour) states[DETOUR] = { id: qualify(scope, DETOUR), initial: firstDetour, states: detour };
  return { states, on, initial: MAIN };
}

/** The XState target of an edge: a node in this region, or back through history. */
function edgeTarget(region: Region, edge: ParsedEdge): string {
  if (edge.to === RETURN_TARGET) return ref(`${qualify(region.scope, MAIN)}.${HISTORY}`);
  return ref(qualify(region.scope, edge.to));
}

function edgeTransition(region: Region, edge: ParsedEdge, guard?: ActionRef, extra: ActionRef[] = []): TransitionConfig {
  const t: TransitionConfig = { target: edgeTarget(region, edge), actions: [...extra, a("takeEdge", { edgeId: qualify(region.scope, edge.id) })] };
  if (guard) t.guard = guard;
  // A self-loop is a new visit: the node speaks again and its attempts start over.
  if (edge.to === edge.from) t.reenter = true;
  return t;
}

function outgoing(region: Region, nodeId: string): ParsedEdge[] {
  return region.flow.edges.filter((e) => e.from === nodeId);
}

function automaticTransitions(region: Region, edges: ParsedEdge[]): TransitionConfig[] {
  const out: TransitionConfig[] = [];
  for (const e of edges) {
    if (e.trigger.type === "condition") out.push(edgeTransition(region, e, a("condition", { edgeId: qualify(region.scope, e.id) })));
    else if (e.trigger.type === "always") out.push(edgeTransition(region, e));
  }
  return out;
}

function intentTransitions(region: Region, edges: ParsedEdge[]): TransitionConfig[] {
  return edges.flatMap((e) =>
    e.trigger.type === "intent" ? [edgeTransition(region, e, a("intentIs", { name: e.trigger.intent.name }))] : [],
  );
}

/** Silence and misunderstanding: reprompt, then take the node's exit once attempts run out. */
function failureTransitions(region: Region, nodeId: string, edges: ParsedEdge[], kind: "noMatch" | "noInput"): TransitionConfig[] {
  const out: TransitionConfig[] = [];
  const exit = edges.find((e) => e.trigger.type === kind);
  // attemptsExhausted also requires "no intent" for noMatch, so global intents pass up to the root.
  if (exit) out.push({ ...edgeTransition(region, exit), guard: a("attemptsExhausted", { nodeId, kind }) });
  const reprompt: TransitionConfig = { actions: [a("reprompt", { nodeId, kind })] };
  if (kind === "noMatch") reprompt.guard = a("noIntent");
  out.push(reprompt);
  return out;
}

function buildNode(region: Region, node: ParsedNode): StateConfig {
  const { scope, registry, flow } = region;
  const id = qualify(scope, node.id);
  const edges = outgoing(region, node.id);
  const compiled: CompiledNode = {
    id,
    localId: node.id,
    scope,
    node,
    flow,
    edges,
    exits: edges.flatMap((e) => (e.trigger.type === "intent" ? [e.trigger.intent] : [])),
    globals: [...activeGlobals(flow, node.id), ...region.outerGlobals],
    slots: node.kind === "collect" ? node.slots : [],
    waitsForInput: nodeWaitsForInput(node, edges),
    settings: nodeSettings(flow, node, "maxAttempts" in node ? node.maxAttempts : undefined),
  };
  registry.nodes.set(id, compiled);
  const enter = a("enterNode", { nodeId: id });

  switch (node.kind) {
    case "say": {
      if (!compiled.waitsForInput) {
        return { id, entry: [a("enterNode", { nodeId: id, say: "text" })], always: automaticTransitions(region, edges) };
      }
      return {
        id,
        entry: [a("enterNode", { nodeId: id, ask: "text" })],
        on: {
          INPUT: [...intentTransitions(region, edges), ...failureTransitions(region, id, edges, "noMatch")],
          NO_INPUT: failureTransitions(region, id, edges, "noInput"),
        },
      };
    }
    case "decide":
      return { id, entry: [enter], always: automaticTransitions(region, edges) };
    case "collect":
      return buildCollect(region, compiled, edges);
    case "conversation": {
      const noMatch = edges.find((e) => e.trigger.type === "noMatch");
      const reply: TransitionConfig[] = [];
      if (noMatch) reply.push({ ...edgeTransition(region, noMatch), guard: a("turnsExhausted", { nodeId: id }) });
      reply.push({ actions: [a("countTurn")] });
      return {
        id,
        entry: [enter, a("openConversation", { nodeId: id })],
        on: {
          INPUT: intentTransitions(region, edges),
          REPLY: reply,
          NO_INPUT: failureTransitions(region, id, edges, "noInput"),
        },
      };
    }
    case "tool": {
      const success = edges.find((e) => e.trigger.type === "toolResult" && e.trigger.result === "success");
      const failure = edges.find((e) => e.trigger.type === "toolResult" && e.trigger.result === "error");
      const store = a("storeToolResult", { nodeId: id });
      const on: TransitionConfig[] = [];
      if (success) on.push(edgeTransition(region, success, a("toolOk"), [store]));
      if (failure) on.push(edgeTransition(region, failure, a("toolFailed"), [store]));
      on.push({ target: ref(DONE), actions: [store, a("failSession", { nodeId: id })], description: "no exit for this tool result" });
      return { id, entry: [enter, a("callTool", { nodeId: id })], on: { TOOL_RESULT: on } };
    }
    case "transfer":
      return { id, entry: [a("enterNode", { nodeId: id, say: "message" }), a("transfer", { nodeId: id })], always: [{ target: ref(DONE) }] };
    case "end": {
      const entry = [a("enterNode", { nodeId: id, say: "message" })];
      const cont = region.continuation;
      if (cont) {
        const t: TransitionConfig = { actions: cont.actions };
        if (cont.target) t.target = cont.target;
        else {
          t.target = ref(DONE);
          t.actions = [...cont.actions, a("end", { nodeId: id })];
        }
        return { id, entry, always: [t] };
      }
      return { id, entry: [...entry, a("end", { nodeId: id })], always: [{ target: ref(DONE) }] };
    }
    case "subflow":
      return buildSubflow(region, compiled, node, edges);
  }
}

function activeGlobals(flow: Flow, nodeId: string): CompiledNode["globals"] {
  return flow.globals
    .filter((g) => (!g.nodes || g.nodes.includes(nodeId)) && !(g.exceptNodes ?? []).includes(nodeId))
    .map((g) => g.intent);
}

function buildCollect(region: Region, compiled: CompiledNode, edges: ParsedEdge[]): StateConfig {
  const id = compiled.id;
  const node = compiled.node;
  if (node.kind !== "collect") throw new Error("internal: not a collect node");
  const filled = edges.find((e) => e.trigger.type === "filled");
  const done: TransitionConfig = filled ? edgeTransition(region, filled) : { actions: [] };
  const whenComplete: TransitionConfig = node.confirm
    ? { target: "confirming", guard: a("slotsComplete", { nodeId: id }) }
    : { ...done, guard: a("slotsComplete", { nodeId: id }) };
  const noMatch = failureTransitions(region, id, edges, "noMatch");
  const slotInput: TransitionConfig[] = [
    { guard: a("hasSlots"), actions: [a("askNext", { nodeId: id, applySlots: true })] },
    ...noMatch,
  ];
  return {
    id,
    initial: "asking",
    entry: [a("enterNode", { nodeId: id })],
    on: {
      INPUT: intentTransitions(region, edges),
      NO_INPUT: failureTransitions(region, id, edges, "noInput"),
    },
    states: {
      asking: {
        entry: [a("askNext", { nodeId: id })],
        always: filled || node.confirm ? [whenComplete] : [],
        on: { INPUT: slotInput },
      },
      confirming: {
        tags: ["confirming"],
        entry: [a("ask", { nodeId: id, field: "confirm" })],
        on: {
          INPUT: [
            { guard: a("hasSlots"), target: "confirming", reenter: true, actions: [a("applySlots", { nodeId: id })] },
            { ...done, guard: a("confirmed") },
            { guard: a("denied"), target: "correcting" },
            ...noMatch,
          ],
        },
      },
      correcting: {
        entry: [a("askCorrection", { nodeId: id })],
        on: {
          INPUT: [{ guard: a("hasSlots"), target: "confirming", actions: [a("applySlots", { nodeId: id })] }, ...noMatch],
        },
      },
    },
  };
}

function buildSubflow(region: Region, compiled: CompiledNode, node: Extract<ParsedNode, { kind: "subflow" }>, edges: ParsedEdge[]): StateConfig {
  const { registry, flow } = region;
  const id = compiled.id;
  const child = region.callPath.includes(node.flow) ? undefined : registry.resolveSubflow(node.flow, flow);
  if (!child) throw new SubflowError(id, node.flow, region.callPath.includes(node.flow));
  registry.children.set(id, child);
  const next = edges.find((e) => e.trigger.type === "always");
  const continuation: Continuation = next
    ? { target: edgeTarget(region, next), actions: [a("exitSubflow", { nodeId: id }), a("takeEdge", { edgeId: qualify(region.scope, next.id) })] }
    : { target: null, actions: [a("exitSubflow", { nodeId: id })] };
  const inner = buildRegion(child, id, registry, continuation, compiled.globals, [...region.callPath, node.flow]);
  return { id, entry: [a("enterNode", { nodeId: id }), a("enterSubflow", { nodeId: id })], initial: inner.initial, states: inner.states, on: inner.on };
}

export class SubflowError extends Error {
  constructor(
    readonly nodeId: string,
    readonly ref: string,
    readonly cycle: boolean,
  ) {
    super(cycle ? `subflow "${ref}" calls itself (through node ${nodeId})` : `subflow "${ref}" of node ${nodeId} could not be found`);
  }
}
