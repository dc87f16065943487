import { describe, expect, it } from "vitest";
import { createPipeline } from "./pipeline";
import { createProcessor } from "./processor";
import { createFrameRecorder } from "./frame-recorder";
import type { Frame } from "./frames";
import { createVadStage } from "../vad/vad-stage";
import { createEnergyVad } from "../vad/energy-vad";
import { createSttStage } from "../stt/stt-stage";
import { createPocketsphinxStt } from "../stt/pocketsphinx-stt";
import { BOOKING_HINTS } from "../stt/stt-conformance";
import { createPhraseAggregatorStage } from "../tts/phrase-aggregator-stage";
import { createTtsStage } from "../tts/tts-stage";
import { createEspeakTts } from "../tts/espeak-tts";
import { concatInt16 } from "../audio/pcm";
import { silence16k, speech16k } from "../audio/testing/speech-fixtures";
import { skipWithout } from "../audio/testing/programs";

/** Stands in for the engine: answers a final transcript with a streamed two-sentence reply. */
function echoAgent() {
  let turn = 0;
  return createProcessor({
    name: "echo-agent",
    process(frame: Frame, direction, ctx) {
      ctx.push(frame, direction);
      if (frame.type !== "transcript.final" || direction !== "downstream") return;
      const turnId = `t${++turn}`;
      ctx.push({ type: "turn.start", turnId });
      const reply = `You said ${frame.text}. Let me check that for you, it will only take a moment.`;
      for (const token of reply.match(/.{1,4}/g) ?? []) ctx.push({ type: "text.chunk", text: token, turnId });
      ctx.push({ type: "turn.end", turnId });
    },
  });
}

function pushRealtime(pipeline: { push(f: Frame): void }, audio: Int16Array, t0: number): Promise<void> {
  return (async () => {
    for (let i = 0, n = 0; i + 320 <= audio.length; i += 320, n++) {
      pipeline.push({ type: "audio.in", pcm: audio.subarray(i, i + 320), sampleRate: 16000, at: t0 + n * 20 });
      if (n % 10 === 9) await new Promise((r) => setTimeout(r, 10)); // 200 ms of audio per 10 ms: faster than real time
    }
  })();
}

describe.skipIf(skipWithout("espeak-ng", "pocketsphinx_continuous"))("voice pipeline (VAD → STT → agent → phrases → TTS)", () => {
  it("hears an utterance and answers in speech, phrase by phrase", async () => {
    const out = createFrameRecorder();
    const pipeline = createPipeline(
      [
        createVadStage({ vad: createEnergyVad({ endSilenceMs: 500 }) }),
        createSttStage({ stt: createPocketsphinxStt({ partialIntervalMs: 0 }), hints: BOOKING_HINTS }),
        echoAgent(),
        createPhraseAggregatorStage(),
        createTtsStage({ tts: createEspeakTts() }),
      ],
      { onDownstream: out.sink },
    );
    const audio = concatInt16([silence16k(600, 30), (await speech16k("I would like to book a table for four people")).samples, silence16k(900, 30)]);
    await pushRealtime(pipeline, audio, Date.now());
    const final = await out.waitFor("transcript.final", { timeoutMs: 30_000 });
    expect(final.text).toBe("i would like to book a table for four people");
    await out.waitFor("turn.end", { timeoutMs: 30_000 });
    expect(out.ofType("tts.text").map((f) => f.text)).toEqual([
      "You said i would like to book a table for four people.",
      "Let me check that for you,",
      "it will only take a moment.",
    ]);
    const audioOut = out.ofType("audio.out");
    expect(audioOut.length * 0.02).toBeGreaterThan(3); // seconds of reply
    expect(audioOut.every((f) => f.turnId === "t1")).toBe(true);
    const order = out.types();
    expect(order.indexOf("user.started")).toBeLessThan(order.indexOf("user.stopped"));
    expect(order.indexOf("user.stopped")).toBeLessThan(order.indexOf("transcript.final"));
  }, 60_000);

  it("stops the reply when the user barges in, and hears the new utterance", async () => {
    const out = createFrameRecorder();
    const pipeline = createPipeline(
      [
        createVadStage({ vad: createEnergyVad({ endSilenceMs: 400 }), interruptOnSpeech: true }),
        createSttStage({ stt: createPocketsphinxStt({ partialIntervalMs: 0 }), hints: BOOKING_HINTS }),
        echoAgent(),
        createPhraseAggregatorStage(),
        createTtsStage({ tts: createEspeakTts({ wordsPerMinute: 120 }) }),
      ],
      { onDownstream: out.sink },
    );
    const first = concatInt16([silence16k(500, 30), (await speech16k("friday please")).samples, silence16k(700, 30)]);
    await pushRealtime(pipeline, first, 0);
    await out.waitFor("audio.out", { timeoutMs: 30_000 });
    const before = out.frames.length;
    const second = concatInt16([(await speech16k("no")).samples, silence16k(700, 30)]);
    await pushRealtime(pipeline, second, 10_000);
    await out.waitFor("transcript.final", { since: before, timeoutMs: 30_000 });
    await out.waitFor("turn.end", { since: before, timeoutMs: 30_000 });
    await pipeline.idle();
    const interruptAt = out.types().indexOf("interrupt", before);
    expect(interruptAt).toBeGreaterThan(0);
    const afterInterrupt = out.frames.slice(interruptAt);
    // Nothing more of turn 1 is spoken after the interruption; turn 2 answers "no".
    expect(afterInterrupt.filter((f) => f.type === "audio.out" && f.turnId === "t1")).toHaveLength(0);
    expect(out.ofType("turn.end").map((f) => f.turnId)).toEqual(["t2"]);
    expect(out.ofType("transcript.final").map((f) => f.text)).toEqual(["friday please", "no"]);
  }, 60_000);
});
