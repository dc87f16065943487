import type { FlowContext, FlowEvent } from "./types";
import type { MachineLogic } from "./machine-logic";
import type { ActionRef } from "./state-config";

/** A guard bound to its node, edge or handler at build time (no lookups per evaluation). */
export type GuardCheck = (context: FlowContext, event: FlowEvent) => boolean;

const str = (params: ActionRef["params"], key: string): string => String(params?.[key]);

/** Binds one guard ref of the generated config to its implementation. */
export function createGuardFactory(logic: MachineLogic): (ref: ActionRef) => GuardCheck {
  const { registry } = logic;
  return ({ type, params }) => {
    switch (type) {
      case "intentIs": {
        const name = params?.name;
        return (_c, event) => event.type === "INPUT" && event.intent?.name === name;
      }
      case "noIntent":
        return (_c, event) => event.type !== "INPUT" || event.intent === null;
      case "condition": {
        const entry = registry.edges.get(str(params, "edgeId"));
        if (!entry || entry.edge.trigger.type !== "condition") return () => false;
        const { scope } = entry;
        const when = entry.edge.trigger.when;
        return (context, event) => logic.condition(context, event, scope, when);
      }
      case "attemptsExhausted": {
        const kind = params?.kind === "noInput" ? "noInput" : "noMatch";
        const max = logic.node(str(params, "nodeId")).settings.maxAttempts;
        if (kind === "noInput") return (context) => context.attempts.noInput + 1 >= max;
        // A global intent passes up to the root instead of exhausting the node.
        return (context, event) => !(event.type === "INPUT" && event.intent !== null) && context.attempts.noMatch + 1 >= max;
      }
      case "hasSlots":
        return (context, event) => {
          if (event.type !== "INPUT" || event.intent !== null) return false;
          for (const s of logic.node(context.nodeId).slots) if (event.slots[s.name] !== undefined) return true;
          return false;
        };
      case "slotsComplete": {
        const node = logic.node(str(params, "nodeId"));
        return (context) => logic.missingSlots(context, node).length === 0;
      }
      case "confirmed":
        return (_c, event) => event.type === "INPUT" && event.intent === null && event.confirmation === "yes";
      case "denied":
        return (_c, event) => event.type === "INPUT" && event.intent === null && event.confirmation === "no";
      case "turnsExhausted": {
        const node = logic.node(str(params, "nodeId")).node;
        const max = node.kind === "conversation" ? node.maxTurns : undefined;
        if (max === undefined) return () => false;
        return (context) => context.turns + 1 >= max;
      }
      case "toolOk":
        return (_c, event) => event.type === "TOOL_RESULT" && event.ok;
      case "toolFailed":
        return (_c, event) => event.type === "TOOL_RESULT" && !event.ok;
      case "globalActive": {
        const entry = registry.globals.get(str(params, "handlerId"));
        if (!entry) return () => false;
        const { handler, scope } = entry;
        const name = handler.intent.name;
        const except = handler.exceptNodes ?? [];
        // Whether the handler is active depends only on the active node: decided once per node.
        const activeAt = new Map<string, boolean>();
        const active = (nodeId: string) => {
          // The active node as seen from the handler's flow: the first id segment below its scope.
          const rest = scope ? nodeId.slice(scope.length + 1) : nodeId;
          const local = rest.split("/")[0] ?? rest;
          if (handler.nodes && !handler.nodes.includes(local)) return false;
          return !except.includes(local);
        };
        return (context, event) => {
          if (event.type !== "INPUT" || event.intent?.name !== name) return false;
          let on = activeAt.get(context.nodeId);
          if (on === undefined) activeAt.set(context.nodeId, (on = active(context.nodeId)));
          return on;
        };
      }
      default:
        throw new Error(`internal: unknown guard ${type}`);
    }
  };
}

