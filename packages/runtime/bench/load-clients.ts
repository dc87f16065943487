/**
 * Load generator for runtime-bench (a child process, so its work does not count as the server's):
 * opens N Pipecat clients to argv[2] and sends 20 ms microphone frames (room noise with a burst of
 * speech every few seconds) at real-time cadence until killed. Prints one JSON line per second:
 * {"connected":N,"sent":frames so far}.
 */
import { connectPipecatTestClient, type PipecatTestClient } from "../src/transport";
import { callerSpeech16k, joinAudio, roomNoise16k } from "../src/voice/testing/synthetic-audio";

const url = process.argv[2] ?? "";
const count = Number(process.argv[3] ?? "10");
const clients: PipecatTestClient[] = [];
// 4 s of audio per client: 3 s of room noise, then 1 s of speech-like sound (so VADs do real work).
const loop = joinAudio(roomNoise16k(3000, 5), callerSpeech16k(1000));
const FRAME = 320;
let sent = 0;

async function main() {
  for (let i = 0; i < count; i++) {
    const client = await connectPipecatTestClient(url);
    await client.handshake();
    clients.push(client);
  }
  const t0 = performance.now();
  let frames = 0;
  setInterval(() => {
    const due = Math.floor((performance.now() - t0) / 20);
    while (frames < due) {
      const offset = (frames * FRAME) % loop.length;
      clients.forEach((client, i) => {
        // Clients are staggered through the loop so their speech does not all come at once.
        const at = (offset + i * 1601 * FRAME) % (loop.length - FRAME);
        if (client.socket.readyState === client.socket.OPEN) client.sendAudio(loop.subarray(at, at + FRAME));
        sent++;
      });
      frames++;
    }
  }, 5);
  setInterval(() => process.stdout.write(`${JSON.stringify({ connected: clients.length, sent })}\n`), 1000);
  process.stdout.write(`${JSON.stringify({ connected: clients.length, sent })}\n`);
}

void main();
