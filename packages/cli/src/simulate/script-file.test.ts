import { describe, expect, it } from "vitest";
import { parseScript } from "./script-file";

describe("parseScript", () => {
  it("reads one turn per line, (silence) as silence, skipping blanks and comments", () => {
    expect(parseScript("# booking\ntomorrow at 7\n\n(silence)\n  four of us  \n(SILENCE)\n")).toEqual([
      { type: "user", text: "tomorrow at 7" },
      { type: "silence" },
      { type: "user", text: "four of us" },
      { type: "silence" },
    ]);
  });
});
