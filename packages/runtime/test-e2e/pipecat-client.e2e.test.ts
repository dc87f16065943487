import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPrerequisites, launchChromium } from "@voxchart/test-browser";
import { createTransportServer, type TransportServer } from "../src/transport/index";
import { buildPage } from "./build-page";
import { createEchoHandler, tone } from "./echo-handler";
import { makeSpeechWav } from "./speech-fixture";
import { openClientPage } from "./open-client-page";
import { serveStatic } from "./static-server";

const prerequisites = checkPrerequisites(["espeak-ng", "sox"], "apt-get install -y chromium espeak-ng sox");

interface LogEntry {
  event: string;
  at: number;
  data?: unknown;
}

const REPLY_SECONDS = 0.8;

describe.skipIf(prerequisites.skip)("Pipecat web client against the Voxchart transport (headless Chromium)", () => {
  let dir: string;
  let transport: TransportServer;
  let page: Page;
  let browser: Browser | undefined;
  let closeStatic: (() => Promise<void>) | undefined;
  const echo = createEchoHandler({ replyAudio: tone(REPLY_SECONDS) });
  let consoleLines: string[] = [];

  beforeAll(async () => {
    prerequisites.assert();
    dir = await mkdtemp(join(tmpdir(), "voxchart-e2e-"));
    const [micWav] = await Promise.all([makeSpeechWav(dir), buildPage(join(dir, "page"))]);
    transport = createTransportServer({ onSession: echo.handler });
    const { url: transportUrl } = await transport.listen(0, "127.0.0.1");
    const site = await serveStatic(join(dir, "page"));
    closeStatic = site.close;
    browser = await launchChromium({ fakeMicrophoneWav: micWav, autoplay: true });
    ({ page, consoleLines } = await openClientPage(browser, site.url, transportUrl));
  });

  afterAll(async () => {
    await browser?.close();
    await transport?.close();
    await closeStatic?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const readLog = () => page.evaluate(() => (window as unknown as { e2e: { log: LogEntry[] } }).e2e.log);
  const failWithContext = (what: string) => (cause: unknown) => {
    throw new Error(`${what}: ${cause instanceof Error ? cause.message : String(cause)}\npage console:\n${consoleLines.slice(-30).join("\n")}`);
  };

  it("connects: startBotAndConnect() resolves on bot-ready (RTVI 2.1.0)", async () => {
    await page
      .waitForFunction(() => {
        const e2e = (window as unknown as { e2e?: { connectResolved: boolean; failure?: string } }).e2e;
        if (e2e?.failure) throw new Error(e2e.failure);
        return e2e?.connectResolved === true;
      }, undefined, { timeout: 20_000 })
      .catch(failWithContext("connect() did not resolve"));
    const log = await readLog();
    const botReady = log.find((e) => e.event === "botReady");
    expect(botReady?.data).toMatchObject({ version: "2.1.0" });
    expect(log.findIndex((e) => e.event === "connectResolved")).toBeGreaterThan(log.indexOf(botReady!));
    // POST /start handed out a token, which the client appended to the WebSocket URL.
    expect(echo.stats().token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("streams the fake microphone to the server as 16 kHz audio frames", async () => {
    await expect.poll(() => echo.stats().audioBytes, { timeout: 20_000 }).toBeGreaterThan(16_000 * 2 * 1.5);
    const stats = echo.stats();
    expect([...stats.sampleRates]).toEqual([16000]);
    // client-js sends ~512-byte chunks (~16 ms at 16 kHz).
    expect(stats.audioBytes / stats.audioFrames).toBeLessThanOrEqual(1024);
  });

  it("receives the RTVI events in order and plays the bot's audio", async () => {
    await page
      .waitForFunction(() => (window as unknown as { e2e: { log: LogEntry[] } }).e2e.log.some((e) => e.event === "metrics"), undefined, { timeout: 20_000 })
      .catch(failWithContext("the scripted turn did not complete"));
    const log = await readLog();
    const order = ["botReady", "userStartedSpeaking", "userStoppedSpeaking", "userTranscript", "serverMessage", "botStartedSpeaking", "botOutput", "botStoppedSpeaking", "metrics"];
    const positions = order.map((event) => log.findIndex((e) => e.event === event));
    expect(positions.every((p) => p >= 0), `events seen: ${log.map((e) => e.event).join(", ")}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(log.find((e) => e.event === "serverMessage")?.data).toMatchObject({ receivedBytes: expect.any(Number), sampleRates: [16000] });
    expect(log.find((e) => e.event === "userTranscript")?.data).toMatchObject({ final: true });
    expect(log.find((e) => e.event === "botOutput")?.data).toMatchObject({ text: "A table for four, noted." });

    const botAudioBytes = await page.evaluate(() => (window as unknown as { e2e: { botAudioBytes(): number } }).e2e.botAudioBytes());
    expect(botAudioBytes).toBe(REPLY_SECONDS * 24_000 * 2);
    // The player's worklet counts what it rendered; it runs behind our send clock by the lead
    // plus the AudioContext's own latency, so wait for it rather than read it once.
    const played = () => page.evaluate(() => (window as unknown as { e2e: { playedSamples(): number } }).e2e.playedSamples());
    await expect.poll(played, { timeout: 5_000 }).toBeGreaterThan(REPLY_SECONDS * 24_000 * 0.5); // underruns on a loaded box lose a little to the polling
    const firstPlayedAt = await page.evaluate(() => (window as unknown as { e2e: { firstPlayedAt(): number | undefined } }).e2e.firstPlayedAt());
    // More than one stream means the player ran dry mid-utterance (audible gap): reported, not failed.
    const playerStreams = await page.evaluate(() => (window as unknown as { e2e: { playerStreams(): number } }).e2e.playerStreams());
    // Did bot audio ever arrive later than the client's queue (fed at 24 kHz) ran dry?
    const arrivals = await page.evaluate(() => (window as unknown as { e2e: { arrivals(): [number, number][] } }).e2e.arrivals());
    let queueEnd = 0;
    let worstSlackMs = Infinity;
    for (const [index, [arrivedAt, samples]] of arrivals.entries()) {
      // The opening burst (lead + one chunk) arrives at once; measure the paced chunks after it.
      if (index >= 6) worstSlackMs = Math.min(worstSlackMs, queueEnd - arrivedAt);
      queueEnd = Math.max(queueEnd, arrivedAt) + samples / 24;
    }
    // Paced in real time: the turn's audio spans about its own duration at the client.
    const at = (event: string) => log.find((e) => e.event === event)!.at;
    expect(at("botStoppedSpeaking") - at("botStartedSpeaking")).toBeGreaterThan(REPLY_SECONDS * 1000 - 200);
    console.info(
      `[e2e] connect ${at("connectResolved") - at("connected")} ms after socket open; bot audio ${botAudioBytes} bytes, ${await played()} samples played, ` +
        `audible ${firstPlayedAt! - at("botStartedSpeaking")} ms after bot-started-speaking, ${playerStreams - 1} player underrun(s), least queued audio at a paced chunk's arrival ${worstSlackMs.toFixed(0)} ms; ` +
        `${echo.stats().audioFrames} mic frames / ${echo.stats().audioBytes} bytes received`,
    );
  });

  it("ends the server session when the client disconnects", async () => {
    await page.evaluate(() => (window as unknown as { e2e: { disconnect(): Promise<void> } }).e2e.disconnect());
    await expect.poll(() => echo.stats().disconnect, { timeout: 5_000 }).toBe("client-gone");
  });
});

if (prerequisites.skip) {
  describe("Pipecat web client e2e", () => {
    it.skip(prerequisites.skipReason, () => {});
  });
}
