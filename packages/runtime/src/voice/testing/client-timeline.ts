import type { PipecatTestClient, ReceivedRtvi } from "../../transport";

export interface TimedRtvi {
  readonly message: ReceivedRtvi;
  /** performance.now() when it arrived. */
  readonly at: number;
}

/** Arrival times of the RTVI messages a test client receives (the client itself keeps none). */
export function recordTimeline(client: PipecatTestClient) {
  const timed: TimedRtvi[] = [];
  let seen = client.messages.length;
  client.socket.on("message", () => {
    const now = performance.now();
    while (seen < client.messages.length) timed.push({ message: client.messages[seen++]!, at: now });
  });
  const matches = (m: ReceivedRtvi, type: string, where?: (data: Record<string, unknown>) => boolean) =>
    m.type === type && (!where || where((m.data ?? {}) as Record<string, unknown>));
  return {
    timed,
    /** Messages of a type (optionally matching their data), in arrival order. */
    all(type: string, where?: (data: Record<string, unknown>) => boolean): TimedRtvi[] {
      return timed.filter((t) => matches(t.message, type, where));
    },
    /** Waits for the first message of a type arriving after `since` (performance.now()). */
    async next(type: string, options: { since?: number; where?: (data: Record<string, unknown>) => boolean; timeoutMs?: number } = {}): Promise<TimedRtvi> {
      const since = options.since ?? -Infinity;
      const deadline = performance.now() + (options.timeoutMs ?? 10_000);
      for (;;) {
        const hit = timed.find((t) => t.at >= since && matches(t.message, type, options.where));
        if (hit) return hit;
        if (performance.now() > deadline) throw new Error(`no ${type} after ${since.toFixed(0)}; got ${timed.map((t) => `${t.message.type}@${t.at.toFixed(0)}`).join(", ")}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

/** Bot audio the client received after `since`, and when the last of it arrived. */
export function botAudioSince(client: PipecatTestClient, since: number): { ms: number; lastAt: number | undefined; firstAt: number | undefined } {
  const chunks = client.audio.filter((a) => a.at >= since);
  return {
    ms: chunks.reduce((n, a) => n + a.pcm.length, 0) / 24,
    firstAt: chunks[0]?.at,
    lastAt: chunks.at(-1)?.at,
  };
}
