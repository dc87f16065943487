"use client";
import type { TestCaseDto } from "@/shared/api-schemas";
import type { StoredConversation, TestResult } from "@/shared/test-case-schema";
import { describeTurn } from "@/tests/describe-turn";

/** A test case whose stored conversation could be read. */
export type Readable = TestCaseDto & { conversation: StoredConversation };

export const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

export interface TestCaseRowProps {
  testCase: TestCaseDto;
  result: TestResult | undefined;
  /** The case being run ("all" for every case), or null. */
  running: string | null;
  onRun: (testCase: Readable) => void;
  /** Asks to take the flow's current output into the (failed) case. */
  onAccept: (testCase: Readable) => void;
  onDelete: () => void;
}

/** One test case: its status, its first failure, and what each turn checks. */
export function TestCaseRow({ testCase: tc, result: r, running, onRun, onAccept, onDelete }: TestCaseRowProps) {
  const conversation = tc.conversation;
  const readable = conversation ? { ...tc, conversation } : null;
  return (
    <li data-testid="test-case">
      <div className="row-head">
        {!readable ? <span className="badge error">unreadable</span> : r ? <span className={`badge ${r.passed ? "ok" : "error"}`}>{r.passed ? "pass" : "fail"}</span> : <span className="badge">not run</span>}
        <span className="grow wrap" title={tc.name}>
          {tc.name}
        </span>
        {readable && <span className="hint">{plural(readable.conversation.turns.length, "turn")}</span>}
        <button type="button" className="btn small" disabled={running !== null || !readable} onClick={() => readable && onRun(readable)}>
          {running === tc.id ? "Running…" : "Run"}
        </button>
        <button type="button" className="btn small ghost" aria-label={`Delete ${tc.name}`} onClick={onDelete}>
          ✕
        </button>
      </div>
      {tc.problem && <div className="mismatch">{tc.problem}</div>}
      {r?.failure && (
        <div className="mismatch" data-testid="test-mismatch">
          {r.failure.turn > 0 ? `Turn ${r.failure.turn}${r.failure.input ? ` ${r.failure.input}` : ""}: ` : ""}expected <strong>{r.failure.expected}</strong>, got <strong>{r.failure.actual}</strong>
          {readable && (
            <div className="mismatch-actions">
              <button type="button" className="btn small" disabled={running !== null} title="Replay the user's turns and expect what the flow says now" onClick={() => onAccept(readable)} data-testid="rerecord-test">
                Accept new output
              </button>
            </div>
          )}
        </div>
      )}
      {readable && (
        // Opens by itself when the case fails (the failing turn is marked); a new result remounts it.
        <details className="turns" key={r ? `${r.passed}` : "not run"} open={r?.passed === false}>
          <summary>What it checks</summary>
          <ol>
            {readable.conversation.turns.map((turn, i) => (
              <li key={i} className={r?.failure?.turn === i + 1 ? "failed" : undefined}>
                {describeTurn(turn, i)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}
