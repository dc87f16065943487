import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { RuntimeServer } from "./create-runtime-server";
import { parseDuration, parseServeArgs, runServe, type ServeIo } from "./serve-command";

const here = dirname(fileURLToPath(import.meta.url));
const EXAMPLES = resolve(here, "../../../../examples");

function captureIo(extra: Partial<ServeIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ServeIo = { out: (line) => out.push(line), err: (line) => err.push(line), env: {}, cwd: EXAMPLES, ...extra };
  return { io, out, err };
}

describe("voxchart serve", () => {
  it("prints its usage with --help", async () => {
    const { io, out } = captureIo();
    expect(await runServe(["--help"], io)).toBe(0);
    expect(out.join("\n")).toMatch(/^Usage: voxchart serve <flow.json> \[options\]/);
    for (const flag of ["--port", "--tier", "--vad", "--stt", "--tts", "--llm", "--db", "--max-session"]) expect(out.join("\n")).toContain(flag);
  });

  it.each([
    [[], /name the flow file/],
    [["a.json", "b.json"], /one flow file; got 2/],
    [["a.json", "--tier", "5"], /--tier takes a whole number from 1 to 4/],
    [["a.json", "--vad", "webrtc"], /--vad takes one of energy, silero/],
    [["a.json", "--max-session", "soon"], /--max-session takes a duration/],
    [["a.json", "--bogus"], /Unknown option '--bogus'/],
  ])("refuses %j with exit 2 and says why", async (argv, message) => {
    const { io, err } = captureIo();
    expect(await runServe(argv, io)).toBe(2);
    expect(err.join("\n")).toMatch(message);
    expect(err.join("\n")).toContain("voxchart serve --help");
  });

  it("reads durations as ms, s, m or h", () => {
    expect([parseDuration("500", "--x"), parseDuration("90s", "--x"), parseDuration("15m", "--x"), parseDuration("1h", "--x"), parseDuration("1.5s", "--x")]).toEqual([500, 90_000, 900_000, 3_600_000, 1500]);
  });

  it("maps every flag onto the server configuration", () => {
    const parsed = parseServeArgs(
      ["f.json", "-p", "8080", "--host", "0.0.0.0", "-t", "4", "--vad", "silero", "--stt", "openai", "--tts", "openai", "--llm", "openai", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--db", "postgres://x@y/z", "--max-session", "10m", "--resume-window", "2m"],
      { VOXCHART_ADMIN_TOKEN: "from-the-environment" },
    );
    expect(parsed).toMatchObject({
      help: false,
      config: {
        flow: "f.json",
        port: 8080,
        host: "0.0.0.0",
        tier: 4,
        vad: "silero",
        stt: "openai",
        tts: "openai",
        llm: "openai",
        openai: { model: "m", baseURL: "http://127.0.0.1:9/v1" },
        database: "postgres://x@y/z",
        maxSessionMs: 600_000,
        resumeWindowMs: 120_000,
        adminToken: "from-the-environment",
      },
    });
  });

  it("exits 1 naming the problem when the flow cannot be served", async () => {
    const { io, err } = captureIo();
    expect(await runServe(["missing.flow.json", "--db", "memory", "--port", "0"], io)).toBe(1);
    expect(err.join("\n")).toMatch(/cannot read the flow file missing\.flow\.json/);
  });

  it("serves a flow with its tools module until stopped, then closes cleanly", async () => {
    const stop = new AbortController();
    let server: RuntimeServer | undefined;
    const { io, out } = captureIo({ signal: stop.signal, onListening: (s) => (server = s) });
    const running = runServe(["restaurant/restaurant.flow.json", "--tools", "restaurant/restaurant.tools.ts", "--db", "memory", "--port", "0", "-t", "2", "--max-session", "2m"], io);
    for (let i = 0; i < 400 && !server; i++) await new Promise((r) => setTimeout(r, 25));
    expect(server?.config).toMatchObject({ tier: 2, maxSessionMs: 120_000 });
    expect(Object.keys(server?.config.tools ?? {})).toEqual(expect.arrayContaining(["check_availability", "book_table"]));
    const started = await fetch(`${server!.url}/start`, { method: "POST", body: "{}" });
    expect(started.status).toBe(200);
    stop.abort();
    expect(await running).toBe(0);
    expect(out.join("\n")).toMatch(/runtime listening on http:\/\/127\.0\.0\.1:\d+ flow=restaurant/);
    expect(out.join("\n")).toContain("runtime shutting down");
  });
});
