import { afterEach, describe, expect, it } from "vitest";
import { createEnergyVad } from "../vad/energy-vad";
import { createScriptedStt } from "./testing/scripted-stt";
import { createToneTts } from "./testing/tone-tts";
import { createScriptedGeneration } from "./testing/scripted-generation";
import { callerSpeech16k } from "./testing/synthetic-audio";
import { startMicrophone, type Microphone, type MicrophoneOptions } from "./testing/microphone";
import { botAudioSince, recordTimeline } from "./testing/client-timeline";
import { CHAT_FLOW, compile, startVoiceRig, type VoiceRig } from "./testing/voice-rig";
import type { Tier } from "./tiers";
import type { GenerationPort } from "@voxchart/engine";
import type { SttPort } from "../stt/stt-port";
import type { TtsPort } from "../tts/tts-port";
import type { PipecatTestClient } from "../transport";

/**
 * The four tiers over a real Pipecat WebSocket (transport server + Node test client), with stub
 * providers of fixed latency, the energy VAD and a synthetic caller streamed in real time.
 */
const ANSWER = "Tomorrow will be sunny, with a light breeze from the west. Expect a high of twenty degrees and a clear evening.";
const LONG_ANSWER = `${ANSWER} In the afternoon some clouds may pass over the hills, but there will be no rain at all until Sunday.`;

let rig: VoiceRig | undefined;
let mic: Microphone | undefined;
afterEach(async () => {
  mic?.stop();
  mic = undefined;
  await rig?.close();
  rig = undefined;
});

async function setup(tier: Tier, providers: { stt: SttPort; tts: TtsPort; generation: GenerationPort }, micOptions: MicrophoneOptions = {}) {
  rig = await startVoiceRig({ compiled: compile(CHAT_FLOW), tier, vad: () => createEnergyVad(), ...providers });
  const client = await rig.connect();
  const timeline = recordTimeline(client);
  mic = startMicrophone(client, micOptions);
  // The greeting ("Hi.") plays first; the caller speaks after it.
  await timeline.next("bot-stopped-speaking", { timeoutMs: 15_000 });
  return { client, timeline, mic, live: () => rig!.sessions[0]! };
}

/** Asks a question and waits until the bot's answer has started arriving. */
async function ask(client: PipecatTestClient, timeline: ReturnType<typeof recordTimeline>, m: Microphone, speechMs = 1000) {
  const since = performance.now();
  await m.say(callerSpeech16k(speechMs));
  const final = await timeline.next("user-transcription", { since, where: (d) => d.final === true, timeoutMs: 10_000 });
  const started = await timeline.next("bot-started-speaking", { since: final.at, timeoutMs: 10_000 });
  void client;
  return { since, final, started };
}

describe("tier 1 (sequential)", () => {
  it("transcribes the whole utterance once it is over, and speaks only after the whole reply is written", async () => {
    const stt = createScriptedStt({ transcripts: ["what will the weather be tomorrow"], finalMs: 150 });
    const llm = createScriptedGeneration({ firstTokenMs: 100, perTokenMs: 60, replies: ANSWER });
    const { client, timeline, mic: m, live } = await setup(1, { stt, tts: createToneTts({ firstByteMs: 100 }), generation: llm });
    const { since, final, started } = await ask(client, timeline, m);
    expect(stt.calls.streams).toBe(0);
    expect(stt.calls.transcribe).toBe(1);
    expect(timeline.all("user-transcription", (d) => d.final === false)).toHaveLength(0);
    expect(live().inputs["user.partial"] ?? 0).toBe(0);
    const stopped = await timeline.next("user-stopped-speaking", { since });
    expect(final.at).toBeGreaterThanOrEqual(stopped.at);
    const firstAudio = botAudioSince(client, final.at).firstAt!;
    expect(llm.calls[0]?.finishedAt).toBeDefined();
    expect(firstAudio).toBeGreaterThan(llm.calls[0]!.finishedAt!);
    // The whole reply, spoken phrase by phrase after it was complete.
    await timeline.next("bot-stopped-speaking", { since: started.at, timeoutMs: 20_000 });
    const outputs = timeline.all("bot-output").filter((t) => t.at >= final.at).map((t) => (t.message.data as { text: string }).text);
    expect(outputs.join(" ")).toBe(ANSWER);
  }, 60_000);
});

describe("tier 2 (streaming with VAD)", () => {
  it("sends partial transcripts to the client and the engine while the caller speaks", async () => {
    const stt = createScriptedStt({ transcripts: ["what will the weather be like tomorrow morning"], finalMs: 150, partialEveryMs: 150 });
    const llm = createScriptedGeneration({ firstTokenMs: 100, perTokenMs: 30, replies: ANSWER });
    const { client, timeline, mic: m, live } = await setup(2, { stt, tts: createToneTts({ firstByteMs: 100 }), generation: llm });
    const { since, final } = await ask(client, timeline, m, 1200);
    const partials = timeline.all("user-transcription", (d) => d.final === false).filter((t) => t.at >= since);
    expect(partials.length).toBeGreaterThanOrEqual(2);
    expect(partials.every((p) => p.at < final.at)).toBe(true);
    expect((partials[0]!.message.data as { text: string }).text).toBe("what");
    expect(live().inputs["user.partial"]).toBe(partials.length);
    expect(stt.calls.streams).toBeGreaterThanOrEqual(1);
    expect(stt.calls.transcribe).toBe(0);
  }, 60_000);
});

describe("tier 3 (LLM tokens streamed into TTS, barge-in, fillers)", () => {
  it("sends the first audio before the streaming model has finished", async () => {
    const llm = createScriptedGeneration({ firstTokenMs: 100, perTokenMs: 120, replies: ANSWER });
    const { client, timeline, mic: m, live } = await setup(3, { stt: createScriptedStt({ transcripts: ["what will the weather be tomorrow"], finalMs: 100 }), tts: createToneTts({ firstByteMs: 100 }), generation: llm });
    const { final, started } = await ask(client, timeline, m);
    const firstAudio = botAudioSince(client, final.at).firstAt!;
    const stopped = await timeline.next("bot-stopped-speaking", { since: started.at, timeoutMs: 20_000 });
    // The turn's timings reach the client after the answer has played.
    const metrics = await timeline.next("metrics", { since: final.at, timeoutMs: 5_000 });
    expect(metrics.at).toBeGreaterThanOrEqual(stopped.at);
    const turn = live().turns.at(-1)!;
    expect(turn.sttMs).toBe(100);
    expect(turn.voiceToVoiceMs).toBeGreaterThan(100 + 100 + 100);
    expect(turn.voiceToVoiceMs).toBeLessThan(5_000);
    const call = llm.calls[0]!;
    expect(call.finishedAt).toBeDefined();
    expect(firstAudio).toBeLessThan(call.finishedAt!);
    console.info(`[tier 3] first audio ${(firstAudio - final.at).toFixed(0)} ms after the final transcript; the model finished ${(call.finishedAt! - final.at).toFixed(0)} ms after it`);
  }, 60_000);

  it("stops the bot's audio within 150 ms of the caller's speech start (barge-in)", async () => {
    const llm = createScriptedGeneration({ firstTokenMs: 100, perTokenMs: 20, replies: [LONG_ANSWER, "Friday looks fine."] });
    const { client, timeline, mic: m } = await setup(3, { stt: createScriptedStt({ transcripts: ["what will the weather be tomorrow", "and on friday"], finalMs: 100 }), tts: createToneTts({ firstByteMs: 100 }), generation: llm });
    const { started } = await ask(client, timeline, m);
    // The first phrase ("Tomorrow will be sunny,", 1.4 s) has played; the second (2 s) is playing.
    await new Promise((r) => setTimeout(r, 2500));
    const cutAt = performance.now();
    void m.say(callerSpeech16k(900));
    const vadStart = await timeline.next("user-started-speaking", { since: cutAt });
    const botStopped = await timeline.next("bot-stopped-speaking", { since: started.at });
    // The next answer cannot start before the caller's new words are transcribed.
    const heardAgain = await timeline.next("user-transcription", { since: vadStart.at, where: (d) => d.final === true, timeoutMs: 15_000 });
    const cutAudio = client.audio.filter((a) => a.at >= started.at && a.at < heardAgain.at);
    const lastAt = cutAudio.at(-1)!.at;
    const onset = m.spokenAt.at(-1)!;
    const fromVad = lastAt - vadStart.at;
    console.info(`[tier 3] barge-in: last bot audio ${fromVad.toFixed(0)} ms after the VAD's speech start, ${(lastAt - onset).toFixed(0)} ms after the caller's first sound; bot-stopped-speaking ${(botStopped.at - vadStart.at).toFixed(0)} ms after it`);
    expect(fromVad, timeline.timed.map((t) => `${t.message.type}@${t.at.toFixed(0)}`).join(" ") + " AUDIO " + cutAudio.filter((a) => a.at >= vadStart.at - 100).map((a) => `${a.at.toFixed(0)}:${a.pcm.length}`).join(" ")).toBeLessThanOrEqual(150);
    // Most of the long answer was never sent.
    expect(cutAudio.reduce((n, a) => n + a.pcm.length, 0) / 24).toBeLessThan(LONG_ANSWER.length * 60 * 0.6);
    // The model's next request holds only what the caller heard of the cut answer: the first
    // phrase and the words of the second that played whole (~1.1 s of its 2 s), not the rest.
    await expect.poll(() => llm.calls.length, { timeout: 10_000 }).toBe(2);
    const messages = llm.calls[1]!.request.messages;
    const heard = messages.at(-2)!;
    expect(heard.role).toBe("assistant");
    expect(heard.content).toMatch(/^Tomorrow will be sunny, with \w+/);
    expect(LONG_ANSWER.startsWith(heard.content)).toBe(true);
    expect(LONG_ANSWER.slice(heard.content.length)).toMatch(/^ /); // cut at a word boundary
    expect(heard.content.length).toBeLessThan(ANSWER.length);
    expect(messages.at(-1)).toEqual({ role: "user", content: "and on friday" });
  }, 60_000);

  it("covers a slow model (2 s) with a spoken filler", async () => {
    const llm = createScriptedGeneration({ firstTokenMs: 2000, perTokenMs: 20, replies: "Sunny, all day." });
    const { client, timeline, mic: m, live } = await setup(3, { stt: createScriptedStt({ transcripts: ["what will the weather be tomorrow"], finalMs: 100 }), tts: createToneTts({ firstByteMs: 150 }), generation: llm });
    const { final, started } = await ask(client, timeline, m);
    const filler = await timeline.next("bot-output", { since: final.at });
    expect(["One moment.", "Let me see."]).toContain((filler.message.data as { text: string }).text);
    const firstAudio = botAudioSince(client, final.at).firstAt!;
    const answer = await timeline.next("bot-output", { since: filler.at, where: (d) => d.text !== (filler.message.data as { text: string }).text, timeoutMs: 10_000 });
    // The filler was heard before the model said anything, and the answer followed it.
    expect(firstAudio).toBeLessThan(llm.calls[0]!.firstTokenAt!);
    expect(started.at).toBeLessThan(llm.calls[0]!.firstTokenAt!);
    expect(answer.at).toBeGreaterThan(llm.calls[0]!.firstTokenAt!);
    console.info(`[tier 3] filler audio ${(firstAudio - final.at).toFixed(0)} ms after the final transcript (model's first token at ${(llm.calls[0]!.firstTokenAt! - final.at).toFixed(0)} ms)`);
    await timeline.next("metrics", { since: final.at, timeoutMs: 15_000 });
    expect(live().turns.at(-1)?.filler).toBe((filler.message.data as { text: string }).text);
  }, 60_000);
});

describe("tier 4 (full duplex with echo suppression)", () => {
  const echo = { delayMs: 100, gain: 0.3 };

  it("does not take the bot's own echo for a barge-in", async () => {
    const llm = createScriptedGeneration({ firstTokenMs: 100, perTokenMs: 20, replies: ANSWER });
    const { client, timeline, mic: m, live } = await setup(4, { stt: createScriptedStt({ transcripts: ["what will the weather be tomorrow"], finalMs: 100 }), tts: createToneTts({ firstByteMs: 100 }), generation: llm }, { echo });
    const { final, started } = await ask(client, timeline, m);
    const stopped = await timeline.next("bot-stopped-speaking", { since: started.at, timeoutMs: 30_000 });
    expect(timeline.all("user-started-speaking").filter((t) => t.at > final.at)).toHaveLength(0);
    const heard = botAudioSince(client, started.at).ms;
    expect(heard).toBeGreaterThan(ANSWER.length * 60 * 0.95);
    expect(live().echoFrames).toBeGreaterThan(50);
    expect(live().echoPath).not.toBeNull();
    console.info(`[tier 4] ${heard.toFixed(0)} ms of answer played under its own echo without a barge-in; ${live().echoFrames} echo frames; learnt path ${JSON.stringify(live().echoPath)}; answer took ${(stopped.at - started.at).toFixed(0)} ms`);
  }, 60_000);

  it("still stops for real caller speech over the echo", async () => {
    const llm = createScriptedGeneration({ firstTokenMs: 100, perTokenMs: 20, replies: [LONG_ANSWER, "Friday looks fine."] });
    const { client, timeline, mic: m } = await setup(4, { stt: createScriptedStt({ transcripts: ["what will the weather be tomorrow", "and on friday"], finalMs: 100 }), tts: createToneTts({ firstByteMs: 100 }), generation: llm }, { echo });
    const { final, started } = await ask(client, timeline, m);
    await new Promise((r) => setTimeout(r, 1500));
    expect(timeline.all("user-started-speaking").filter((t) => t.at > final.at)).toHaveLength(0);
    const cutAt = performance.now();
    void m.say(callerSpeech16k(900));
    const vadStart = await timeline.next("user-started-speaking", { since: cutAt });
    const heardAgain = await timeline.next("user-transcription", { since: vadStart.at, where: (d) => d.final === true, timeoutMs: 15_000 });
    const lastAt = client.audio.filter((a) => a.at >= started.at && a.at < heardAgain.at).at(-1)!.at;
    console.info(`[tier 4] barge-in over echo: VAD speech start ${(vadStart.at - m.spokenAt.at(-1)!).toFixed(0)} ms after the caller's first sound, last bot audio ${(lastAt - vadStart.at).toFixed(0)} ms after it`);
    expect(lastAt - vadStart.at).toBeLessThanOrEqual(150);
    await expect.poll(() => llm.calls.length, { timeout: 10_000 }).toBe(2);
    expect(llm.calls[1]!.request.messages.at(-1)).toEqual({ role: "user", content: "and on friday" });
  }, 60_000);
});
