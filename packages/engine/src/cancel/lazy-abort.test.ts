import { describe, expect, it } from "vitest";
import { LazyAbort } from "./lazy-abort";

describe("LazyAbort", () => {
  it("gives a live signal that aborts with the reason", () => {
    const abort = new LazyAbort();
    const signal = abort.signal;
    expect(signal.aborted).toBe(false);
    abort.abort("stop");
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe("stop");
  });

  it("gives an aborted signal when read after the abort", () => {
    const abort = new LazyAbort();
    abort.abort("late");
    expect(abort.aborted).toBe(true);
    expect(abort.signal.aborted).toBe(true);
    expect(abort.signal.reason).toBe("late");
  });

  it("runs its listener once, on the first abort only", () => {
    const abort = new LazyAbort();
    let calls = 0;
    abort.onAbort(() => calls++);
    abort.abort("a");
    abort.abort("b");
    expect(calls).toBe(1);
    expect(abort.signal.reason).toBe("a");
  });
});
