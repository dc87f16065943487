import { describe, expect, it } from "vitest";
import { parseSessionInput, SessionInputSchema } from "./events";

describe("parseSessionInput", () => {
  const inputs: unknown[] = [
    { type: "user.speechStarted" },
    { type: "user.speechStopped", extra: 1 },
    { type: "user.final", text: "yes" },
    { type: "user.text", text: "hello" },
    { type: "user.partial", text: "hel" },
    { type: "user.partial", text: "hel", stable: true },
    { type: "playback.progress", turnId: "t1", playedText: "Hi" },
    { type: "playback.done", turnId: "t1" },
    { type: "playback.started", turnId: "t1" },
    // Bad input: must fail exactly as the schema does.
    null,
    "user.text",
    [],
    {},
    { type: "toString" },
    { type: "user.nope" },
    { type: "user.text" },
    { type: "user.text", text: 3 },
    { type: "playback.progress", turnId: "t1" },
    { type: "user.partial", text: "x", stable: "yes" },
  ];

  it.each(inputs.map((input) => [JSON.stringify(input), input]))("accepts and rejects %s as the schema does", (_, input) => {
    const fast = parseSessionInput(input);
    const schema = SessionInputSchema.safeParse(input);
    expect(fast.success).toBe(schema.success);
    if (fast.success && schema.success) expect(fast.data).toMatchObject(schema.data);
    else expect(fast.error?.issues[0]?.message).toBe(schema.error?.issues[0]?.message);
  });
});
