import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { FlowSchema } from "../schema";
import type { FlowInput } from "../schema";
import { compileFlow } from "./compile-flow";
import type { CompiledFlow } from "./compile-flow";
import type { FlowEmitted, FlowEvent } from "./types";
import { inputEvent } from "../test-support/input-event";

const booking: FlowInput = {
  schemaVersion: 1,
  id: "booking",
  name: "Booking",
  start: "greet",
  variables: { vip: { type: "boolean", default: false } },
  globals: [
    { id: "operator", intent: { name: "operator", examples: ["talk to a human"] }, action: { type: "goto", target: "handoff" } },
    { id: "help", intent: { name: "help", examples: ["help"] }, action: { type: "say", text: "I can book tables." } },
    { id: "repeat", intent: { name: "repeat", examples: ["say again"] }, action: { type: "repeat" } },
    { id: "hours", intent: { name: "hours", examples: ["when are you open"] }, action: { type: "goto", target: "hours_info" } },
  ],
  nodes: [
    { id: "greet", kind: "say", text: "Welcome." },
    {
      id: "ask",
      kind: "collect",
      prompt: "When and for how many?",
      confirm: "{{ size }} people on {{ date }}, right?",
      maxAttempts: 2,
      slots: [
        { name: "date", type: "date", prompt: "Which day?" },
        { name: "size", type: "integer", prompt: "How many people?", invalidMessage: "We can't seat {{ value }}." },
      ],
    },
    { id: "check", kind: "decide" },
    { id: "big", kind: "transfer", target: "events-team", message: "Large groups go to our events team." },
    { id: "book", kind: "tool", tool: { type: "function", name: "book" }, args: { size: "size" }, resultVariable: "ref" },
    { id: "done", kind: "end", message: "Booked, reference {{ ref }}.", outcome: "booked" },
    { id: "failed", kind: "end", message: "Booking failed.", outcome: "failed" },
    { id: "handoff", kind: "transfer", target: "front-desk" },
    { id: "hours_info", kind: "say", text: "We open at noon." },
    { id: "lost", kind: "end", outcome: "no-input" },
  ],
  edges: [
    { id: "e1", from: "greet", to: "ask", trigger: { type: "always" } },
    { id: "e2", from: "ask", to: "check", trigger: { type: "filled" } },
    { id: "e3", from: "ask", to: "lost", trigger: { type: "noInput" } },
    { id: "e4", from: "check", to: "big", trigger: { type: "condition", when: "size > 8" } },
    { id: "e5", from: "check", to: "book", trigger: { type: "always" } },
    { id: "e6", from: "book", to: "done", trigger: { type: "toolResult", result: "success" } },
    { id: "e7", from: "book", to: "failed", trigger: { type: "toolResult", result: "error" } },
    { id: "e8", from: "hours_info", to: "@return", trigger: { type: "always" } },
  ],
};

function compile(input: FlowInput): CompiledFlow {
  const result = compileFlow(FlowSchema.parse(input));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.compiled;
}

function start(compiled: CompiledFlow) {
  const emitted: FlowEmitted[] = [];
  const actor = createActor(compiled.machine, { input: undefined });
  actor.on("*", (e) => emitted.push(e as FlowEmitted));
  actor.start();
  const said = () => emitted.filter((e) => e.type === "say").map((e) => (e as { text: string }).text);
  const send = (event: FlowEvent) => {
    emitted.length = 0;
    actor.send(event);
    return said();
  };
  return { actor, emitted, said, send, node: () => actor.getSnapshot().context.nodeId };
}

const input = inputEvent;

describe("compileFlow", () => {
  it("runs a say node straight into the collect node and asks its prompt", () => {
    const s = start(compile(booking));
    expect(s.said()).toEqual(["Welcome.", "When and for how many?"]);
    expect(s.node()).toBe("ask");
  });

  it("fills slots across turns, confirms, decides and calls the tool", () => {
    const s = start(compile(booking));
    expect(s.send(input({ slots: { date: "2026-11-27" } }))).toEqual(["How many people?"]);
    expect(s.send(input({ slots: { size: 4 } }))).toEqual(["4 people on 2026-11-27, right?"]);
    s.send(input({ confirmation: "yes" }));
    expect(s.node()).toBe("book");
    expect(s.emitted.find((e) => e.type === "tool")).toMatchObject({ name: "book", args: { size: 4 } });
    expect(s.send({ type: "TOOL_RESULT", ok: true, result: "R42" })).toEqual(["Booked, reference R42."]);
    expect(s.actor.getSnapshot().status).toBe("done");
  });

  it("takes a correction during confirmation and confirms again", () => {
    const s = start(compile(booking));
    s.send(input({ slots: { date: "2026-11-27", size: 4 } }));
    expect(s.send(input({ confirmation: "no", slots: { date: "2026-11-28" } }))).toEqual(["4 people on 2026-11-28, right?"]);
    expect(s.send(input({ confirmation: "no" }))).toEqual(["Okay, what would you like to change?"]);
    expect(s.send(input({ slots: { size: 2 } }))).toEqual(["2 people on 2026-11-28, right?"]);
  });

  it("branches on a condition to a transfer", () => {
    const s = start(compile(booking));
    s.send(input({ slots: { date: "2026-11-27", size: 12 } }));
    s.send(input({ confirmation: "yes" }));
    expect(s.emitted.find((e) => e.type === "transfer")).toMatchObject({ target: "events-team" });
    expect(s.actor.getSnapshot().status).toBe("done");
  });

  it("says the invalid message with the rejected value and asks again", () => {
    const s = start(compile(booking));
    expect(s.send(input({ invalid: [{ slot: "size", value: 40, reason: "the most is 20" }] }))).toEqual([
      "We can't seat 40. When and for how many?",
    ]);
  });

  it("reprompts on silence and escalates after the attempts run out", () => {
    const s = start(compile(booking));
    expect(s.send({ type: "NO_INPUT" })).toEqual(["Sorry, I didn't hear anything. When and for how many?"]);
    s.send({ type: "NO_INPUT" });
    expect(s.node()).toBe("lost");
  });

  it("lets a global intent pass through the node's no-match fallback", () => {
    const s = start(compile(booking));
    s.send(input({ intent: { name: "operator", arguments: {} } }));
    expect(s.emitted.find((e) => e.type === "transfer")).toMatchObject({ target: "front-desk" });
  });

  it("returns to where the user was after a say handler and after a detour", () => {
    const s = start(compile(booking));
    s.send(input({ slots: { date: "2026-11-27" } }));
    expect(s.send(input({ intent: { name: "help", arguments: {} } }))).toEqual(["I can book tables.", "How many people?"]);
    expect(s.node()).toBe("ask");
    expect(s.send(input({ intent: { name: "hours", arguments: {} } }))).toEqual(["We open at noon.", "How many people?"]);
    expect(s.node()).toBe("ask");
    expect(s.actor.getSnapshot().context.scopes[""]).toMatchObject({ date: "2026-11-27" });
  });

  it("repeats the last thing said", () => {
    const s = start(compile(booking));
    expect(s.send(input({ intent: { name: "repeat", arguments: {} } }))).toEqual(["When and for how many?"]);
  });

  it("reports an expression that does not parse with its node and column", () => {
    const bad = { ...booking, edges: booking.edges?.map((e) => (e.id === "e4" ? { ...e, trigger: { type: "condition" as const, when: "size > " } } : e)) };
    const result = compileFlow(FlowSchema.parse(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ code: "expr/syntax", edgeId: "e4", path: "/edges/3/trigger/when" });
  });

  it("produces a JSON-serialisable machine config", () => {
    const c = compile(booking);
    expect(JSON.parse(JSON.stringify(c.config))).toEqual(c.config);
  });
});

describe("self-loops", () => {
  it("re-enters the node, so it speaks again", () => {
    const flow: FlowInput = {
      schemaVersion: 1,
      id: "tips",
      name: "Tips",
      start: "tip",
      nodes: [
        { id: "tip", kind: "say", text: "A word. Another?" },
        { id: "bye", kind: "end" },
      ],
      edges: [
        { id: "more", from: "tip", to: "tip", trigger: { type: "intent", intent: { name: "more", examples: ["another one"] } } },
        { id: "stop", from: "tip", to: "bye", trigger: { type: "intent", intent: { name: "stop", examples: ["stop"] } } },
      ],
    };
    const s = start(compile(flow));
    expect(s.send(input({ intent: { name: "more", arguments: {} } }))).toEqual(["A word. Another?"]);
  });
});
