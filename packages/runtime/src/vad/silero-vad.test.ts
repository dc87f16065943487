import { describe, expect, it } from "vitest";
import { createSileroVad, defaultSileroModelPath } from "./silero-vad";
import { runVadConformance } from "./vad-conformance";
import { silence16k, speech16k } from "../audio/testing/speech-fixtures";
import { skipWithout } from "../audio/testing/programs";

runVadConformance("silero", (endpointing) => createSileroVad(endpointing));

describe("Silero VAD", () => {
  it("finds the model shipped in @ricky0123/vad-web", () => {
    expect(defaultSileroModelPath()).toMatch(/silero_vad_v5\.onnx$/);
  });

  it("fails with an actionable coded error when the model file is missing", async () => {
    await expect(createSileroVad({ modelPath: "/nonexistent/silero.onnx" })).rejects.toMatchObject({
      code: "vad.model_unavailable",
    });
  });

  it.skipIf(skipWithout("espeak-ng"))("does not mistake loud noise for speech where the energy VAD would", async () => {
    const vad = await createSileroVad({});
    const noise = silence16k(2000, 3000);
    const events = [];
    for (let i = 0; i < noise.length; i += 320) events.push(...(await vad.process(noise.subarray(i, i + 320))).events);
    expect(events).toEqual([]);
    const speech = (await speech16k("hello there")).samples;
    let speechEvents = 0;
    for (let i = 0; i < speech.length; i += 320) speechEvents += (await vad.process(speech.subarray(i, i + 320))).events.length;
    expect(speechEvents).toBe(1);
  });

});
