import { describe, expect, it } from "vitest";
import { describeTurn } from "./describe-turn";

describe("describeTurn", () => {
  it("says what the user does and every check the turn makes", () => {
    expect(describeTurn({ bot: ["Hello.", "How many?"], node: "ask" }, 0)).toBe("start → bot “Hello.” / “How many?” · node ask");
    expect(describeTurn({ silence: true, filler: false }, 1)).toBe("silence → no filler");
    expect(describeTurn({ user: "four", bot: "/Friday/", vars: { size: 4 }, ended: true, outcome: "booked" }, 2)).toBe(
      "user “four” → bot “/Friday/” · size = 4 · ended (booked)",
    );
    expect(describeTurn({ user: "human please", transfer: "front-desk", bot: [] }, 3)).toBe("user “human please” → bot says nothing · transfer to front-desk");
    expect(describeTurn({ user: "hi" }, 1)).toBe("user “hi”");
  });
});
