import { describe, expect, it } from "vitest";
import type { FlowInput } from "@voxchart/flow";
import { createVirtualClock } from "../clock/virtual-clock";
import { createSession } from "./create-session";
import type { SessionOutput } from "./events";
import { compileTestFlow } from "../test-support/booking-flow";
import { createTimedGeneration } from "../test-support/slow-generation";

const chat: FlowInput = {
  schemaVersion: 1,
  id: "chat",
  name: "Chat",
  start: "talk",
  nodes: [
    { id: "talk", kind: "conversation", task: "Chat about the weather.", opening: "Hi there." },
    { id: "bye", kind: "end", message: "Bye." },
    { id: "disclaimer", kind: "say", text: "This call is recorded for quality purposes and may be reviewed.", bargeIn: { mode: "ignore" } },
  ],
  edges: [{ id: "e1", from: "talk", to: "bye", trigger: { type: "intent", intent: { name: "goodbye", examples: ["goodbye", "bye now"] } } }],
};

const ANSWER = "Tomorrow will be sunny with a light breeze from the west and a high of twenty degrees.";

function setup(flow: FlowInput = chat) {
  const clock = createVirtualClock();
  const gen = createTimedGeneration(clock, { firstTokenMs: 300, perTokenMs: 150, text: ANSWER });
  const session = createSession(compileTestFlow(flow), { clock, generation: gen.port });
  const outputs: SessionOutput[] = [];
  session.on((o) => outputs.push(o));
  return { clock, gen, session, outputs };
}

describe("barge-in", () => {
  it("cuts the answer, keeps only what was played in the context and aborts the model stream", async () => {
    const { clock, gen, session, outputs } = setup();
    session.start();
    await clock.advance(2000);
    session.send({ type: "user.text", text: "what will the weather be tomorrow" });
    await clock.advance(1500);
    session.send({ type: "user.speechStarted" });
    await clock.flush();
    const end = outputs.find((o) => o.type === "speech.end" && o.interrupted);
    expect(end).toBeDefined();
    // Paused, not yet aborted: the words decide whether this is a real turn.
    expect(gen.calls[0]?.aborted).toBe(false);
    session.send({ type: "user.speechStopped" });
    session.send({ type: "user.final", text: "and on friday" });
    await clock.flush();
    expect(gen.calls[0]?.aborted).toBe(true);
    const last = session.history().at(-2);
    expect(session.history().at(-1)).toEqual({ role: "user", content: "and on friday" });
    expect(last?.role).toBe("assistant");
    expect(ANSWER.startsWith(last?.content ?? "x")).toBe(true);
    expect(last?.content.length).toBeLessThan(ANSWER.length);
    expect(session.transcript().find((t) => t.interrupted)).toBeDefined();
  });

  it("resumes the answer after a false interruption instead of dropping it", async () => {
    const { clock, gen, session, outputs } = setup();
    session.start();
    await clock.advance(2000);
    session.send({ type: "user.text", text: "what will the weather be tomorrow" });
    await clock.advance(1500);
    session.send({ type: "user.speechStarted" });
    const cutAt = outputs.length;
    session.send({ type: "user.speechStopped" });
    session.send({ type: "user.final", text: "mm-hmm" });
    await clock.advance(5000);
    const heard = session.transcript().find((t) => t.interrupted)?.text ?? "";
    const resumed = outputs.slice(cutAt).flatMap((o) => (o.type === "speech.chunk" ? [o.text] : [])).join("");
    expect(heard.length).toBeGreaterThan(0);
    expect(outputs.slice(cutAt).some((o) => o.type === "speech.start")).toBe(true);
    expect(`${heard} ${resumed}`.replace(/\s+/g, " ").trim()).toBe(ANSWER);
    expect(gen.calls[0]?.aborted).toBe(false);
  });

  it("does not cut critical text whose policy ignores barge-in", async () => {
    const flow: FlowInput = { ...chat, start: "disclaimer", edges: [...(chat.edges ?? []), { id: "e2", from: "disclaimer", to: "talk", trigger: { type: "always" } }] };
    const { clock, session, outputs } = setup(flow);
    session.start();
    await clock.advance(200);
    session.send({ type: "user.speechStarted" });
    await clock.flush();
    expect(outputs.some((o) => o.type === "speech.end" && o.interrupted)).toBe(false);
  });
});

describe("no input", () => {
  it("reprompts on silence, then escalates along the noInput edge", async () => {
    const clock = createVirtualClock();
    const session = createSession(compileTestFlow(), { clock });
    const said: string[] = [];
    session.on((o) => o.type === "speech.chunk" && said.push(o.text));
    session.start();
    await clock.advance(20_000);
    expect(said).toContain("Sorry, I didn't hear anything. For which day, what time, and how many people?");
    expect(said.at(-1)).toBe("I'll let you go. Goodbye.");
    expect(session.state().status).toBe("done");
  });
});

describe("speculative understanding", () => {
  it("commits a stable partial when the final transcript agrees, and discards it otherwise", async () => {
    const clock = createVirtualClock();
    const session = createSession(compileTestFlow(), { clock });
    const metrics: SessionOutput[] = [];
    session.on((o) => o.type === "turn.metrics" && metrics.push(o));
    session.start();
    await clock.advance(10_000 > 0 ? 5000 : 0);
    session.send({ type: "user.speechStarted" });
    session.send({ type: "user.partial", text: "tomorrow at 7 pm", stable: true });
    session.send({ type: "user.speechStopped" });
    session.send({ type: "user.final", text: "Tomorrow at 7 pm." });
    await clock.advance(3000);
    session.send({ type: "user.speechStarted" });
    session.send({ type: "user.partial", text: "for two", stable: true });
    session.send({ type: "user.final", text: "for three people" });
    await clock.advance(100);
    const spec = metrics.map((m) => (m.type === "turn.metrics" ? m.metrics.speculative : undefined)).filter(Boolean);
    expect(spec).toEqual(["committed", "discarded"]);
    expect(session.state().variables).toMatchObject({ size: 3 });
  });
});

describe("what an interruption means, per node", () => {
  const flowWith = (onInterrupt: "next-turn" | "resume" | "reask"): FlowInput => ({
    schemaVersion: 1,
    id: "terms",
    name: "Terms",
    start: "ask",
    nodes: [
      {
        id: "ask",
        kind: "collect",
        onInterrupt,
        prompt: "Before we start, please note that calls are recorded. Do you agree to the terms?",
        slots: [{ name: "agree", type: "yesno" }],
      },
      { id: "done", kind: "end", message: "Thanks." },
    ],
    edges: [{ id: "e1", from: "ask", to: "done", trigger: { type: "filled" } }],
  });

  async function interruptWith(onInterrupt: "next-turn" | "resume" | "reask", words: string) {
    const clock = createVirtualClock();
    const session = createSession(compileTestFlow(flowWith(onInterrupt)), { clock });
    const chunks: string[] = [];
    session.on((o) => o.type === "speech.chunk" && chunks.push(o.text));
    session.start();
    await clock.advance(1500);
    session.send({ type: "user.speechStarted" });
    session.send({ type: "user.speechStopped" });
    session.send({ type: "user.final", text: words });
    await clock.advance(50);
    return { chunks: chunks.slice(1), session };
  }

  it("next-turn: takes the words as the answer (a no-match)", async () => {
    const { chunks } = await interruptWith("next-turn", "what was that");
    expect(chunks[0]).toMatch(/^Sorry, I didn't catch that\./);
  });

  it("resume: finishes the cut sentence instead", async () => {
    const { chunks, session } = await interruptWith("resume", "what was that");
    const heard = session.transcript().find((t) => t.interrupted)?.text ?? "";
    expect(`${heard} ${chunks[0]}`).toBe("Before we start, please note that calls are recorded. Do you agree to the terms?");
  });

  it("reask: asks the question again", async () => {
    const { chunks } = await interruptWith("reask", "what was that");
    expect(chunks[0]).toBe("Before we start, please note that calls are recorded. Do you agree to the terms?");
  });

  it("any policy: a real answer is taken as the answer", async () => {
    const { session } = await interruptWith("resume", "yes I agree");
    expect(session.state().variables).toMatchObject({ agree: true });
  });
});
