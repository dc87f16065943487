import type { JsonValue, ParsedNode } from "../schema";
import type { FlowActorInput, FlowContext, FlowEmitted, FlowEvent } from "./types";
import type { MachineLogic } from "./machine-logic";
import { nodeSlotValues, textField, toJson } from "./machine-logic";
import type { ActionRef } from "./state-config";

const NO_MATCH_PREFIX = "Sorry, I didn't catch that.";
const NO_INPUT_PREFIX = "Sorry, I didn't hear anything.";
const CORRECTION_PROMPT = "Okay, what would you like to change?";
const FAILURE_MESSAGE = "I'm sorry, something went wrong on my side.";
const NO_ATTEMPTS: FlowContext["attempts"] = Object.freeze({ noMatch: 0, noInput: 0 });

/** What a step runs on: the context as updated by the steps before it in the same list. */
export type StepRun = (context: FlowContext, event: FlowEvent, out: FlowEmitted[]) => Partial<FlowContext> | undefined;

/**
 * One named action of the generated config, bound to its node at build time. Steps of one action
 * list are fused into as few XState actions as possible (see fuse-actions.ts), so a step states
 * what it may do: a step that never assigns lets the list skip the context update (a snapshot copy).
 */
export interface Step {
  /** Whether run() may return a context update. */
  assigns: boolean;
  /** How many events run() emits, or null when that depends on the context or the event. */
  emits: number | null;
  run: StepRun;
}

/** What an action bound to a node of the wrong kind does: nothing. */
const NO_STEP: Step = { assigns: false, emits: 0, run: () => undefined };

type Params = NonNullable<ActionRef["params"]>;
const str = (params: Params | undefined, key: string): string => String(params?.[key]);

/** Binds one action ref to its implementation. Unknown action names are a compiler bug. */
export function createStepFactory(logic: MachineLogic): (ref: ActionRef) => Step {
  const { registry } = logic;
  // The machine's initial context is static: the time the conversation starts comes with the
  // init event's input, and the start node's entry (the first action to run) stores it.
  const nowOf = (context: FlowContext, event: FlowEvent): number => event.now ?? initNow(event) ?? context.now;
  const render = (context: FlowContext, event: FlowEvent, scope: string, template: string) => logic.render(context, event, scope, template);

  /** Says a node's template and keeps it as the question a reprompt repeats. */
  const askText = (node: { id: string; scope: string }, source: string): Step => ({
    assigns: true,
    emits: 1,
    run(context, event, out) {
      const text = render(context, event, node.scope, source);
      out.push({ type: "say", nodeId: node.id, text });
      return { lastSaid: text, question: text };
    },
  });

  return (ref) => {
    const params = ref.params;
    switch (ref.type) {
      case "enterNode": {
        // Entering a node and (with a `say` or `ask` param) speaking its text.
        const nodeId = str(params, "nodeId");
        const node = logic.node(nodeId);
        const field = params?.say ?? params?.ask;
        const source = typeof field === "string" ? textField(node.node, field) : undefined;
        const asks = params?.ask !== undefined;
        if (source === undefined) {
          return {
            assigns: true,
            emits: 1,
            run(context, event, out) {
              out.push({ type: "enter", nodeId, previousNodeId: context.nodeId || null });
              return { nodeId, attempts: NO_ATTEMPTS, turns: 0, now: nowOf(context, event) };
            },
          };
        }
        return {
          assigns: true,
          emits: 2,
          run(context, event, out) {
            out.push({ type: "enter", nodeId, previousNodeId: context.nodeId || null });
            const now = nowOf(context, event);
            const text = render(now === context.now ? context : { ...context, now }, event, node.scope, source);
            out.push({ type: "say", nodeId, text });
            const update: Partial<FlowContext> = { nodeId, attempts: NO_ATTEMPTS, turns: 0, now, lastSaid: text };
            if (asks) update.question = text;
            return update;
          },
        };
      }
      case "ask": {
        const node = logic.node(str(params, "nodeId"));
        const source = textField(node.node, str(params, "field"));
        if (source === undefined) return NO_STEP;
        return askText(node, source);
      }
      case "askNext": {
        const node = logic.node(str(params, "nodeId"));
        const collect = node.node;
        if (collect.kind !== "collect") return NO_STEP;
        const applySlots = params?.applySlots === true;
        return {
          assigns: true,
          emits: null,
          run(context, event, out) {
            const heard = event.type === "INPUT" ? nodeSlotValues(node, event.slots) : {};
            const vars = { ...logic.vars(context, node.scope), ...heard };
            // With `applySlots`, the values heard are stored in the same context update.
            const scopes = applySlots ? { ...context.scopes, [node.scope]: vars } : null;
            const first = node.slots.find((s) => s.required && (vars[s.name] === undefined || vars[s.name] === null));
            if (!first) return scopes ? { scopes } : undefined;
            const anyFilled = node.slots.some((s) => vars[s.name] !== undefined && vars[s.name] !== null);
            const source = anyFilled ? (first.prompt ?? collect.prompt) : collect.prompt;
            const question = render({ ...context, scopes: { ...context.scopes, [node.scope]: vars } }, event, node.scope, source);
            const text = [...invalidMessages(logic, context, event, node.id), question].join(" ");
            out.push({ type: "say", nodeId: node.id, text });
            return scopes ? { scopes, lastSaid: text, question } : { lastSaid: text, question };
          },
        };
      }
      case "askCorrection":
        return {
          assigns: true,
          emits: 1,
          run(context, _event, out) {
            out.push({ type: "say", nodeId: context.nodeId, text: CORRECTION_PROMPT });
            return { lastSaid: CORRECTION_PROMPT, question: CORRECTION_PROMPT };
          },
        };
      case "reprompt": {
        const node = logic.node(str(params, "nodeId"));
        const kind = params?.kind === "noInput" ? "noInput" : "noMatch";
        const prompts = repromptsOf(node.node, kind);
        return {
          assigns: true,
          emits: 1,
          run(context, event, out) {
            const attempt = context.attempts[kind] + 1;
            const invalid = kind === "noMatch" ? invalidMessages(logic, context, event, node.id) : [];
            let text: string;
            if (invalid.length) text = [...invalid, context.question ?? ""].join(" ").trim();
            else if (prompts && prompts.length) text = render(context, event, node.scope, prompts[Math.min(attempt, prompts.length) - 1] as string);
            else text = `${kind === "noMatch" ? NO_MATCH_PREFIX : NO_INPUT_PREFIX} ${context.question ?? ""}`.trim();
            out.push({ type: "say", nodeId: node.id, text });
            return { attempts: { ...context.attempts, [kind]: attempt }, lastSaid: text };
          },
        };
      }
      case "applySlots": {
        const node = logic.node(str(params, "nodeId"));
        return {
          assigns: true,
          emits: 0,
          run(context, event) {
            if (event.type !== "INPUT") return {};
            return { scopes: { ...context.scopes, [node.scope]: { ...logic.vars(context, node.scope), ...nodeSlotValues(node, event.slots) } } };
          },
        };
      }
      case "traceGlobal": {
        const handlerId = str(params, "handlerId");
        return {
          assigns: false,
          emits: 1,
          run(_context, _event, out) {
            out.push({ type: "global", handlerId });
            return undefined;
          },
        };
      }
      case "takeEdge": {
        const edgeId = str(params, "edgeId");
        const entry = registry.edges.get(edgeId);
        if (!entry) return NO_STEP;
        const { edge, scope } = entry;
        const trigger = edge.trigger;
        const intent = trigger.type === "intent" ? trigger.intent.name : null;
        const assignments = edge.assign ? Object.entries(edge.assign) : null;
        if (intent === null && !assignments) {
          return {
            assigns: false,
            emits: 1,
            run(_context, _event, out) {
              out.push({ type: "edge", edgeId });
              return undefined;
            },
          };
        }
        return {
          assigns: true,
          emits: 1,
          run(context, event, out) {
            out.push({ type: "edge", edgeId });
            const before = logic.vars(context, scope);
            let vars = before;
            if (intent !== null && event.type === "INPUT" && event.intent?.name === intent) vars = { ...vars, ...event.intent.arguments };
            if (assignments) {
              const withArgs = { ...context, scopes: { ...context.scopes, [scope]: vars } };
              const next = { ...vars };
              for (const [name, expression] of assignments) next[name] = toJson(logic.evaluate(withArgs, event, scope, expression));
              vars = next;
            }
            return vars !== before ? { scopes: { ...context.scopes, [scope]: vars } } : undefined;
          },
        };
      }
      case "countTurn":
        return {
          assigns: true,
          emits: 0,
          run(context, event) {
            const said = event.type === "REPLY" ? event.text : context.lastSaid;
            return { turns: context.turns + 1, lastSaid: said, question: said };
          },
        };
      case "openConversation": {
        const node = logic.node(str(params, "nodeId"));
        if (node.node.kind !== "conversation") return NO_STEP;
        const opening = node.node.opening;
        if (!opening) {
          return {
            assigns: false,
            emits: 1,
            run(_context, _event, out) {
              out.push({ type: "generate", nodeId: node.id });
              return undefined;
            },
          };
        }
        return askText(node, opening);
      }
      case "callTool": {
        const node = logic.node(str(params, "nodeId"));
        const t = node.node;
        if (t.kind !== "tool") return NO_STEP;
        const argEntries = Object.entries(t.args);
        return {
          assigns: false,
          emits: 1,
          run(context, event, out) {
            const args: Record<string, JsonValue> = {};
            for (const [name, expression] of argEntries) args[name] = toJson(logic.evaluate(context, event, node.scope, expression));
            const r = (s: string) => render(context, event, node.scope, s);
            const target =
              t.tool.type === "function"
                ? { type: "function" as const, name: t.tool.name }
                : {
                    type: "http" as const,
                    url: r(t.tool.url),
                    method: t.tool.method,
                    headers: Object.fromEntries(Object.entries(t.tool.headers ?? {}).map(([k, v]) => [k, r(v)])),
                  };
            out.push({
              type: "tool",
              nodeId: node.id,
              name: t.tool.type === "function" ? t.tool.name : t.id,
              target,
              args,
              timeoutMs: t.timeoutMs,
              progressMessage: t.progressMessage ? r(t.progressMessage) : null,
            });
            return undefined;
          },
        };
      }
      case "storeToolResult": {
        const node = logic.node(str(params, "nodeId"));
        const variable = node.node.kind === "tool" ? node.node.resultVariable : undefined;
        if (!variable) return { assigns: true, emits: 0, run: () => ({}) };
        return {
          assigns: true,
          emits: 0,
          run(context, event) {
            if (event.type !== "TOOL_RESULT") return {};
            return { scopes: { ...context.scopes, [node.scope]: { ...logic.vars(context, node.scope), [variable]: event.result } } };
          },
        };
      }
      case "failSession": {
        const nodeId = str(params, "nodeId");
        return {
          assigns: false,
          emits: 2,
          run(_context, _event, out) {
            out.push({ type: "say", nodeId, text: FAILURE_MESSAGE });
            out.push({ type: "end", nodeId, outcome: "error" });
            return undefined;
          },
        };
      }
      case "transfer": {
        const node = logic.node(str(params, "nodeId"));
        const t = node.node;
        if (t.kind !== "transfer") return NO_STEP;
        const handoff = t.handoff;
        return {
          assigns: false,
          emits: 1,
          run(context, event, out) {
            out.push({ type: "transfer", nodeId: node.id, target: t.target, handoff: handoff ? render(context, event, node.scope, handoff) : null });
            return undefined;
          },
        };
      }
      case "end": {
        const node = logic.node(str(params, "nodeId"));
        const outcome = node.node.kind === "end" ? (node.node.outcome ?? null) : null;
        return {
          assigns: false,
          emits: 1,
          run(_context, _event, out) {
            out.push({ type: "end", nodeId: node.id, outcome });
            return undefined;
          },
        };
      }
      case "sayGlobal": {
        const entry = registry.globals.get(str(params, "handlerId"));
        const action = entry?.handler.action;
        const source = action && "text" in action ? action.text : undefined;
        if (!entry || !source) return NO_STEP;
        return {
          assigns: true,
          emits: 1,
          run(context, event, out) {
            const text = render(context, event, entry.scope, source);
            out.push({ type: "say", nodeId: context.nodeId, text });
            return { lastSaid: text };
          },
        };
      }
      case "repeat":
        return {
          assigns: false,
          emits: null,
          run(context, _event, out) {
            const text = context.lastSaid ?? context.question;
            if (text) out.push({ type: "say", nodeId: context.nodeId, text });
            return undefined;
          },
        };
      case "resetScope": {
        const scope = str(params, "scope");
        const flow = scope ? registry.children.get(scope) : undefined;
        return {
          assigns: true,
          emits: 0,
          run(context) {
            const fresh = scope ? (flow ? logic.initialScope(flow) : {}) : logic.initialScope(rootFlow(logic));
            // Restarting a flow drops the scopes of the subflows it contains.
            const scopes = Object.fromEntries(Object.entries(context.scopes).filter(([k]) => !(scope === "" ? k !== "" : k.startsWith(`${scope}/`))));
            return { scopes: { ...scopes, [scope]: fresh } };
          },
        };
      }
      case "endByGlobal":
        return {
          assigns: false,
          emits: 1,
          run(context, _event, out) {
            out.push({ type: "end", nodeId: context.nodeId, outcome: "ended-by-user" });
            return undefined;
          },
        };
      case "enterSubflow": {
        const node = logic.node(str(params, "nodeId"));
        const child = registry.children.get(node.id);
        const sub = node.node;
        if (sub.kind !== "subflow" || !child) return NO_STEP;
        const inputs = Object.entries(sub.inputs);
        return {
          assigns: true,
          emits: 0,
          run(context, event) {
            const vars = logic.initialScope(child);
            for (const [name, expression] of inputs) vars[name] = toJson(logic.evaluate(context, event, node.scope, expression));
            return { scopes: { ...context.scopes, [node.id]: vars } };
          },
        };
      }
      case "exitSubflow": {
        const node = logic.node(str(params, "nodeId"));
        const sub = node.node;
        if (sub.kind !== "subflow") return NO_STEP;
        const outputs = Object.entries(sub.outputs);
        return {
          assigns: true,
          emits: 0,
          run(context) {
            const childVars = logic.vars(context, node.id);
            const vars = { ...logic.vars(context, node.scope) };
            for (const [parentName, childName] of outputs) vars[parentName] = childVars[childName] ?? null;
            const scopes = { ...context.scopes, [node.scope]: vars };
            delete scopes[node.id];
            return { scopes };
          },
        };
      }
      default:
        throw new Error(`internal: unknown action ${ref.type}`);
    }
  };
}

/** The start time an actor was created with, on XState's init event (not a FlowEvent). */
function initNow(event: FlowEvent): number | undefined {
  const e = event as { type: string; input?: FlowActorInput };
  return e.type === "xstate.init" ? e.input?.now : undefined;
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
