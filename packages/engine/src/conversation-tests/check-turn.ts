import { dequal } from "dequal/lite";
import type { SimulatedStep } from "../simulation/text-simulation";
import type { TestTurnExpectations } from "@voxchart/flow";
import { isRegexLiteral, matchesText, regexOf } from "./match-text";

/** The first expectation of a turn that did not hold. */
export interface Mismatch {
  readonly field: keyof TestTurnExpectations;
  readonly expected: string;
  readonly actual: string;
}

const show = (v: unknown) => (v === undefined ? "nothing" : JSON.stringify(v));
const said = (lines: readonly string[]) => (lines.length ? lines.map((l) => JSON.stringify(l)).join(" / ") : "nothing");
const describeMatcher = (m: string) => (isRegexLiteral(m) ? `bot to match ${m}` : `bot to say ${JSON.stringify(m)}`);

function checkBot(expected: string | readonly string[], bot: readonly string[]): Mismatch | null {
  for (const m of typeof expected === "string" ? [expected] : expected) {
    if (isRegexLiteral(m) && !regexOf(m)) return { field: "bot", expected: `a valid regular expression`, actual: m };
  }
  if (typeof expected === "string") {
    return matchesText(expected, bot.join("\n")) ? null : { field: "bot", expected: describeMatcher(expected), actual: said(bot) };
  }
  if (expected.length !== bot.length || expected.some((m, i) => !matchesText(m, bot[i] ?? ""))) {
    return { field: "bot", expected: `${expected.length} line${expected.length === 1 ? "" : "s"}: ${expected.map((m) => JSON.stringify(m)).join(" / ")}`, actual: said(bot) };
  }
  return null;
}

/** Compares one simulated step with a turn's expectations, in a fixed order. */
export function checkTurn(expect: TestTurnExpectations, step: SimulatedStep): Mismatch | null {
  if (expect.bot !== undefined) {
    const m = checkBot(expect.bot, step.bot);
    if (m) return m;
  }
  if (expect.node !== undefined && expect.node !== step.nodeId) return { field: "node", expected: `node ${expect.node}`, actual: `node ${step.nodeId}` };
  if (expect.vars !== undefined) {
    for (const [name, value] of Object.entries(expect.vars)) {
      const actual = step.variables[name];
      if (!dequal(actual ?? null, value)) return { field: "vars", expected: `${name} = ${show(value)}`, actual: `${name} = ${show(actual ?? null)}` };
    }
  }
  if (expect.filler !== undefined) {
    const f = expect.filler;
    const ok = f === true ? step.fillers.length > 0 : f === false ? step.fillers.length === 0 : step.fillers.some((t) => matchesText(f, t));
    if (!ok) return { field: "filler", expected: f === true ? "a filler" : f === false ? "no filler" : `filler ${JSON.stringify(f)}`, actual: step.fillers.length ? `filler ${said(step.fillers)}` : "no filler" };
  }
  if (expect.ended !== undefined && expect.ended !== step.ended) return { field: "ended", expected: expect.ended ? "the conversation to end" : "the conversation to go on", actual: step.ended ? "it ended" : "it went on" };
  if (expect.outcome !== undefined && expect.outcome !== step.outcome) return { field: "outcome", expected: `outcome ${JSON.stringify(expect.outcome)}`, actual: step.outcome === null ? "no outcome" : `outcome ${JSON.stringify(step.outcome)}` };
  if (expect.transfer !== undefined && expect.transfer !== step.transfer) return { field: "transfer", expected: `transfer to ${JSON.stringify(expect.transfer)}`, actual: step.transfer === null ? "no transfer" : `transfer to ${JSON.stringify(step.transfer)}` };
  return null;
}

export function formatMismatch(m: Mismatch): string {
  return `expected ${m.expected}, got ${m.actual}`;
}
