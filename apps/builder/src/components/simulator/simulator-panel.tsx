"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSelector } from "@xstate/react";
import type { ActorRefFrom } from "xstate";
import { compileFlow, type Flow } from "@voxchart/flow";
import type { simulatorMachine } from "@/simulator/simulator-machine";
import type { ChatEntry } from "@/simulator/chat-entries";
import { PromptDialog } from "../ui/confirm-dialog";
import { functionToolNames } from "@/simulator/tool-mocks";
import { ToolMockEditor, useToolMocks } from "./tool-mock-editor";

export type SimulatorRef = ActorRefFrom<typeof simulatorMachine>;

function Message({ entry }: { entry: ChatEntry }) {
  switch (entry.kind) {
    case "user":
      return <div className={`msg user ${entry.silence ? "silence" : ""}`}>{entry.text}</div>;
    case "bot":
      return (
        <div className="msg bot" data-testid="bot-message">
          {entry.text}
          <span className="timing">
            {entry.nodeId}
            {entry.firstSpeechMs !== null && ` · first speech ${entry.firstSpeechMs} ms`}
            {entry.interrupted && " · interrupted"}
            {entry.overBudget.length > 0 && ` · over budget: ${entry.overBudget.join(", ")}`}
          </span>
        </div>
      );
    case "filler":
      return (
        <div className="msg filler" data-testid="filler-message">
          {entry.text}
          <span className="timing">filler{entry.afterMs !== null && ` · at ${entry.afterMs} ms`}</span>
        </div>
      );
    case "event":
      return <div className="msg event">— {entry.text} —</div>;
  }
}

/** Talks to the flow in text with the engine running in the page. */
export interface SimulatorPanelProps {
  actor: SimulatorRef;
  flow: Flow | null;
  flowId: string;
  resolveSubflow: (ref: string) => Flow | undefined;
  onSaveTest: (name: string) => Promise<void>;
}

export function SimulatorPanel({ actor, flow, flowId, resolveSubflow, onSaveTest }: SimulatorPanelProps) {
  const status = useSelector(actor, (s) => s.value);
  const log = useSelector(actor, (s) => s.context.log);
  const variables = useSelector(actor, (s) => s.context.variables);
  const nodeId = useSelector(actor, (s) => s.context.nodeId);
  const steps = useSelector(actor, (s) => s.context.steps.length);
  const error = useSelector(actor, (s) => s.context.error);
  const simulatedFlow = useSelector(actor, (s) => s.context.compiled?.flow ?? null);
  const [text, setText] = useState("");
  const [compileError, setCompileError] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const chatEnd = useRef<HTMLDivElement>(null);
  const busy = status === "running" || status === "continuing";
  const toolNames = useMemo(() => (flow ? functionToolNames(flow.nodes) : []), [flow]);
  const [mocks, setMock] = useToolMocks(flowId, toolNames);

  useEffect(() => {
    chatEnd.current?.scrollIntoView({ block: "end" });
  }, [log.length]);

  const start = () => {
    if (!flow) {
      setCompileError("The flow has schema errors: fix them in Problems to simulate.");
      return;
    }
    const result = compileFlow(flow, { resolveSubflow });
    if (!result.ok) {
      setCompileError(result.diagnostics.map((d) => d.message).join("; "));
      return;
    }
    setCompileError(null);
    actor.send({ type: "START", compiled: result.compiled, tools: mocks });
  };

  const send = () => {
    if (!text.trim()) return;
    actor.send({ type: "SAY", text });
    setText("");
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%" }} data-testid="simulator">
      <div className="sim-controls">
        <button type="button" className="btn small primary" onClick={start} data-testid="sim-restart">
          {status === "idle" ? "Start" : "Restart"}
        </button>
        <button type="button" className="btn small" disabled={busy || steps < 2} onClick={() => actor.send({ type: "STEP_BACK" })} title="Re-run the conversation without the last user turn">
          Step back
        </button>
        <button type="button" className="btn small" disabled={status !== "settled"} onClick={() => actor.send({ type: "SILENCE" })} data-testid="sim-silence">
          Silence
        </button>
        <button type="button" className="btn small" disabled={busy || steps < 1} onClick={() => setNaming(true)} data-testid="sim-save-test">
          Save as test
        </button>
        <span style={{ flex: 1 }} />
        <span className="badge" data-testid="sim-status">
          {String(status)}
        </span>
      </div>
      <ToolMockEditor mocks={mocks} onChange={setMock} />
      {simulatedFlow && flow && simulatedFlow !== flow && status !== "idle" && <div className="hint" style={{ padding: "6px 12px", background: "var(--warn-soft)" }}>The flow changed since this run started: restart to use the latest draft.</div>}
      {(compileError || error) && <div className="mismatch" style={{ margin: 10 }}>{compileError ?? error}</div>}
      <div style={{ flex: 1, overflow: "auto" }}>
        {status === "idle" && <div className="empty">Start a conversation to try the flow. Fillers and timings come from the engine's virtual clock.</div>}
        <div className="chat">
          {log.map((entry, i) => (
            <Message key={i} entry={entry} />
          ))}
          {busy && <div className="msg event">…</div>}
          <div ref={chatEnd} />
        </div>
      </div>
      <div className="vars" data-testid="sim-variables">
        <div className="hint" style={{ marginBottom: 4 }}>
          Active node: <code data-testid="sim-node">{nodeId ?? "—"}</code>
        </div>
        <table>
          <tbody>
            {Object.entries(variables).map(([k, v]) => (
              <tr key={k}>
                <td>{k}</td>
                <td>{JSON.stringify(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="sim-input"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <input className="input" placeholder={status === "ended" ? "The conversation ended" : "Type what the caller says…"} value={text} onChange={(e) => setText(e.target.value)} disabled={status !== "settled"} data-testid="sim-input" />
        <button type="submit" className="btn primary" disabled={status !== "settled" || !text.trim()}>
          Send
        </button>
      </form>
      <PromptDialog
        open={naming}
        title="Save as test case"
        message="The conversation so far becomes a test (a voxchart test conversation): each turn must say as many lines, each containing what was said now, and rest in the same node."
        confirmLabel="Save test"
        initialValue={`Conversation ${new Date().toLocaleTimeString()}`}
        onCancel={() => setNaming(false)}
        onConfirm={(name) => {
          setNaming(false);
          void onSaveTest(name);
        }}
      />
    </div>
  );
}
