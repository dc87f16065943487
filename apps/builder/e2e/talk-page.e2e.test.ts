import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkPrerequisites, launchChromium } from "@voxchart/test-browser";
import { APP_DIR, freePort, startServer, type RunningServer } from "./support/start-server";

/**
 * The whole product in one call: the builder deploys the restaurant example to a running
 * `voxchart serve` (offline speech: energy VAD, pocketsphinx, espeak-ng), then its talk page
 * calls the runtime through the official Pipecat client with Chromium's fake microphone playing
 * an espeak-ng caller. The page must show the greeting, the caller's words, the active node
 * moving on the read-only canvas, and a latency row for the turn.
 */
const run = promisify(execFile);
const REPO = path.resolve(APP_DIR, "../..");
const SHOTS = path.join(APP_DIR, "test-results");
const CALLER = "can I talk to a person";
const prerequisites = checkPrerequisites(["espeak-ng", "sox", "pocketsphinx_continuous"], "apt-get install -y chromium espeak-ng sox pocketsphinx pocketsphinx-en-us");

/** Silence while the greeting plays, the request, then silence (Chromium loops the file). */
async function callerWav(dir: string): Promise<string> {
  const raw = path.join(dir, "caller-raw.wav");
  const out = path.join(dir, "caller-16k.wav");
  await run("espeak-ng", ["-v", "en-us", "-w", raw, CALLER]);
  // Quiet enough that Chromium's automatic gain control does not make it clip.
  await run("sox", [raw, "-r", "16000", "-c", "1", "-b", "16", out, "gain", "-n", "-15", "pad", "7", "8"]);
  return out;
}

/** `voxchart serve` on a free port with an in-memory session store, as a user would start it. */
async function startRuntime(): Promise<{ url: string; process: ChildProcess; log: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(REPO, "packages/cli/bin/voxchart.js"), "serve", "examples/restaurant/restaurant.flow.json", "--port", String(port), "--db", "memory", "--tier", "3"], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`voxchart serve exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`voxchart serve did not answer /health within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, process: child, log: () => output.slice(-4000) };
}

describe.skipIf(prerequisites.skip)("the talk page calls a deployed flow (builder + runtime + Chromium, offline speech)", () => {
  let builder: RunningServer;
  let runtime: Awaited<ReturnType<typeof startRuntime>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    prerequisites.assert();
    mkdirSync(SHOTS, { recursive: true });
    const dir = mkdtempSync(path.join(tmpdir(), "vx-talk-e2e-"));
    const [wav, started, runtimeStarted] = await Promise.all([callerWav(dir), startServer(), startRuntime()]);
    builder = started;
    runtime = runtimeStarted;
    browser = await launchChromium({ fakeMicrophoneWav: wav, autoplay: true });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ["microphone"] });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await builder?.stop();
    runtime?.process.kill("SIGTERM");
  });

  it("deploys from the builder, then a caller reaches a person through the talk page", async () => {
    const { flows } = (await (await fetch(`${builder.url}/api/flows`)).json()) as { flows: { id: string; name: string }[] };
    const restaurant = flows.find((f) => /trattoria|restaurant/i.test(f.name));
    if (!restaurant) throw new Error(`no restaurant example among ${flows.map((f) => f.name).join(", ")}`);

    // Deploy from the Versions tab, as a user would.
    await page.goto(`${builder.url}/flows/${restaurant.id}`, { waitUntil: "load" });
    await page.locator(".react-flow__node").first().waitFor({ timeout: 120_000 });
    await page.click("[data-testid=tab-versions]");
    await page.fill("#runtime-url", runtime.url);
    await page.click("[data-testid=deploy]");
    await page.locator("[data-testid=deploy-result]").waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-testid=deploy-result]").innerText()).toMatch(/is live on http:\/\/127\.0\.0\.1:\d+/);

    // The talk page, pointed at that runtime.
    await page.click("[data-testid=open-talk]");
    await page.waitForURL(/\/talk\//, { timeout: 30_000 });
    await page.locator("[data-testid=talk-connect]").click();
    await page.locator("[data-testid=talk-status][data-status=connected]").waitFor({ timeout: 30_000 });

    const transcript = page.locator("[data-testid=talk-transcript]");
    await transcript.getByText(/Welcome to Trattoria Roma/).first().waitFor({ timeout: 30_000 });
    // The caller's request, as pocketsphinx heard it, then the handoff on the canvas.
    await page.locator("[data-testid=talk-user]").first().waitFor({ timeout: 45_000 });
    await page.locator('[data-testid=talk-canvas][data-active-node="handoff"]').waitFor({ timeout: 45_000 });
    await transcript.getByText(/transferred/i).first().waitFor({ timeout: 30_000 });
    await page.locator("[data-testid=waterfall-turn]").first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, "21-talk-e2e.png") });

    // Chromium loops the caller's file, and offline recognition sometimes mishears the first
    // pass ("two"); the request that reached the handoff is among the lines.
    const heard = (await page.locator("[data-testid=talk-user]").allInnerTexts()).map((l) => l.toLowerCase());
    expect(heard.some((l) => l.includes("person")), `heard: ${JSON.stringify(heard)}`).toBe(true);
    // The transcript reads as the call went: the handoff message, then the transfer.
    const lines = await transcript.locator("[data-testid^=talk-]").allInnerTexts();
    const handoff = lines.findIndex((l) => l.includes("Connecting you to the front desk"));
    expect(handoff).toBeGreaterThan(0);
    expect(lines.findIndex((l) => /transferred/i.test(l))).toBeGreaterThan(handoff);
    expect(pageErrors).toEqual([]);
  });
});
