import { describe, expect, it } from "vitest";
import { simulatedStep } from "../test-support/simulated-step";
import { literalMatcher } from "@voxchart/flow";
import { acceptTurnOutput } from "./accept-output";
import { checkTurn } from "./check-turn";

/** A turn in node `confirm` after the user said "four". */
const step = (over: Parameters<typeof simulatedStep>[0] = {}) =>
  simulatedStep({ user: "four", bot: ["A table for 4.", "Shall I check?"], nodeId: "confirm", variables: { size: 4 }, ...over });

describe("acceptTurnOutput", () => {
  it("keeps a turn whose checks all pass as written, hand-written matchers included", () => {
    const turn = { user: "four", bot: "/table for \\d/", node: "confirm" };
    expect(acceptTurnOutput(turn, step())).toEqual({ turn, changed: false, unresolved: null });
  });

  it("takes the new lines, node, ending and outcome into the checks that failed, and then passes", () => {
    const turn = { user: "four", bot: "/Friday/", node: "ask", vars: { size: 4 } };
    const done = step({ bot: ["Booked."], nodeId: "done", ended: true, outcome: "booked" });
    const accepted = acceptTurnOutput({ ...turn, ended: false, outcome: "declined" }, done);
    expect(accepted.turn).toEqual({ user: "four", bot: "Booked.", node: "done", vars: { size: 4 }, ended: true, outcome: "booked" });
    expect(accepted.changed).toBe(true);
    expect(checkTurn(accepted.turn, done)).toBeNull();
  });

  it("never rewrites a variable or filler check: it comes back unresolved", () => {
    const accepted = acceptTurnOutput({ user: "four", node: "ask", vars: { size: 5 } }, step());
    expect(accepted.turn).toEqual({ user: "four", node: "confirm", vars: { size: 5 } });
    expect(accepted.unresolved).toEqual({ field: "vars", expected: "size = 5", actual: "size = 4" });
  });

  it("keeps a one-string check one string when one line was said", () => {
    expect(acceptTurnOutput({ user: "x", bot: "Hello" }, step({ bot: ["Welcome back."] })).turn.bot).toBe("Welcome back.");
    expect(acceptTurnOutput({ user: "x", bot: "Hello" }, step()).turn.bot).toEqual(["A table for 4.", "Shall I check?"]);
  });

  it("writes lines that look like /regex/ as literal matchers", () => {
    expect(literalMatcher("/help/")).toBe("/\\/help\\//");
    expect(literalMatcher("Costs $5 (or so).")).toBe("Costs $5 (or so).");
    const accepted = acceptTurnOutput({ user: "x", bot: "nope" }, step({ bot: ["/help/"] }));
    expect(checkTurn(accepted.turn, step({ bot: ["/help/"] }))).toBeNull();
  });
});
