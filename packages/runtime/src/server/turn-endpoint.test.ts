import { afterEach, describe, expect, it } from "vitest";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeWav, TurnResponseSchema } from "../transport";
import { paddedSpeech16k } from "../audio/testing/speech-fixtures";
import { skipWithout } from "../audio/testing/programs";
import { createSqliteTestDatabase } from "../store/testing/test-databases";
import { createRuntimeServer } from "./create-runtime-server";
import { postStart } from "./testing/text-test-client";

const here = dirname(fileURLToPath(import.meta.url));
const RESTAURANT = resolve(here, "../../../../examples/restaurant/restaurant.flow.json");
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function postTurn(url: string, wav: Uint8Array) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "audio/wav" }, body: wav });
  return { status: response.status, body: TurnResponseSchema.parse(await response.json()) };
}

describe.skipIf(skipWithout("espeak-ng", "pocketsphinx_continuous"))("POST /turn (tier 1 over HTTP)", () => {
  it("transcribes a whole utterance, answers with text and audio, and keeps the session by its token", async () => {
    const database = await createSqliteTestDatabase();
    cleanups.push(() => database.dispose());
    const server = await createRuntimeServer({ flow: RESTAURANT, tier: 1, port: 0, database: database.url, log: () => undefined });
    cleanups.push(() => server.close());
    const { json } = await postStart(server.url);
    const token = String(json.token);

    const speech = await paddedSpeech16k("can I talk to a person");
    const first = await postTurn(`${server.url}/turn?token=${encodeURIComponent(token)}`, encodeWav(speech.samples, speech.sampleRate));
    expect(first.status).toBe(200);
    expect(first.body.transcript).toBe("can i talk to a person");
    expect(first.body.reply.length).toBeGreaterThan(10);
    // A whole WAV file of the spoken answer.
    expect(Buffer.from(first.body.audioBase64, "base64").subarray(0, 4).toString()).toBe("RIFF");

    // The turn was saved: the session's snapshot is at the node the utterance led to.
    const snapshot = await server.store.load(token);
    expect(snapshot?.transcript.map((t) => t.role)).toContain("user");
    expect(snapshot?.transcript.find((t) => t.role === "user")?.text).toBe("can i talk to a person");
  }, 60_000);

  it("answers a body that is not a WAV file with a clear 4xx", async () => {
    const server = await createRuntimeServer({ flow: RESTAURANT, tier: 1, port: 0, database: "memory", log: () => undefined });
    cleanups.push(() => server.close());
    const response = await fetch(`${server.url}/turn`, { method: "POST", body: "not audio" });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
