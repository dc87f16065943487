import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFlow, FlowSchema } from "@voxchart/flow";
import { checkPrerequisites, launchChromium } from "@voxchart/test-browser";
import { createTransportServer, type TransportServer } from "../src/transport/index";
import { createVoiceAgent, type LiveVoiceSession } from "../src/voice/index";
import { createEnergyVad } from "../src/vad/energy-vad";
import { createPocketsphinxStt } from "../src/stt/pocketsphinx-stt";
import { createEspeakTts } from "../src/tts/espeak-tts";
import { buildPage } from "./build-page";
import { openClientPage } from "./open-client-page";
import { serveStatic } from "./static-server";

/**
 * The real voice pipeline behind the official Pipecat web client in headless Chromium: the
 * browser's (fake) microphone plays an espeak-ng recording of a caller asking for a person; the
 * server runs createVoiceAgent on the restaurant example with the energy VAD, offline
 * pocketsphinx (grammar from what the node expects), espeak-ng TTS, tier 3.
 */
const run = promisify(execFile);
const FLOW = join(dirname(fileURLToPath(import.meta.url)), "../../../examples/restaurant/restaurant.flow.json");
const CALLER = "can I talk to a person";
const prerequisites = checkPrerequisites(["espeak-ng", "sox", "pocketsphinx_continuous"], "apt-get install -y chromium espeak-ng sox pocketsphinx pocketsphinx-en-us");

interface LogEntry {
  event: string;
  at: number;
  data?: Record<string, unknown>;
}

/** The caller: silence while the greeting plays, the request, then silence (Chromium loops the file). */
async function callerWav(dir: string): Promise<string> {
  const raw = join(dir, "caller-raw.wav");
  const out = join(dir, "caller-16k.wav");
  await run("espeak-ng", ["-v", "en-us", "-w", raw, CALLER]);
  // Well below full scale: Chromium's automatic gain control boosts the first words after a
  // silence, and a loud recording then clips (pocketsphinx heard "two").
  await run("sox", [raw, "-r", "16000", "-c", "1", "-b", "16", out, "gain", "-n", "-15", "pad", "7", "6"]);
  return out;
}

describe.skipIf(prerequisites.skip)("the voice pipeline behind the Pipecat web client (headless Chromium, offline speech)", () => {
  let dir: string;
  let server: TransportServer;
  let browser: Browser | undefined;
  let page: Page;
  let closeStatic: (() => Promise<void>) | undefined;
  const sessions: LiveVoiceSession[] = [];
  let consoleLines: string[] = [];

  beforeAll(async () => {
    prerequisites.assert();
    dir = await mkdtemp(join(tmpdir(), "voxchart-voice-e2e-"));
    const [micWav] = await Promise.all([callerWav(dir), buildPage(join(dir, "page"))]);
    const compiled = compileFlow(FlowSchema.parse(JSON.parse(await readFile(FLOW, "utf8"))));
    if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join("; "));
    server = createTransportServer({
      onSession: createVoiceAgent({
        compiled: compiled.compiled,
        tier: 3,
        vad: () => createEnergyVad(),
        stt: createPocketsphinxStt({ partialIntervalMs: 0 }),
        tts: createEspeakTts(),
        onSession: (live) => sessions.push(live),
      }),
    });
    const { url } = await server.listen(0, "127.0.0.1");
    const site = await serveStatic(join(dir, "page"));
    closeStatic = site.close;
    browser = await launchChromium({ fakeMicrophoneWav: micWav, autoplay: true });
    ({ page, consoleLines } = await openClientPage(browser, site.url, url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await closeStatic?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const readLog = () => page.evaluate(() => (window as unknown as { e2e: { log: LogEntry[] } }).e2e.log);

  it("hears the caller, moves the flow, answers in speech, with the RTVI events in order", async () => {
    const isHandoff = (e: LogEntry) => e.event === "serverMessage" && e.data?.["type"] === "node" && e.data["nodeId"] === "handoff";
    await page
      .waitForFunction(
        () => (window as unknown as { e2e: { log: LogEntry[] } }).e2e.log.some((e) => e.event === "serverMessage" && e.data?.["type"] === "node" && e.data["nodeId"] === "handoff"),
        undefined,
        { timeout: 60_000 },
      )
      .catch(async (cause: unknown) => {
        const log = await readLog().catch(() => []);
        throw new Error(`the flow never reached "handoff": ${String(cause)}\nevents: ${log.map((e) => `${e.event}${e.data?.["text"] ? `(${String(e.data["text"])})` : ""}`).join(", ")}\nconsole:\n${consoleLines.slice(-20).join("\n")}`);
      });
    // The turn completes with its metrics once the answer has played.
    await page.waitForFunction(
      () => {
        const log = (window as unknown as { e2e: { log: LogEntry[] } }).e2e.log;
        const handoff = log.findIndex((e) => e.event === "serverMessage" && e.data?.["type"] === "node" && e.data["nodeId"] === "handoff");
        return handoff >= 0 && log.slice(handoff).some((e) => e.event === "metrics");
      },
      undefined,
      { timeout: 30_000 },
    );
    const log = await readLog();
    console.info(`[e2e voice] events: ${log.map((e) => `${e.at}:${e.event}${e.data?.["text"] ? `(${String(e.data["text"])})` : ""}`).join(", ")}`);
    // The caller's turn: the last final transcript before the flow moved (a noise the VAD took for
    // speech, or a misheard loop of the recording, may come before it and is reported, not hidden).
    const handoff = log.findIndex(isHandoff);
    const finalIndex = log.findLastIndex((e, i) => i < handoff && e.event === "userTranscript" && e.data?.["final"] === true);
    const final = log[finalIndex];
    expect(final?.data?.["text"]).toBe("can i talk to a person");
    const earlier = log.filter((e, i) => i < finalIndex && e.event === "userTranscript" && e.data?.["final"] === true);
    if (earlier.length > 0) console.warn(`[e2e voice] earlier final transcripts: ${earlier.map((e) => JSON.stringify(e.data?.["text"])).join(", ")}`);
    const turnStart = log.findLastIndex((e, i) => i < finalIndex && e.event === "userStartedSpeaking");

    // Each expected event, found in this order (other events may come in between).
    const expected: [string, (e: LogEntry) => boolean][] = [
      ["userStartedSpeaking", (e) => e.event === "userStartedSpeaking"],
      ["userStoppedSpeaking", (e) => e.event === "userStoppedSpeaking"],
      ["userTranscript final", (e) => e.event === "userTranscript" && e.data?.["final"] === true],
      ["serverMessage node handoff", isHandoff],
      ["botStartedSpeaking", (e) => e.event === "botStartedSpeaking"],
      ["botOutput", (e) => e.event === "botOutput"],
      ["botStoppedSpeaking", (e) => e.event === "botStoppedSpeaking"],
      ["metrics", (e) => e.event === "metrics"],
    ];
    expect(log.findIndex((e) => e.event === "botReady")).toBeLessThan(turnStart);
    let from = turnStart;
    for (const [name, matches] of expected) {
      const index = log.findIndex((e, i) => i >= from && matches(e));
      expect(index, `${name} after event #${from}; events: ${log.map((e) => e.event).join(", ")}`).toBeGreaterThanOrEqual(0);
      from = index + 1;
    }
    const afterHandoff = log.slice(log.findIndex(isHandoff));
    expect(afterHandoff.find((e) => e.event === "botOutput")?.data?.["text"]).toBe("Connecting you to the front desk.");
    const metrics = afterHandoff.find((e) => e.event === "metrics")?.data as { processing?: { processor: string; value: number }[] };
    expect(metrics.processing?.map((p) => p.processor)).toEqual(expect.arrayContaining(["vad", "stt", "voice-to-voice"]));

    // Bot audio came back and played: the greeting and "Connecting you to the front desk." (~2 s).
    const botAudioBytes = await page.evaluate(() => (window as unknown as { e2e: { botAudioBytes(): number } }).e2e.botAudioBytes());
    expect(botAudioBytes).toBeGreaterThan(24_000 * 2 * 3);
    const turn = sessions[0]?.turns.at(-1);
    console.info(`[e2e voice] heard "${String(final?.data?.["text"])}"; turn timings ${JSON.stringify(turn)}; ${botAudioBytes} bytes of bot audio`);
    // The transfer hangs up once the message has played.
    await page.waitForFunction(() => (window as unknown as { e2e: { log: LogEntry[] } }).e2e.log.some((e) => e.event === "disconnected"), undefined, { timeout: 15_000 });
  });
});

if (prerequisites.skip) {
  describe("voice pipeline e2e", () => {
    it.skip(prerequisites.skipReason, () => {});
  });
}
