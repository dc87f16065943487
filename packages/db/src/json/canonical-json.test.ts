import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts object keys at every depth and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("keeps array order", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("escapes strings and keys like JSON.stringify", () => {
    expect(canonicalJson({ 'q"': "line\nbreak ünïcode" })).toBe('{"q\\"":"line\\nbreak ünïcode"}');
  });

  it("refuses values JSON cannot represent instead of dropping them", () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/\$\.a is a undefined/);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(/not a plain object/);
    expect(() => canonicalJson(1n)).toThrow(/bigint/);
  });
});

describe("contentHash", () => {
  it("is the same for documents that differ only in key order", () => {
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ b: [1, 2], a: 1 }));
  });

  it("is the sha256 hex of the canonical text", () => {
    // sha256('{"a":1}')
    expect(contentHash({ a: 1 })).toBe("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
  });

  it("differs when a value changes", () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});
