import { describe, expect, it } from "vitest";
import { createPocketsphinxStt } from "./pocketsphinx-stt";
import { runSttConformance, wordErrorRate } from "./stt-conformance";
import { paddedSpeech16k, speech16k } from "../audio/testing/speech-fixtures";
import { skipWithout } from "../audio/testing/programs";

runSttConformance("pocketsphinx", () => createPocketsphinxStt({ partialIntervalMs: 700 }), {
  programs: ["pocketsphinx_continuous"],
  maxWordErrorRate: 0,
});

describe.skipIf(skipWithout("espeak-ng", "pocketsphinx_continuous"))("pocketsphinx STT", () => {
  it("builds its grammar from the hints, leaving out phrases with unknown words", async () => {
    const stt = createPocketsphinxStt();
    const g = await stt.grammarFor({ phrases: ["Table for 4, please!", "zorblax now", "yes"] });
    expect(g.accepted).toEqual(["table for four please", "yes"]);
    expect(g.rejected).toEqual([{ phrase: "zorblax now", unknownWords: ["zorblax"] }]);
    expect(g.jsgf).toContain("public <utterance> = ( table for four please ) | ( yes );");
  });

  it("falls back to the generic language model when no phrase is usable", async () => {
    const stt = createPocketsphinxStt();
    const pcm = await speech16k("I would like to book a table for four people");
    const t = await stt.transcribe(pcm.samples, { hints: { phrases: ["zorblax"] } });
    expect(t.mode).toBe("lm");
    const wer = wordErrorRate("I would like to book a table for four people", t.text);
    console.info(`generic LM: ${JSON.stringify(t.text)} WER ${(wer * 100).toFixed(0)}% in ${t.processingMs.toFixed(0)} ms`);
    expect(t.text.length).toBeGreaterThan(0);
  }, 60_000);

  it("recognises numbers through the {number} slot", async () => {
    const stt = createPocketsphinxStt();
    const phrases = ["a table for {number} people", "{number}"];
    for (const [said, heard] of [
      ["a table for 25 people", "a table for twenty five people"],
      ["three hundred and twelve", "three hundred and twelve"],
    ] as const) {
      const t = await stt.transcribe((await paddedSpeech16k(said)).samples, { hints: { phrases } });
      expect(t.text).toBe(heard);
    }
  }, 60_000);

  it("forces out-of-grammar speech onto the nearest phrase (why the hints must be complete)", async () => {
    const stt = createPocketsphinxStt();
    const t = await stt.transcribe((await paddedSpeech16k("no")).samples, { hints: { phrases: ["{number}"] } });
    expect(t.text).not.toBe("no");
  }, 60_000);

  it("says how to install it when the program is missing", async () => {
    const stt = createPocketsphinxStt({ binary: "pocketsphinx_missing_for_test" });
    await expect(stt.transcribe(new Int16Array(1600), { hints: { phrases: ["yes"] } })).rejects.toMatchObject({
      code: "stt.unavailable",
      message: expect.stringContaining("apt-get install"),
    });
  });
});
