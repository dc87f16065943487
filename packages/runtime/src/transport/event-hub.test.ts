import { describe, expect, it, vi } from "vitest";
import { createEventHub } from "./event-hub";
import type { TransportEvent } from "./session";

const text = (n: number): TransportEvent => ({ type: "text", text: String(n), runImmediately: true, audioResponse: true });

describe("session event hub", () => {
  it("holds events until the first listener, then delivers live", () => {
    const hub = createEventHub(() => {});
    hub.emit(text(1));
    hub.emit(text(2));
    const seen: string[] = [];
    hub.on((e) => seen.push(e.type === "text" ? e.text : e.type));
    hub.emit(text(3));
    expect(seen).toEqual(["1", "2", "3"]);
  });

  it("bounds the backlog of a handler that never subscribes, dropping the oldest", () => {
    const overflow = vi.fn();
    const hub = createEventHub(() => {}, overflow);
    for (let i = 0; i < 1500; i++) hub.emit(text(i));
    const seen: string[] = [];
    hub.on((e) => seen.push(e.type === "text" ? e.text : e.type));
    expect(seen).toHaveLength(1000);
    expect(seen[0]).toBe("500");
    expect(overflow).toHaveBeenCalledTimes(1);
  });

  it("keeps delivering to others when one listener throws", () => {
    const errors: unknown[] = [];
    const hub = createEventHub((cause) => errors.push(cause));
    const seen: TransportEvent[] = [];
    hub.on(() => {
      throw new Error("listener bug");
    });
    hub.on((e) => seen.push(e));
    hub.emit(text(1));
    expect(seen).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});
