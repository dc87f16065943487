import { withEmbeddedSubflows } from "../graph/embedded-subflows";
import type { Diagnostic } from "../diagnostics";
import { jsonPointer } from "../diagnostics";
import type { Flow, JsonValue } from "../schema";
import type { CompiledNode } from "./compiled-node";
import type { FlowContext } from "./types";
import type { RegionRegistry } from "./build-region";
import { buildRegion, SubflowError } from "./build-region";
import { createExpressionCache } from "./expression-cache";
import { createMachineLogic } from "./machine-logic";
import { createFlowMachine } from "./create-machine";
import type { StateConfig } from "./state-config";
import { DONE } from "./state-config";
import { expressionSites } from "../checks/expression-sites";

export interface CompileOptions {
  /** Finds the flow a subflow node calls (a relative path in files, a flow id in the builder). */
  resolveSubflow?: (ref: string, from: Flow) => Flow | undefined;
}

export type FlowMachine = ReturnType<typeof createFlowMachine>;

export interface CompiledFlow {
  flow: Flow;
  /** The XState v5 machine: the task track of a session. */
  machine: FlowMachine;
  /** The generated machine config as plain JSON (what the builder's code view shows). */
  config: StateConfig & { context: FlowContext };
  /** Every node, including inlined subflow nodes, by qualified id. */
  nodes: ReadonlyMap<string, CompiledNode>;
  /** The node with this qualified id; throws for an unknown id (a bug in the caller). */
  node(id: string): CompiledNode;
  /** The context a new session starts with, at the given time. */
  initialContext(now: number): FlowContext;
  /** Renders one of the flow's templates against a node's variables (e.g. a conversation node's task). */
  render(nodeId: string, template: string, context: FlowContext): string;
  /** The variables a node sees (its flow's scope). */
  variables(nodeId: string, context: FlowContext): Readonly<Record<string, JsonValue>>;
}

export type CompileResult = { ok: true; compiled: CompiledFlow } | { ok: false; diagnostics: Diagnostic[] };

/** Compiles a validated flow into an XState machine. Expressions are parsed once, here. */
export function compileFlow(flow: Flow, options: CompileOptions = {}): CompileResult {
  const cache = createExpressionCache();
  const registry: RegionRegistry = {
    nodes: new Map(),
    edges: new Map(),
    globals: new Map(),
    children: new Map(),
    resolveSubflow: withEmbeddedSubflows(flow, options.resolveSubflow) ?? (() => undefined),
  };
  const diagnostics: Diagnostic[] = [];
  let region: ReturnType<typeof buildRegion>;
  try {
    region = buildRegion(flow, "", registry, null);
  } catch (error) {
    if (!(error instanceof SubflowError)) throw error;
    const index = flow.nodes.findIndex((n) => n.id === error.nodeId.split("/")[0]);
    return {
      ok: false,
      diagnostics: [
        {
          code: error.cycle ? "subflow/cycle" : "subflow/unresolved",
          severity: "error",
          message: error.message,
          path: jsonPointer(["nodes", index, "flow"]),
          nodeId: error.nodeId,
        },
      ],
    };
  }
  // Every flow document involved (root and subflows) must have parseable expressions.
  const flows: [string, Flow][] = [["", flow], ...registry.children.entries()];
  for (const [scope, f] of flows) {
    const conditions = f.edges.flatMap((e, i) =>
      e.trigger.type === "condition"
        ? [{ kind: "expression" as const, source: e.trigger.when, path: ["edges", i, "trigger", "when"], edgeId: e.id, nodeId: e.from }]
        : [],
    );
    for (const source of [...expressionSites(f), ...conditions]) {
      const error = source.kind === "expression" ? cache.expressionError(source.source) : cache.templateError(source.source);
      if (!error) continue;
      const d: Diagnostic = {
        code: "expr/syntax",
        severity: "error",
        message: `${scope ? `in subflow ${scope}: ` : ""}${error.message}`,
        path: jsonPointer(source.path),
        column: error.column,
      };
      if (source.nodeId) d.nodeId = source.nodeId;
      if (source.edgeId) d.edgeId = source.edgeId;
      diagnostics.push(d);
    }
  }
  if (diagnostics.length) return { ok: false, diagnostics };

  const logic = createMachineLogic(registry, cache);
  const initialContext = (now: number): FlowContext => ({
    scopes: { "": logic.initialScope(flow) },
    nodeId: "",
    attempts: { noMatch: 0, noInput: 0 },
    turns: 0,
    lastSaid: null,
    question: null,
    now,
  });
  const config: StateConfig & { context: FlowContext } = {
    id: flow.id,
    initial: region.initial,
    context: initialContext(0),
    states: { ...region.states, [DONE]: { id: DONE, type: "final" } },
    on: region.on,
  };
  const machine = createFlowMachine(config, logic);
  return {
    ok: true,
    compiled: {
      flow,
      machine,
      config,
      nodes: registry.nodes,
      node: logic.node,
      initialContext,
      render: (nodeId, template, context) => cache.render(template, logic.vars(context, logic.node(nodeId).scope), context.now),
      variables: (nodeId, context) => logic.vars(context, logic.node(nodeId).scope),
    },
  };
}
