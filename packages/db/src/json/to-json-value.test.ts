import { describe, expect, it } from "vitest";
import { toJsonValue } from "./to-json-value";

describe("toJsonValue", () => {
  it("drops undefined object fields and turns undefined array items into null, as JSON.stringify does", () => {
    expect(toJsonValue({ a: 1, b: undefined, c: [1, undefined], d: { e: undefined } })).toEqual({ a: 1, c: [1, null], d: {} });
  });

  it("copies rather than aliasing the input", () => {
    const input = { nested: { n: 1 } };
    const out = toJsonValue(input) as { nested: { n: number } };
    input.nested.n = 2;
    expect(out.nested.n).toBe(1);
  });

  it("refuses what JSON would mangle, naming the path", () => {
    expect(() => toJsonValue({ at: new Date(0) })).toThrow(/\$\.at is a Date/);
    expect(() => toJsonValue({ list: [1, Number.POSITIVE_INFINITY] })).toThrow(/\$\.list\[1\] is Infinity/);
    expect(() => toJsonValue({ f: () => 1 })).toThrow(/\$\.f is a function/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toJsonValue(cyclic)).toThrow(/cycle/);
  });

  it("accepts the same object twice when it is not a cycle", () => {
    const shared = { x: 1 };
    expect(toJsonValue({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });
});
