import { describe, expect, it } from "vitest";
import { backoffDelayMs, sleep } from "./retry";

const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe("backoff", () => {
  it("doubles per retry with half of each delay jittered", () => {
    expect(backoffDelayMs(0, policy, () => 0)).toBe(50);
    expect(backoffDelayMs(0, policy, () => 1)).toBe(100);
    expect(backoffDelayMs(2, policy, () => 0)).toBe(200);
    expect(backoffDelayMs(2, policy, () => 1)).toBe(400);
  });

  it("is capped by maxDelayMs", () => {
    expect(backoffDelayMs(10, policy, () => 1)).toBe(1000);
  });

  it("sleeps until aborted and reports that it was cut short", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const start = performance.now();
    expect(await sleep(5000, controller.signal)).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
    expect(await sleep(1)).toBe(true);
  });
});
