import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { FlowSchema } from "../schema";
import type { FlowInput } from "../schema";
import { compileFlow } from "./compile-flow";
import type { CompiledFlow } from "./compile-flow";
import type { FlowEmitted, FlowEvent } from "./types";
import { inputEvent } from "../test-support/input-event";

// The executable machine takes shortcuts through eventless transitions (shortcuts.ts) and hands
// context updates between action lists (fuse-actions.ts). These tests pin what must not change:
// the emitted events, in order, and the context and state after each event.

const flow: FlowInput = {
  schemaVersion: 1,
  id: "orders",
  name: "Orders",
  start: "greet",
  variables: { size: { type: "integer" }, big: { type: "boolean", default: false }, picked: { type: "string" } },
  globals: [{ id: "help", intent: { name: "help", examples: ["help"] }, action: { type: "say", text: "Help text." } }],
  nodes: [
    { id: "greet", kind: "say", text: "Hello, today is {{ today() }}." },
    { id: "ask", kind: "collect", prompt: "How many?", slots: [{ name: "size", type: "integer", prompt: "How many?" }] },
    { id: "check", kind: "decide" },
    { id: "menu", kind: "say", text: "Pick one." },
    { id: "small", kind: "say", text: "A small order of {{ size }}." },
    { id: "stuck", kind: "decide" },
    { id: "done", kind: "end", message: "Bye, {{ picked }}.", outcome: "ok" },
  ],
  edges: [
    { id: "e1", from: "greet", to: "ask", trigger: { type: "always" } },
    { id: "e2", from: "ask", to: "check", trigger: { type: "filled" } },
    { id: "e3", from: "check", to: "menu", trigger: { type: "condition", when: "size > 8" }, assign: { big: "true" } },
    { id: "e4", from: "check", to: "small", trigger: { type: "always" } },
    { id: "e5", from: "small", to: "menu", trigger: { type: "always" } },
    { id: "e6", from: "menu", to: "done", trigger: { type: "intent", intent: { name: "pick", examples: ["the red one"] } } },
    { id: "e7", from: "menu", to: "stuck", trigger: { type: "intent", intent: { name: "wait", examples: ["wait"] } } },
    { id: "e8", from: "stuck", to: "done", trigger: { type: "condition", when: "big" } },
  ],
};

function compile(input: FlowInput): CompiledFlow {
  const result = compileFlow(FlowSchema.parse(input));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.compiled;
}

function run(compiled: CompiledFlow, now?: number) {
  const emitted: FlowEmitted[] = [];
  let microsteps = 0;
  const actor = createActor(compiled.machine, {
    input: now === undefined ? undefined : { now },
    inspect: (e) => {
      if (e.type === "@xstate.microstep") microsteps++;
    },
  });
  actor.on("*", (e) => emitted.push(e as FlowEmitted));
  actor.start();
  const send = (event: FlowEvent) => {
    emitted.length = 0;
    microsteps = 0;
    actor.send(event);
    return { emitted: [...emitted], microsteps };
  };
  return { actor, emitted, send };
}

const input = inputEvent;

describe("executable machine", () => {
  it("starts through a say node at the actor's start time, with every event of both nodes", () => {
    const { actor, emitted } = run(compile(flow), Date.parse("2026-03-02T10:00:00Z"));
    expect(emitted).toEqual([
      { type: "enter", nodeId: "greet", previousNodeId: null },
      { type: "say", nodeId: "greet", text: expect.stringContaining("2026") },
      { type: "edge", edgeId: "e1" },
      { type: "enter", nodeId: "ask", previousNodeId: "greet" },
      { type: "say", nodeId: "ask", text: "How many?" },
    ]);
    const context = actor.getSnapshot().context;
    expect(context).toMatchObject({ nodeId: "ask", now: Date.parse("2026-03-02T10:00:00Z"), lastSaid: "How many?", question: "How many?" });
    expect(actor.getSnapshot().value).toEqual({ __main: { ask: "asking" } });
  });

  it("leaves a collect node through a decide node and a say node in one microstep", () => {
    const { actor, send } = run(compile(flow));
    const step = send(input({ slots: { size: 3 } }));
    expect(step.emitted).toEqual([
      { type: "edge", edgeId: "e2" },
      { type: "enter", nodeId: "check", previousNodeId: "ask" },
      { type: "edge", edgeId: "e4" },
      { type: "enter", nodeId: "small", previousNodeId: "check" },
      { type: "say", nodeId: "small", text: "A small order of 3." },
      { type: "edge", edgeId: "e5" },
      { type: "enter", nodeId: "menu", previousNodeId: "small" },
      { type: "say", nodeId: "menu", text: "Pick one." },
    ]);
    expect(step.microsteps).toBe(1);
    expect(actor.getSnapshot().context).toMatchObject({ nodeId: "menu", lastSaid: "Pick one.", scopes: { "": { size: 3, big: false } } });
  });

  it("evaluates a decide node's conditions on the context the edge before it left", () => {
    const { actor, send } = run(compile(flow));
    const step = send(input({ slots: { size: 12 } }));
    expect(step.emitted.map((e) => (e.type === "edge" ? e.edgeId : e.type === "enter" ? e.nodeId : e.type))).toEqual(["e2", "check", "e3", "menu", "say"]);
    expect(actor.getSnapshot().context.scopes[""]).toMatchObject({ size: 12, big: true });
  });

  it("stays in a decide node none of whose conditions hold, as the chart says", () => {
    const { actor, send } = run(compile(flow));
    send(input({ slots: { size: 3 } }));
    const step = send(input({ intent: { name: "wait", arguments: {} } }));
    expect(step.emitted).toEqual([
      { type: "edge", edgeId: "e7" },
      { type: "enter", nodeId: "stuck", previousNodeId: "menu" },
    ]);
    expect(actor.getSnapshot().value).toEqual({ __main: "stuck" });
  });

  it("stores intent arguments and enters the target in the same update, then ends", () => {
    const { actor, send } = run(compile(flow));
    send(input({ slots: { size: 3 } }));
    const step = send(input({ intent: { name: "pick", arguments: { picked: "red" } } }));
    expect(step.emitted).toEqual([
      { type: "edge", edgeId: "e6" },
      { type: "enter", nodeId: "done", previousNodeId: "menu" },
      { type: "say", nodeId: "done", text: "Bye, red." },
      { type: "end", nodeId: "done", outcome: "ok" },
    ]);
    expect(actor.getSnapshot().status).toBe("done");
    expect(actor.getSnapshot().context).toMatchObject({ nodeId: "done", lastSaid: "Bye, red.", scopes: { "": { picked: "red" } } });
  });

  it("returns to the collect node after a global say handler, asking again", () => {
    const { actor, send } = run(compile(flow));
    const step = send(input({ intent: { name: "help", arguments: {} } }));
    expect(step.emitted).toEqual([
      { type: "global", handlerId: "help" },
      { type: "say", nodeId: "ask", text: "Help text." },
      { type: "enter", nodeId: "ask", previousNodeId: "ask" },
      { type: "say", nodeId: "ask", text: "How many?" },
    ]);
    expect(actor.getSnapshot().value).toEqual({ __main: { ask: "asking" } });
  });

  it("keeps the generated JSON config free of the executable shortcuts", () => {
    const compiled = compile(flow);
    const main = compiled.config.states?.__main;
    expect(main?.initial).toBe("greet");
    expect(main?.states?.check?.always?.length).toBe(2);
  });
});
