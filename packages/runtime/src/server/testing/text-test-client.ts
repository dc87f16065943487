import { WebSocket } from "ws";
import type { TextOutbound } from "../../transport";

/** A client of the runtime's text channel for tests: records every message, waits for matches. */
export interface TextTestClient {
  readonly messages: TextOutbound[];
  say(text: string): void;
  /** Asks the session for its node and variables (a client message answered by the voice agent). */
  state(): Promise<{ nodeId: string; variables: Record<string, unknown> }>;
  /** Resolves with the first message (after `from`) that matches. */
  waitFor<T extends TextOutbound>(match: (message: TextOutbound) => message is T, what: string, options?: { from?: number; timeoutMs?: number }): Promise<T>;
  /** Resolves with what the bot said (after `from`) once it contains `text`. */
  waitForBot(text: string | RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
  /** Resolves with the first server message (after `from`) whose data.type is `type`. */
  waitForServerMessage(type: string, options?: { from?: number; timeoutMs?: number }): Promise<Record<string, unknown>>;
  waitForClose(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function connectTextClient(url: string): Promise<TextTestClient> {
  const socket = new WebSocket(url);
  const messages: TextOutbound[] = [];
  const wakers = new Set<() => void>();
  let closed: { code: number; reason: string } | undefined;
  socket.on("message", (data: Buffer) => {
    messages.push(JSON.parse(data.toString("utf8")) as TextOutbound);
    for (const wake of [...wakers]) wake();
  });
  socket.on("close", (code, reason) => {
    closed = { code, reason: reason.toString() };
    for (const wake of [...wakers]) wake();
  });
  socket.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });

  function until<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found === undefined) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received ${JSON.stringify(messages.filter((m) => m.type !== "rtvi")).slice(-1500)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        wakers.delete(check);
      };
      wakers.add(check);
      check();
    });
  }

  const find = <T extends TextOutbound>(match: (m: TextOutbound) => m is T, from: number) => messages.slice(from).find(match);
  let asked = 0;

  const client: TextTestClient = {
    messages,
    say: (text) => socket.send(JSON.stringify({ type: "user.text", text })),
    async state() {
      const id = `state-${++asked}`;
      socket.send(JSON.stringify({ type: "client.message", id, t: "state" }));
      const answer = await client.waitFor((m): m is Extract<TextOutbound, { type: "server.response" }> => m.type === "server.response" && m.id === id, `the answer to ${id}`);
      return answer.d as { nodeId: string; variables: Record<string, unknown> };
    },
    waitFor: (match, what, options = {}) => until(() => find(match, options.from ?? 0), what, options.timeoutMs ?? 10_000),
    async waitForBot(text, options = {}) {
      // The bot speaks phrase by phrase: match against everything it said since `from`.
      const said = () =>
        messages
          .slice(options.from ?? 0)
          .flatMap((m) => (m.type === "bot.text" && m.final ? [m.text] : []))
          .join(" ");
      const hit = (t: string) => (typeof text === "string" ? t.includes(text) : text.test(t));
      return until(() => (hit(said()) ? said() : undefined), `bot text ${String(text)}`, options.timeoutMs ?? 10_000);
    },
    async waitForServerMessage(type, options = {}) {
      const found = await until(
        () =>
          find(
            (m): m is Extract<TextOutbound, { type: "server.message" }> => m.type === "server.message" && (m.data as { type?: unknown } | null)?.type === type,
            options.from ?? 0,
          ),
        `server message ${type}`,
        options.timeoutMs ?? 10_000,
      );
      return found.data as Record<string, unknown>;
    },
    waitForClose: (timeoutMs = 10_000) => until(() => closed, "the socket to close", timeoutMs),
    close: () => socket.close(),
  };
  return client;
}

/** POST /start: a new session, or `{ token }` to resume one. */
export async function postStart(baseUrl: string, body: unknown = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/start`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The text channel URL for a token from POST /start. */
export const textUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/^http/, "ws")}/text?token=${encodeURIComponent(token)}`;
