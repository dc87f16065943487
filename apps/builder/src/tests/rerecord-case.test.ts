import { describe, expect, it } from "vitest";
import { compileFlow, FlowSchema } from "@voxchart/flow";
import { sampleFlow } from "../test-support/sample-flow";
import { runTestCase } from "./run-test-case";
import { rerecordCase } from "./rerecord-case";
import type { StoredConversation } from "../shared/test-case-schema";

function compiled(doc = sampleFlow()) {
  const result = compileFlow(FlowSchema.parse(doc));
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("; "));
  return result.compiled;
}

const booked: StoredConversation = {
  format: "voxchart/conversation@2",
  turns: [
    { bot: ["Hello! Welcome. How many people?"], node: "ask" },
    { user: "4", bot: ["See you soon!"], vars: { party_size: 4 }, ended: true, outcome: "booked" },
  ],
};

describe("rerecordCase", () => {
  it("takes the flow's new wording into the failing check only, keeping the others, so the case passes again", async () => {
    const changed = sampleFlow();
    const done = changed.nodes.find((n) => n.id === "done");
    if (done?.kind === "end") done.message = "Enjoy your meal!";
    const flow = compiled(changed);
    expect((await runTestCase(flow, { id: "t", name: "books", conversation: booked })).passed).toBe(false);

    const result = await rerecordCase(flow, booked);
    if (!result.ok) throw new Error(result.message);
    expect(result.conversation.turns).toEqual([booked.turns[0], { user: "4", bot: ["Enjoy your meal!"], vars: { party_size: 4 }, ended: true, outcome: "booked" }]);
    expect(result.changedTurns).toBe(1);
    expect((await runTestCase(flow, { id: "t", name: "books", conversation: result.conversation })).passed).toBe(true);
  });

  it("refuses when the conversation now ends before its last turn, rather than drop the user's turns", async () => {
    const longer: StoredConversation = { ...booked, turns: [...booked.turns, { user: "thanks" }] };
    const result = await rerecordCase(compiled(), longer);
    expect(result).toEqual({ ok: false, message: "The conversation now ends before turn 3; accepting would drop 1 later turn. Edit or delete the case instead." });
  });
});
