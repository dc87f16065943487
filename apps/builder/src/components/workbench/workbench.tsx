"use client";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { useActorRef, useSelector } from "@xstate/react";
import type { Diagnostic } from "@voxchart/flow";
import { api } from "@/client/api-client";
import { scriptFromSteps } from "@/tests/script-from-steps";
import type { FlowDto, FlowSummaryDto } from "@/shared/api-schemas";
import { createEditorState, editorReducer } from "@/canvas/editor-state";
import { applyChange } from "@/canvas/edits";
import type { FlowDoc } from "@/canvas/flow-types";
import { autoLayout, needsLayout } from "@/canvas/layout";
import { canRedo, canUndo } from "@/canvas/history";
import { locateEdge, locateNode, problemsByNode } from "@/canvas/problems-by-node";
import { diffFlows, type FlowDiff } from "@/canvas/version-diff";
import { unionForDiff } from "@/canvas/flow-to-graph";
import { simulatorMachine } from "@/simulator/simulator-machine";
import { FlowCanvas } from "../canvas/flow-canvas";
import type { SubflowDiffOutcome } from "../versions/diff-summary";
import { lazyComponent } from "@/lib/lazy-component";
import { whenIdle } from "@/lib/use-when-idle";
import { FlowList } from "../flows/flow-list";
import { ProblemsPanel } from "../problems/problems-panel";
import { clearBackup, readBackup } from "./draft-backup";
import { useAutosave, type SaveStatus } from "./use-autosave";
import { useEditorKeys } from "./use-editor-keys";
import { useLiveChecks } from "./use-live-checks";
import { useSubflows } from "./use-subflows";

type Tab = "inspect" | "flow" | "simulate" | "tests" | "versions" | "code";
const TABS: { id: Tab; label: string }[] = [
  { id: "inspect", label: "Inspect" },
  { id: "flow", label: "Flow" },
  { id: "simulate", label: "Simulate" },
  { id: "tests", label: "Tests" },
  { id: "versions", label: "Versions" },
  { id: "code", label: "Code" },
];

/*
 * The panels behind a selection or another tab load with their first use, or in an idle moment
 * a little after the flow opened (whichever comes first): the engine, the schema forms and the
 * compiler views stay out of the scripts a flow needs to open.
 */
const NodeInspector = lazyComponent(() => import("../inspector/inspector-panel").then((m) => m.NodeInspector));
const EdgeInspector = lazyComponent(() => import("../inspector/inspector-panel").then((m) => m.EdgeInspector));
const FlowPanel = lazyComponent(() => import("../inspector/flow-panel").then((m) => m.FlowPanel));
const SimulatorPanel = lazyComponent(() => import("../simulator/simulator-panel").then((m) => m.SimulatorPanel));
const TestsPanel = lazyComponent(() => import("../tests/tests-panel").then((m) => m.TestsPanel));
const VersionsPanel = lazyComponent(() => import("../versions/versions-panel").then((m) => m.VersionsPanel));
const DeployPanel = lazyComponent(() => import("../versions/deploy-panel").then((m) => m.DeployPanel));
const CodePanel = lazyComponent(() => import("../code/code-panel").then((m) => m.CodePanel));
// In the order they are likely wanted: the inspector with the first click on the canvas.
const LAZY_PANELS = [NodeInspector, EdgeInspector, FlowPanel, SimulatorPanel, TestsPanel, VersionsPanel, DeployPanel, CodePanel];
/** How long after opening the first panel starts to load in the background. */
const PRELOAD_DELAY_MS = 300;

/** Loads the panels one per idle moment, so none of it gets in the way of the first edits. */
function preloadWhenIdle(panels: readonly { preload(): Promise<void> }[]): () => void {
  let stopped = false;
  let cancel = () => {};
  const next = (i: number, delayMs: number) => {
    const panel = panels[i];
    if (stopped || !panel) return;
    const then = () => next(i + 1, 0);
    cancel = whenIdle(() => void panel.preload().then(then, then), 5000, delayMs);
  };
  next(0, PRELOAD_DELAY_MS);
  return () => {
    stopped = true;
    cancel();
  };
}

const SAVE_TEXT: Record<SaveStatus["state"], string> = { saved: "Saved", dirty: "Unsaved changes", saving: "Saving…", failed: "Save failed", conflict: "Save conflict" };

interface WorkbenchProps {
  initialFlow: FlowDto;
  initialFlows: FlowSummaryDto[];
  /** The checks' findings on `initialFlow`'s document, made by the server with the page. */
  initialDiagnostics?: Diagnostic[];
}

export function Workbench(props: WorkbenchProps) {
  return (
    <ReactFlowProvider>
      <WorkbenchView {...props} />
    </ReactFlowProvider>
  );
}

function WorkbenchView({ initialFlow, initialFlows, initialDiagnostics }: WorkbenchProps) {
  const flowId = initialFlow.id;
  const [state, dispatch] = useReducer(editorReducer, initialFlow.document as unknown as FlowDoc, createEditorState);
  const doc = state.history.present;
  const [flows, setFlows] = useState(initialFlows);
  const [tab, setTab] = useState<Tab>("inspect");
  const [toast, setToast] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ nodeId: string; seq: number } | null>(null);
  const [diffView, setDiffView] = useState<{ doc: FlowDoc; diff: FlowDiff; title: string; subflows: SubflowDiffOutcome } | null>(null);
  const [testsRefresh, setTestsRefresh] = useState(0);
  const [backup, setBackup] = useState<FlowDoc | null>(null);
  const autosave = useAutosave(flowId, doc, initialFlow.draftRevision);
  const subflows = useSubflows(doc);
  const checks = useLiveChecks(doc, subflows.resolve, initialDiagnostics, { subflowsSettled: subflows.settled, flowWanted: tab === "simulate" || tab === "tests" || tab === "code" });
  const sim = useActorRef(simulatorMachine);
  const simActive = useSelector(sim, (s) => !s.matches("idle"));
  const simNode = useSelector(sim, (s) => s.context.nodeId);
  const simVisited = useSelector(sim, (s) => s.context.visited);
  const simEdges = useSelector(sim, (s) => s.context.edges);

  useEditorKeys(state, dispatch, diffView === null);
  useEffect(() => preloadWhenIdle(LAZY_PANELS), []);

  const showToast = useCallback((message: string) => setToast(message), []);
  useEffect(() => {
    if (!toast) return;
    const t = window.setTimeout(() => setToast(null), 3500);
    return () => window.clearTimeout(t);
  }, [toast]);

  // Imported documents may lack positions: lay them out once (saved like any edit).
  useEffect(() => {
    if (needsLayout(doc)) {
      dispatch({ type: "reset", doc: applyChange(doc, autoLayout(doc)) });
      window.setTimeout(() => window.dispatchEvent(new Event("voxchart:fit")), 50);
    }
    const saved = readBackup(flowId);
    if (saved && JSON.stringify(saved.doc) !== JSON.stringify(initialFlow.document)) setBackup(saved.doc);
    else clearBackup(flowId);
    // Once per opened flow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const refreshFlows = useCallback(() => void api.listFlows().then(setFlows, () => undefined), []);
  // After each save (names, revisions); not on opening: the server sent the list with the page.
  const opened = useRef(false);
  useEffect(() => {
    if (!opened.current) {
      opened.current = true;
      return;
    }
    if (autosave.status.state === "saved") refreshFlows();
  }, [autosave.status.state, refreshFlows]);

  const replaceFromServer = useCallback(
    (flow: FlowDto) => {
      const next = flow.document as unknown as FlowDoc;
      autosave.adopt(next, flow.draftRevision);
      dispatch({ type: "reset", doc: next });
    },
    [autosave],
  );

  const problems = useMemo(() => problemsByNode(doc, checks.diagnostics), [doc, checks.diagnostics]);
  const flowNames = useMemo(() => new Map(flows.map((f) => [f.id, f.name])), [flows]);
  const decorations = useMemo(
    () => ({
      problems,
      activeNodeId: simActive ? (simNode?.split("/")[0] ?? null) : null,
      visitedNodes: simActive ? new Set(simVisited) : new Set<string>(),
      takenEdges: simActive ? new Set(simEdges) : new Set<string>(),
      diff: diffView?.diff ?? null,
      flowNames,
    }),
    [problems, simActive, simNode, simVisited, simEdges, diffView, flowNames],
  );

  const pickProblem = useCallback(
    (d: Diagnostic) => {
      const nodeId = locateNode(doc, d);
      const edgeId = locateEdge(doc, d);
      if (edgeId) dispatch({ type: "select", nodes: [], edges: [edgeId] });
      else if (nodeId) dispatch({ type: "select", nodes: [nodeId], edges: [] });
      else setTab("flow");
      if (nodeId) {
        setFocus((f) => ({ nodeId, seq: (f?.seq ?? 0) + 1 }));
        setTab("inspect");
      }
    },
    [doc],
  );

  const selectedNode = state.selectedNodes.size === 1 ? doc.nodes.find((n) => state.selectedNodes.has(n.id)) : undefined;
  const selectedEdge = state.selectedEdges.size === 1 && state.selectedNodes.size === 0 ? (doc.edges ?? []).find((e) => state.selectedEdges.has(e.id)) : undefined;
  const current = flows.find((f) => f.id === flowId);

  const saveTest = async (name: string) => {
    const { steps, tools } = sim.getSnapshot().context;
    try {
      await api.createTestCase(flowId, name, scriptFromSteps(steps, tools));
      setTestsRefresh((n) => n + 1);
      showToast(`Saved test “${name}”`);
    } catch (e) {
      showToast(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden />
          Voxchart
        </span>
        <span className="flow-title" data-testid="flow-title">
          {current?.name ?? doc.name}
        </span>
        <span className="save-state" data-state={autosave.status.state} data-testid="save-state" title={"message" in autosave.status ? autosave.status.message : undefined}>
          {SAVE_TEXT[autosave.status.state]}
        </span>
        {autosave.status.state === "failed" && (
          <button type="button" className="btn small" onClick={() => void autosave.retry()}>
            Retry
          </button>
        )}
        {autosave.status.state === "conflict" && (
          <>
            <span className="hint">Someone saved this flow meanwhile.</span>
            <button type="button" className="btn small" onClick={() => void autosave.overwrite()}>
              Keep mine
            </button>
            <button type="button" className="btn small" onClick={() => void api.getFlow(flowId).then(replaceFromServer)}>
              Load theirs
            </button>
          </>
        )}
        <span className="spacer" />
        <button type="button" className="btn small" disabled={!canUndo(state.history)} onClick={() => dispatch({ type: "undo" })} title="Undo (Ctrl+Z)" data-testid="undo">
          ↶ Undo
        </button>
        <button type="button" className="btn small" disabled={!canRedo(state.history)} onClick={() => dispatch({ type: "redo" })} title="Redo (Ctrl+Shift+Z)" data-testid="redo">
          ↷ Redo
        </button>
        <a className="btn small" href={api.exportUrl(flowId)} download>
          Export
        </a>
        <a className="btn small" href={`/talk/${encodeURIComponent(flowId)}`} data-testid="talk-link">
          Talk
        </a>
        <button type="button" className="btn small primary" onClick={() => setTab("versions")}>
          Publish…
        </button>
      </header>
      <FlowList flows={flows} currentId={flowId} onFlowsChanged={refreshFlows} onCurrentReplaced={replaceFromServer} onToast={showToast} />
      <main className="center">
        <FlowCanvas
          doc={doc}
          dispatch={dispatch}
          selectedNodes={state.selectedNodes}
          selectedEdges={state.selectedEdges}
          decorations={decorations}
          diffView={diffView ? { doc: diffView.doc, title: diffView.title, subflows: diffView.subflows, onClose: () => setDiffView(null) } : null}
          focus={focus}
          onToast={showToast}
        />
        <ProblemsPanel diagnostics={checks.diagnostics} pending={checks.pending} onPick={pickProblem} />
      </main>
      <section className="right" aria-label="Panels">
        <div className="tabs" role="tablist">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)} data-testid={`tab-${t.id}`}>
              {t.label}
            </button>
          ))}
        </div>
        <div className="tab-body">
          {backup && (
            <div className="section" style={{ background: "var(--warn-soft)" }} data-testid="unsaved-backup">
              <strong>Unsaved changes found</strong>
              <p className="hint">This browser kept edits that never reached the server.</p>
              <button
                type="button"
                className="btn small primary"
                data-testid="restore-backup"
                onClick={() => {
                  dispatch({ type: "apply", change: { type: "doc.replace", doc: backup } });
                  setBackup(null);
                }}
              >
                Restore them
              </button>{" "}
              <button
                type="button"
                className="btn small"
                onClick={() => {
                  clearBackup(flowId);
                  setBackup(null);
                }}
              >
                Discard
              </button>
            </div>
          )}
          {tab === "inspect" &&
            (selectedNode ? (
              <NodeInspector key={selectedNode.id} node={selectedNode} doc={doc} dispatch={dispatch} diagnostics={checks.diagnostics} />
            ) : selectedEdge ? (
              <EdgeInspector key={selectedEdge.id} edge={selectedEdge} doc={doc} dispatch={dispatch} diagnostics={checks.diagnostics} />
            ) : state.selectedNodes.size + state.selectedEdges.size > 1 ? (
              <div className="section">
                <p>
                  {state.selectedNodes.size} nodes and {state.selectedEdges.size} edges selected.
                </p>
                <button
                  type="button"
                  className="btn danger"
                  onClick={() =>
                    dispatch({
                      type: "apply",
                      change: { type: "batch", changes: [{ type: "edge.remove", ids: [...state.selectedEdges] }, { type: "node.remove", ids: [...state.selectedNodes] }] },
                    })
                  }
                >
                  Delete selection
                </button>
                <p className="hint">Ctrl+C / Ctrl+V copies them, Ctrl+D duplicates.</p>
              </div>
            ) : (
              <div className="empty">
                Select a node or an edge to edit it.
                <br />
                Drag from a node’s bottom handle to another node to connect them. Shift-drag selects several.
                <br />
                <br />
                <span className="hint">Ctrl+Z undo · Ctrl+Shift+Z redo · Shift+L layout · Shift+F fit · Delete removes</span>
              </div>
            ))}
          {tab === "flow" && <FlowPanel doc={doc} dispatch={dispatch} />}
          {tab === "simulate" && <SimulatorPanel actor={sim} flow={checks.flow} resolveSubflow={subflows.resolve} flowId={flowId} onSaveTest={saveTest} />}
          {tab === "tests" && <TestsPanel flowId={flowId} flowSlug={current?.slug ?? initialFlow.slug} flow={checks.flow} resolveSubflow={subflows.resolve} refreshKey={testsRefresh} onToast={showToast} />}
          {tab === "versions" && <DeployPanel flowId={flowId} flushDraft={autosave.flush} onToast={showToast} />}
          {tab === "versions" && (
            <VersionsPanel
              flowId={flowId}
              draft={doc}
              flushDraft={autosave.flush}
              onShowDiff={(before, after, title, subflows) => setDiffView({ doc: unionForDiff(before, after), diff: diffFlows(before, after), title, subflows })}
              onRolledBack={replaceFromServer}
              onToast={showToast}
            />
          )}
          {tab === "code" && <CodePanel doc={doc} flow={checks.flow} resolveSubflow={subflows.resolve} />}
        </div>
      </section>
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
    </div>
  );
}
