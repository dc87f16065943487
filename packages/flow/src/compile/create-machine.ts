import { assign, emit, enqueueActions, setup } from "xstate";
import type { JsonValue, ParsedNode } from "../schema";
import type { FlowContext, FlowEmitted, FlowEvent, FlowActorInput } from "./types";
import type { MachineLogic } from "./machine-logic";
import { nodeSlotValues, textField, toJson } from "./machine-logic";
import type { StateConfig } from "./state-config";

type P = Record<string, string | number | boolean | null>;
const str = (params: unknown, key: string): string => String((params as P)[key]);

const NO_MATCH_PREFIX = "Sorry, I didn't catch that.";
const NO_INPUT_PREFIX = "Sorry, I didn't hear anything.";
const CORRECTION_PROMPT = "Okay, what would you like to change?";
const FAILURE_MESSAGE = "I'm sorry, something went wrong on my side.";
const NO_ATTEMPTS: FlowContext["attempts"] = Object.freeze({ noMatch: 0, noInput: 0 });

/** Binds the generated config's named actions and guards to their implementations. */
export function createFlowMachine(config: StateConfig & { context: FlowContext }, logic: MachineLogic) {
  const machineSetup = setup({
    types: {} as { context: FlowContext; events: FlowEvent; emitted: FlowEmitted; input: FlowActorInput | undefined },
    guards: {
      intentIs: ({ event }, params: P) => event.type === "INPUT" && event.intent?.name === params.name,
      noIntent: ({ event }) => event.type !== "INPUT" || event.intent === null,
      condition: ({ context, event }, params: P) => {
        const entry = logic.registry.edges.get(str(params, "edgeId"));
        if (!entry || entry.edge.trigger.type !== "condition") return false;
        return logic.condition(context, event, entry.scope, entry.edge.trigger.when);
      },
      attemptsExhausted: ({ context, event }, params: P) => {
        const kind = params.kind === "noInput" ? "noInput" : "noMatch";
        if (kind === "noMatch" && event.type === "INPUT" && event.intent !== null) return false;
        return context.attempts[kind] + 1 >= logic.node(str(params, "nodeId")).settings.maxAttempts;
      },
      hasSlots: ({ context, event }) =>
        event.type === "INPUT" && event.intent === null && Object.keys(nodeSlotValues(logic.node(context.nodeId), event.slots)).length > 0,
      slotsComplete: ({ context }, params: P) => logic.missingSlots(context, logic.node(str(params, "nodeId"))).length === 0,
      confirmed: ({ event }) => event.type === "INPUT" && event.intent === null && event.confirmation === "yes",
      denied: ({ event }) => event.type === "INPUT" && event.intent === null && event.confirmation === "no",
      turnsExhausted: ({ context }, params: P) => {
        const node = logic.node(str(params, "nodeId")).node;
        return node.kind === "conversation" && node.maxTurns !== undefined && context.turns + 1 >= node.maxTurns;
      },
      toolOk: ({ event }) => event.type === "TOOL_RESULT" && event.ok,
      toolFailed: ({ event }) => event.type === "TOOL_RESULT" && !event.ok,
      globalActive: ({ context, event }, params: P) => {
        const entry = logic.registry.globals.get(str(params, "handlerId"));
        if (!entry || event.type !== "INPUT" || event.intent?.name !== entry.handler.intent.name) return false;
        const { handler, scope } = entry;
        // The active node as seen from the handler's flow: the first id segment below its scope.
        const rest = scope ? context.nodeId.slice(scope.length + 1) : context.nodeId;
        const local = rest.split("/")[0] ?? rest;
        if (handler.nodes && !handler.nodes.includes(local)) return false;
        return !(handler.exceptNodes ?? []).includes(local);
      },
    },
    actions: {
      // Entering a node, and (with a `say` or `ask` param) speaking its text, in one context
      // update: every assign makes XState copy the snapshot, so node entry does it once.
      enterNode: enqueueActions(({ context, event, enqueue }, params: P) => {
        const nodeId = str(params, "nodeId");
        const update: Partial<FlowContext> = { nodeId, attempts: NO_ATTEMPTS, turns: 0, now: logic.now(context, event) };
        enqueue.emit({ type: "enter", nodeId, previousNodeId: context.nodeId || null });
        const field = params.say ?? params.ask;
        if (typeof field !== "string") return void enqueue.assign(update);
        const node = logic.node(nodeId);
        const source = textField(node.node, field);
        if (source === undefined) return void enqueue.assign(update);
        const text = logic.render(context, event, node.scope, source);
        update.lastSaid = text;
        if (params.ask !== undefined) update.question = text;
        enqueue.assign(update);
        enqueue.emit({ type: "say", nodeId, text });
      }),
      ask: enqueueActions(({ context, event, enqueue }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        const source = textField(node.node, str(params, "field"));
        if (source === undefined) return;
        const text = logic.render(context, event, node.scope, source);
        enqueue.assign({ lastSaid: text, question: text });
        enqueue.emit({ type: "say", nodeId: node.id, text });
      }),
      askNext: enqueueActions(({ context, event, enqueue }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        if (node.node.kind !== "collect") return;
        const heard = event.type === "INPUT" ? nodeSlotValues(node, event.slots) : {};
        const vars = { ...logic.vars(context, node.scope), ...heard };
        // With `applySlots`, the values heard are stored in the same context update.
        const scopes = params.applySlots === true ? { ...context.scopes, [node.scope]: vars } : null;
        const missing = node.slots.filter((s) => s.required && (vars[s.name] === undefined || vars[s.name] === null));
        const first = missing[0];
        if (!first) {
          if (scopes) enqueue.assign({ scopes });
          return;
        }
        const anyFilled = node.slots.some((s) => vars[s.name] !== undefined && vars[s.name] !== null);
        const source = anyFilled ? (first.prompt ?? node.node.prompt) : node.node.prompt;
        const question = logic.render({ ...context, scopes: { ...context.scopes, [node.scope]: vars } }, event, node.scope, source);
        const text = [...invalidMessages(logic, context, event, node.id), question].join(" ");
        enqueue.assign(scopes ? { scopes, lastSaid: text, question } : { lastSaid: text, question });
        enqueue.emit({ type: "say", nodeId: node.id, text });
      }),
      askCorrection: enqueueActions(({ enqueue, context }) => {
        enqueue.assign({ lastSaid: CORRECTION_PROMPT, question: CORRECTION_PROMPT });
        enqueue.emit({ type: "say", nodeId: context.nodeId, text: CORRECTION_PROMPT });
      }),
      reprompt: enqueueActions(({ context, event, enqueue }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        const kind = params.kind === "noInput" ? "noInput" : "noMatch";
        const attempt = context.attempts[kind] + 1;
        const invalid = kind === "noMatch" ? invalidMessages(logic, context, event, node.id) : [];
        const prompts = repromptsOf(node.node, kind);
        let text: string;
        if (invalid.length) text = [...invalid, context.question ?? ""].join(" ").trim();
        else if (prompts && prompts.length) text = logic.render(context, event, node.scope, prompts[Math.min(attempt, prompts.length) - 1] as string);
        else text = `${kind === "noMatch" ? NO_MATCH_PREFIX : NO_INPUT_PREFIX} ${context.question ?? ""}`.trim();
        enqueue.assign({ attempts: { ...context.attempts, [kind]: attempt }, lastSaid: text });
        enqueue.emit({ type: "say", nodeId: node.id, text });
      }),
      applySlots: assign(({ context, event }, params: P) => {
        if (event.type !== "INPUT") return {};
        const node = logic.node(str(params, "nodeId"));
        return { scopes: { ...context.scopes, [node.scope]: { ...logic.vars(context, node.scope), ...nodeSlotValues(node, event.slots) } } };
      }),
      traceGlobal: emit((_, params: P) => ({ type: "global" as const, handlerId: str(params, "handlerId") })),
      takeEdge: enqueueActions(({ context, event, enqueue }, params: P) => {
        const entry = logic.registry.edges.get(str(params, "edgeId"));
        if (!entry) return;
        enqueue.emit({ type: "edge", edgeId: str(params, "edgeId") });
        const { edge, scope } = entry;
        let vars = logic.vars(context, scope);
        if (edge.trigger.type === "intent" && event.type === "INPUT" && event.intent?.name === edge.trigger.intent.name) {
          vars = { ...vars, ...event.intent.arguments };
        }
        if (edge.assign) {
          const withArgs = { ...context, scopes: { ...context.scopes, [scope]: vars } };
          const next = { ...vars };
          for (const [name, expression] of Object.entries(edge.assign)) next[name] = toJson(logic.evaluate(withArgs, event, scope, expression));
          vars = next;
        }
        if (vars !== logic.vars(context, scope)) enqueue.assign({ scopes: { ...context.scopes, [scope]: vars } });
      }),
      countTurn: assign(({ context, event }) => {
        const said = event.type === "REPLY" ? event.text : context.lastSaid;
        return { turns: context.turns + 1, lastSaid: said, question: said };
      }),
      openConversation: enqueueActions(({ context, event, enqueue }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        if (node.node.kind !== "conversation") return;
        if (node.node.opening) {
          const text = logic.render(context, event, node.scope, node.node.opening);
          enqueue.assign({ lastSaid: text, question: text });
          enqueue.emit({ type: "say", nodeId: node.id, text });
        } else enqueue.emit({ type: "generate", nodeId: node.id });
      }),
      callTool: enqueueActions(({ context, event, enqueue }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        if (node.node.kind !== "tool") return;
        const t = node.node;
        const args: Record<string, JsonValue> = {};
        for (const [name, expression] of Object.entries(t.args)) args[name] = toJson(logic.evaluate(context, event, node.scope, expression));
        const render = (s: string) => logic.render(context, event, node.scope, s);
        const target =
          t.tool.type === "function"
            ? { type: "function" as const, name: t.tool.name }
            : {
                type: "http" as const,
                url: render(t.tool.url),
                method: t.tool.method,
                headers: Object.fromEntries(Object.entries(t.tool.headers ?? {}).map(([k, v]) => [k, render(v)])),
              };
        enqueue.emit({
          type: "tool",
          nodeId: node.id,
          name: t.tool.type === "function" ? t.tool.name : t.id,
          target,
          args,
          timeoutMs: t.timeoutMs,
          progressMessage: t.progressMessage ? render(t.progressMessage) : null,
        });
      }),
      storeToolResult: assign(({ context, event }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        if (node.node.kind !== "tool" || event.type !== "TOOL_RESULT" || !node.node.resultVariable) return {};
        return { scopes: { ...context.scopes, [node.scope]: { ...logic.vars(context, node.scope), [node.node.resultVariable]: event.result } } };
      }),
      failSession: enqueueActions(({ enqueue }, params: P) => {
        const nodeId = str(params, "nodeId");
        enqueue.emit({ type: "say", nodeId, text: FAILURE_MESSAGE });
        enqueue.emit({ type: "end", nodeId, outcome: "error" });
      }),
      transfer: enqueueActions(({ context, event, enqueue }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        if (node.node.kind !== "transfer") return;
        const handoff = node.node.handoff ? logic.render(context, event, node.scope, node.node.handoff) : null;
        enqueue.emit({ type: "transfer", nodeId: node.id, target: node.node.target, handoff });
      }),
      end: enqueueActions(({ enqueue }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        enqueue.emit({ type: "end", nodeId: node.id, outcome: node.node.kind === "end" ? (node.node.outcome ?? null) : null });
      }),
      sayGlobal: enqueueActions(({ context, event, enqueue }, params: P) => {
        const entry = logic.registry.globals.get(str(params, "handlerId"));
        if (!entry) return;
        const action = entry.handler.action;
        const source = "text" in action ? action.text : undefined;
        if (!source) return;
        const text = logic.render(context, event, entry.scope, source);
        enqueue.assign({ lastSaid: text });
        enqueue.emit({ type: "say", nodeId: context.nodeId, text });
      }),
      repeat: enqueueActions(({ context, enqueue }) => {
        const text = context.lastSaid ?? context.question;
        if (text) enqueue.emit({ type: "say", nodeId: context.nodeId, text });
      }),
      resetScope: enqueueActions(({ context, enqueue }, params: P) => {
        const scope = str(params, "scope");
        const flow = scope ? logic.registry.children.get(scope) : undefined;
        const fresh = scope ? (flow ? logic.initialScope(flow) : {}) : logic.initialScope(rootFlow(logic));
        // Restarting a flow drops the scopes of the subflows it contains.
        const scopes = Object.fromEntries(Object.entries(context.scopes).filter(([k]) => !(scope === "" ? k !== "" : k.startsWith(`${scope}/`))));
        enqueue.assign({ scopes: { ...scopes, [scope]: fresh } });
      }),
      endByGlobal: enqueueActions(({ context, enqueue }) => {
        enqueue.emit({ type: "end", nodeId: context.nodeId, outcome: "ended-by-user" });
      }),
      enterSubflow: enqueueActions(({ context, event, enqueue }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        const child = logic.registry.children.get(node.id);
        if (node.node.kind !== "subflow" || !child) return;
        const vars = logic.initialScope(child);
        for (const [name, expression] of Object.entries(node.node.inputs)) vars[name] = toJson(logic.evaluate(context, event, node.scope, expression));
        enqueue.assign({ scopes: { ...context.scopes, [node.id]: vars } });
      }),
      exitSubflow: enqueueActions(({ context, enqueue }, params: P) => {
        const node = logic.node(str(params, "nodeId"));
        if (node.node.kind !== "subflow") return;
        const childVars = logic.vars(context, node.id);
        const vars = { ...logic.vars(context, node.scope) };
        for (const [parentName, childName] of Object.entries(node.node.outputs)) vars[parentName] = childVars[childName] ?? null;
        const scopes = { ...context.scopes, [node.scope]: vars };
        delete scopes[node.id];
        enqueue.assign({ scopes });
      }),
    },
  });
  // The generated config is plain data typed structurally; XState's config types are too
  // precise to state for a generated object, hence the one cast at this seam.
  // The start node's templates read the time the conversation starts (`today()`, `now()`), so the
  // initial context takes it from the actor's input; the JSON config keeps the static defaults.
  const withClock = { ...config, context: ({ input }: { input: FlowActorInput | undefined }) => ({ ...config.context, now: input?.now ?? config.context.now }) };
  return machineSetup.createMachine(withClock as unknown as Parameters<typeof machineSetup.createMachine>[0]);
}

function repromptsOf(node: ParsedNode, kind: "noMatch" | "noInput"): string[] | undefined {
  if (node.kind !== "say" && node.kind !== "collect" && node.kind !== "conversation") return undefined;
  return kind === "noMatch" ? node.noMatchPrompts : node.noInputPrompts;
}

function rootFlow(logic: MachineLogic) {
  for (const node of logic.registry.nodes.values()) if (node.scope === "") return node.flow;
  throw new Error("internal: no root flow");
}

/** Messages for slot values that were heard but broke a constraint. */
function invalidMessages(logic: MachineLogic, context: FlowContext, event: FlowEvent, nodeId: string): string[] {
  if (event.type !== "INPUT" || event.intent !== null || !event.invalid.length) return [];
  const node = logic.node(nodeId);
  return event.invalid.map((inv) => {
    const slot = node.slots.find((s) => s.name === inv.slot);
    if (slot?.invalidMessage) {
      const scoped = { ...context, scopes: { ...context.scopes, [node.scope]: { ...logic.vars(context, node.scope), value: inv.value } } };
      return logic.render(scoped, event, node.scope, slot.invalidMessage);
    }
    const reason = inv.reason.charAt(0).toUpperCase() + inv.reason.slice(1);
    return `Sorry, ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`;
  });
}
