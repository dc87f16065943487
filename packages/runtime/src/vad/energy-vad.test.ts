import { describe, expect, it } from "vitest";
import { createEnergyVad } from "./energy-vad";
import { runVadConformance } from "./vad-conformance";
import { silence16k } from "../audio/testing/speech-fixtures";

runVadConformance("energy", (endpointing) => createEnergyVad(endpointing));

function tone(ms: number, amplitude: number): Int16Array {
  const n = (ms * 16000) / 1000;
  return Int16Array.from({ length: n }, (_, i) => Math.round(Math.sin(i / 3) * amplitude));
}

describe("energy VAD", () => {
  it("adapts its noise floor so steady loud noise stops counting as speech", () => {
    const vad = createEnergyVad({ endSilenceMs: 300 });
    const events = [];
    for (let i = 0; i < 50; i++) events.push(...vad.processSync(silence16k(20, 30)).events); // quiet room
    for (let i = 0; i < 400; i++) events.push(...vad.processSync(silence16k(20, 2000)).events); // then 8 s of a fan
    expect(events.map((e) => e.type)).toEqual(["speechStart", "speechEnd"]);
    expect(vad.processSync(silence16k(20, 2000)).probability).toBeLessThan(0.1);
  });

  it("needs minSpeechMs of speech before starting (a click is not speech)", () => {
    const vad = createEnergyVad({ minSpeechMs: 100 });
    for (let i = 0; i < 25; i++) vad.processSync(silence16k(20, 30));
    expect(vad.processSync(tone(20, 8000)).events).toEqual([]);
    for (let i = 0; i < 25; i++) expect(vad.processSync(silence16k(20, 30)).events).toEqual([]);
  });

});
