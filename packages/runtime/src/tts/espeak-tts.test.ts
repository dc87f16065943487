import { describe, expect, it } from "vitest";
import { createEspeakTts } from "./espeak-tts";
import { runTtsConformance } from "./tts-conformance";
import { concatInt16 } from "../audio/pcm";
import { resample } from "../audio/resampler";
import { skipWithout } from "../audio/testing/programs";
import { createPocketsphinxStt } from "../stt/pocketsphinx-stt";
import { BOOKING_HINTS } from "../stt/stt-conformance";

runTtsConformance("espeak-ng", () => createEspeakTts(), { programs: ["espeak-ng"] });

describe.skipIf(skipWithout("espeak-ng"))("espeak-ng TTS", () => {
  it("says how to install it when the program is missing", async () => {
    const tts = createEspeakTts({ binary: "espeak-ng-missing-for-test" });
    const run = async () => {
      for await (const c of tts.synthesize("hello")) void c;
    };
    await expect(run()).rejects.toMatchObject({ code: "tts.unavailable", message: expect.stringContaining("apt-get install") });
  });

  it("speaks faster at a higher rate", async () => {
    const length = async (wpm: number) => {
      let n = 0;
      for await (const c of createEspeakTts({ wordsPerMinute: wpm }).synthesize("I would like to book a table for four people")) n += c.length;
      return n;
    };
    expect(await length(260)).toBeLessThan((await length(140)) * 0.8);
  });

  it.skipIf(skipWithout("espeak-ng", "pocketsphinx_continuous"))(
    "produces speech that pocketsphinx understands after resampling to 16 kHz",
    async () => {
      const chunks: Int16Array[] = [];
      for await (const c of createEspeakTts().synthesize("I would like to book a table for four people")) chunks.push(c);
      const pcm16k = await resample({ samples: concatInt16(chunks), sampleRate: 24000 }, 16000);
      const t = await createPocketsphinxStt().transcribe(pcm16k.samples, { hints: BOOKING_HINTS });
      expect(t.text).toBe("i would like to book a table for four people");
    },
    60_000,
  );
});
