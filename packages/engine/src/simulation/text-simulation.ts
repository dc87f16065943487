import type { CompiledFlow, JsonValue } from "@voxchart/flow";
import type { VirtualClock } from "../clock/virtual-clock";
import { createVirtualClock } from "../clock/virtual-clock";
import { createSession } from "../session/create-session";
import type { Session, SessionOptions } from "../session/create-session";
import type { SessionOutput, TurnMetrics } from "../session/events";
import type { VoiceTrouble } from "./voice-trouble";
import { corruptTranscript, splitUtterance, VoiceTroubleSchema } from "./voice-trouble";

/** What one simulated step produced. */
export interface SimulatedStep {
  user: string | null;
  /** The assistant's turns, each the text of one response. */
  bot: string[];
  fillers: string[];
  nodeId: string;
  variables: Readonly<Record<string, JsonValue>>;
  metrics: TurnMetrics[];
  outputs: SessionOutput[];
  ended: boolean;
  outcome: string | null;
  transfer: string | null;
}

export interface TextSimulation {
  readonly session: Session;
  readonly clock: VirtualClock;
  start(): Promise<SimulatedStep>;
  /**
   * The user says `text` once the assistant has finished speaking — or, with voice trouble, as a
   * real call would deliver it: misrecognised, cut in two by early endpointing, or barging in.
   */
  say(text: string, trouble?: readonly VoiceTrouble[]): Promise<SimulatedStep>;
  /** A cough or "mm-hmm" `afterMs` into the assistant's last answer: the answer must go on. */
  falseInterruption(afterMs: number, sound?: string): Promise<SimulatedStep>;
  /** The user says nothing until the node's no-input timeout fires. */
  silence(): Promise<SimulatedStep>;
  /** Runs a custom sequence of session inputs and clock moves, then settles. */
  step(user: string | null, run: (session: Session, clock: VirtualClock) => Promise<void>): Promise<SimulatedStep>;
  readonly ended: boolean;
}

const SETTLE_LIMIT_MS = 10 * 60_000;
const NO_TROUBLE: readonly VoiceTrouble[] = [];
const isStaleReport = (o: SessionOutput) => o.type === "turn.metrics" || o.type === "state.changed";
/** Real time given to real work (HTTP tools, network models) before a deadline fires. */
const REAL_WORK_GRACE_MS = 5000;

/**
 * Runs a session on virtual time, step by step: the engine's text simulator, used by the CLI,
 * the conversation tests and the builder. Provider latencies and tool durations pass in virtual
 * time, so fillers and budgets show exactly where they would happen in a call.
 */
export function createTextSimulation(compiled: CompiledFlow, options: Omit<SessionOptions, "clock" | "playback"> & { clock?: VirtualClock } = {}): TextSimulation {
  const clock = options.clock ?? createVirtualClock();
  const session = createSession(compiled, { ...options, clock, playback: "estimated" });
  // Steps settle as soon as the session is idle, not a macrotask turn later.
  clock.watchWork(session);
  let buffer: SessionOutput[] = [];
  let lastSpeechStartAt: number | null = null;
  let ended = false;
  let outcome: string | null = null;
  let transfer: string | null = null;
  session.on((o) => {
    buffer.push(o);
    if (o.type === "speech.start") lastSpeechStartAt = o.at;
    if (o.type === "end") {
      ended = true;
      outcome = o.outcome ?? null;
    }
    if (o.type === "transfer") {
      ended = true;
      transfer = o.target;
    }
  });

  /**
   * Waits in real time while work outside the virtual clock (an HTTP tool, a network model) may be
   * running: until the session is idle, a new virtual timer appears, or the grace period ends.
   */
  async function allowRealWork(before: { at: number; deadline: boolean } | null): Promise<void> {
    const until = Date.now() + REAL_WORK_GRACE_MS;
    while (Date.now() < until && !session.isIdle()) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await clock.flush();
      const next = clock.nextTimer();
      if (next && (!before || next.at !== before.at || next.deadline !== before.deadline)) return;
    }
  }

  /** Lets the task track finish, moving virtual time through provider and tool latencies. */
  async function settle() {
    await clock.flush();
    while (!session.isIdle()) {
      const next = clock.nextTimer();
      if (next === null || next.deadline) {
        await allowRealWork(next);
        if (session.isIdle()) break;
        const after = clock.nextTimer();
        if (after === null) {
          await session.whenIdle();
          await clock.flush();
          break;
        }
        if (after.at !== next?.at || after.deadline !== next.deadline) continue;
      }
      // Each timer is followed by a settle, so the loop's checks see everything it caused.
      await clock.fireNext();
    }
  }

  /** The user waits for the assistant to finish speaking before answering. */
  async function waitForListening() {
    await clock.runUntil(() => {
      const dialogue = session.state().dialogue;
      return dialogue === "listening" || dialogue === "ended";
    }, SETTLE_LIMIT_MS);
  }

  /** What the wait for the user's turn reported belongs to no step: drop its metrics and state changes. */
  function dropStaleReports() {
    if (buffer.some(isStaleReport)) buffer = buffer.filter((o) => !isStaleReport(o));
  }

  function collect(user: string | null): SimulatedStep {
    const outputs = buffer;
    buffer = [];
    const bot: string[] = [];
    const fillers: string[] = [];
    const metrics: TurnMetrics[] = [];
    const chunks = new Map<string, string>();
    for (const o of outputs) {
      switch (o.type) {
        // Chunks carry their own separators.
        case "speech.chunk":
          chunks.set(o.turnId, (chunks.get(o.turnId) ?? "") + o.text);
          break;
        case "speech.end": {
          const text = chunks.get(o.turnId);
          if (text !== undefined) bot.push(text.trim());
          chunks.delete(o.turnId);
          break;
        }
        case "filler":
          fillers.push(o.text);
          break;
        case "turn.metrics":
          metrics.push(o.metrics);
          break;
      }
    }
    for (const text of chunks.values()) bot.push(text.trim());
    const state = session.state();
    return { user, bot, fillers, nodeId: state.nodeId, variables: state.variables, metrics, outputs, ended, outcome, transfer };
  }

  return {
    session,
    clock,
    get ended() {
      return ended;
    },
    async start() {
      session.start();
      await settle();
      return collect(null);
    },
    async say(text, trouble = NO_TROUBLE) {
      const troubles = trouble.length ? trouble.map((t) => VoiceTroubleSchema.parse(t)) : [];
      let heard = text;
      for (const t of troubles) if (t.type === "recognition") heard = corruptTranscript(heard, t.rate, t.seed);
      const bargeIn = troubles.find((t) => t.type === "bargeIn");
      if (bargeIn && lastSpeechStartAt !== null) {
        const at = lastSpeechStartAt + bargeIn.afterMs;
        if (at > clock.now()) await clock.advance(at - clock.now());
      } else await waitForListening();
      dropStaleReports();
      const split = troubles.find((t) => t.type === "split");
      const parts = split ? splitUtterance(heard, split.atWord) : [heard];
      if (!troubles.length) {
        session.send({ type: "user.text", text });
        await settle();
        return collect(text);
      }
      for (const [i, part] of parts.entries()) {
        // Spoken input, as the runtime delivers it: speech start, stop, final transcript.
        session.send({ type: "user.speechStarted" });
        session.send({ type: "user.speechStopped" });
        session.send({ type: "user.final", text: part });
        if (split && i < parts.length - 1) await clock.advance(split.gapMs);
      }
      await settle();
      return collect(heard);
    },
    async falseInterruption(afterMs, sound = "mm-hmm") {
      if (lastSpeechStartAt !== null) {
        const at = lastSpeechStartAt + afterMs;
        if (at > clock.now()) await clock.advance(at - clock.now());
      }
      session.send({ type: "user.speechStarted" });
      session.send({ type: "user.speechStopped" });
      session.send({ type: "user.final", text: sound });
      await settle();
      return collect(null);
    },
    async silence() {
      await waitForListening();
      const before = buffer.length;
      await clock.runUntil(() => buffer.slice(before).some((o) => o.type === "turn.metrics") || ended, SETTLE_LIMIT_MS);
      await settle();
      return collect(null);
    },
    async step(user, run) {
      await run(session, clock);
      await settle();
      return collect(user);
    },
  };
}
