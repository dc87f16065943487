import type { BargeInPolicy } from "@voxchart/flow";
import type { SessionClock } from "../clock/clock";

/**
 * The dialogue track: turn-taking, timers and latency hiding. It never waits on the task track:
 * it only hears what happened (events) and says what it decided (emitted events).
 *
 * It is a small hand-written state machine rather than an XState machine: it sees four to six
 * events per user turn, and at XState's cost per event (~8–35 µs) it took more time than the flow
 * machine itself (measured in packages/cli/bench/simulation-throughput.ts). Its states and
 * transitions are the statechart below, tested one by one in dialogue-track.test.ts.
 *
 *   listening    --USER_SPEECH_STARTED--> userSpeaking
 *   listening    --USER_TURN_ENDED------> thinking      (start answering)
 *   listening    --BOT_SPEECH_STARTED---> speaking
 *   listening    --TASK_IDLE------------> listening     (re-entered: the no-input timer restarts)
 *   listening    after noInputTimeoutMs, if the task is idle: emit noInput and re-enter
 *   userSpeaking --USER_SPEECH_STOPPED--> userPaused
 *   userSpeaking --USER_TURN_ENDED------> thinking
 *   userSpeaking after backchannelIntervalMs, if backchannels are on: emit backchannel and re-enter
 *   userPaused   --USER_SPEECH_STARTED--> userSpeaking
 *   userPaused   --USER_TURN_ENDED------> thinking
 *   userPaused   --FALSE_INTERRUPTION---> listening
 *   thinking     --BOT_SPEECH_STARTED---> speaking
 *   thinking     --TASK_IDLE------------> listening
 *   thinking     --USER_SPEECH_STARTED--> userSpeaking
 *   thinking     after the latency budget (less what endpointing spent), if answering: emit filler
 *   speaking     --USER_SPEECH_STARTED--> interrupted   (if the barge-in policy allows; emit interrupt)
 *   speaking     --BOT_PLAYBACK_DONE----> listening     (its own turn, task idle) or thinking (task busy)
 *   interrupted  --USER_TURN_ENDED------> thinking
 *   interrupted  --FALSE_INTERRUPTION---> speaking      (emit resume)
 *   any          --TASK_DONE------------> ended         (final: later events are ignored)
 *   any          --SETTINGS-------------> (settings of the active node applied)
 * TASK_IDLE / TASK_BUSY / BOT_SPEECH_STARTED / USER_TURN_ENDED update the context in the states
 * they do not leave. Timers belong to a state: leaving it cancels them.
 */
export interface DialogueSettings {
  latencyBudgetMs: number;
  noInputTimeoutMs: number;
  backchannels: boolean;
  backchannelIntervalMs: number;
}

export type DialogueState = "listening" | "userSpeaking" | "userPaused" | "thinking" | "speaking" | "interrupted" | "ended";

export type DialogueEvent =
  /** `bargeIn` and `partStartedAt` describe the bot speech playing at that moment, if any. */
  | { type: "USER_SPEECH_STARTED"; at: number; bargeIn?: BargeInPolicy; partStartedAt?: number }
  | { type: "USER_SPEECH_STOPPED" }
  /** `sinceSpeechEndMs`: how long ago the user stopped speaking (the budget counts from then). */
  | { type: "USER_TURN_ENDED"; sinceSpeechEndMs?: number }
  | { type: "BOT_SPEECH_STARTED"; turnId: string; bargeIn: BargeInPolicy; at: number }
  | { type: "BOT_PLAYBACK_DONE"; turnId: string }
  | { type: "TASK_IDLE" }
  | { type: "TASK_BUSY" }
  | { type: "TASK_DONE" }
  | { type: "FALSE_INTERRUPTION" }
  | { type: "SETTINGS"; settings: Partial<DialogueSettings> };

export type DialogueEmitted =
  | { type: "noInput" }
  | { type: "filler" }
  | { type: "backchannel" }
  | { type: "interrupt"; turnId: string }
  | { type: "resume"; turnId: string };

export const DEFAULT_DIALOGUE_SETTINGS: DialogueSettings = {
  latencyBudgetMs: 350,
  noInputTimeoutMs: 8000,
  backchannels: false,
  backchannelIntervalMs: 2500,
};

export interface DialogueTrack {
  /** Starts the track in `thinking` (the flow's opening is being prepared). */
  start(): void;
  /** Events sent while the track is handling another (from an emitted-event handler) run right after it. */
  send(event: DialogueEvent): void;
  on<T extends DialogueEmitted["type"]>(type: T, handler: (event: Extract<DialogueEmitted, { type: T }>) => void): void;
  state(): DialogueState;
  stop(): void;
}

type Timer = "noInput" | "backchannel" | "filler";
/** The events the track handles: the ones sent to it and its own timers firing. */
type TrackEvent = DialogueEvent | { type: "timer"; timer: Timer };
type Handlers = { [T in TrackEvent["type"]]?: (track: Track, event: Extract<TrackEvent, { type: T }>) => Step };
/** What a transition does: where it goes (if anywhere), whether it re-enters, what it emits. */
interface Step {
  target?: DialogueState;
  reenter?: boolean;
  emit?: DialogueEmitted;
}
const STAY: Step = {};
const TIMER_OF: Partial<Record<DialogueState, Timer>> = { listening: "noInput", userSpeaking: "backchannel", thinking: "filler" };
/** Timer events carry nothing but their kind, so one of each serves every track. */
const TIMER_EVENTS: Record<Timer, TrackEvent> = {
  noInput: { type: "timer", timer: "noInput" },
  backchannel: { type: "timer", timer: "backchannel" },
  filler: { type: "timer", timer: "filler" },
};

/**
 * One track's context and machinery. A class, with the statechart below shared by every track:
 * a session makes one track per conversation, and conversations are short, so a track is made
 * about once every three user turns; closures per track made that cost show.
 */
class Track implements DialogueTrack {
  readonly settings: DialogueSettings;
  current: DialogueState = "thinking";
  running = false;
  turnId: string | null = null;
  bargeIn: BargeInPolicy = { mode: "allow" };
  speakingSince: number | null = null;
  /** The flow waits for the user (no-input timing applies only then). */
  taskIdle = false;
  /** A user turn is being answered; fillers apply only then. */
  answering = false;
  /** Part of the latency budget already spent before the turn reached the engine (endpointing, STT). */
  budgetSpentMs = 0;
  timer: unknown = null;
  /** The kind of the pending timer, read when it fires. */
  timerKind: Timer = "filler";
  processing = false;
  readonly queue: TrackEvent[] = [];
  readonly handlers: { [K in DialogueEmitted["type"]]: ((e: DialogueEmitted) => void)[] } = {
    noInput: [],
    filler: [],
    backchannel: [],
    interrupt: [],
    resume: [],
  };
  private readonly onTimer = () => {
    this.timer = null;
    this.send(TIMER_EVENTS[this.timerKind]);
  };

  constructor(
    private readonly clock: SessionClock,
    initial: Partial<DialogueSettings>,
  ) {
    this.settings = { ...DEFAULT_DIALOGUE_SETTINGS, ...initial };
  }

  markIdle() {
    this.taskIdle = true;
    this.answering = false;
  }

  startAnswering(sinceSpeechEndMs: number | undefined) {
    this.answering = true;
    this.taskIdle = false;
    this.budgetSpentMs = Math.max(0, sinceSpeechEndMs ?? 0);
  }

  startSpeaking(e: { turnId: string; bargeIn: BargeInPolicy; at: number }) {
    this.turnId = e.turnId;
    this.bargeIn = e.bargeIn;
    this.speakingSince = e.at;
  }

  bargeInAllowed(e: { at: number; bargeIn?: BargeInPolicy; partStartedAt?: number }): boolean {
    const policy = e.bargeIn ?? this.bargeIn;
    if (policy.mode === "ignore") return false;
    if (policy.mode === "after") {
      const since = e.partStartedAt ?? this.speakingSince;
      return since !== null && e.at - since >= policy.afterMs;
    }
    return true;
  }

  private enter(next: DialogueState) {
    this.current = next;
    const kind = TIMER_OF[next];
    if (!kind) return;
    const { settings } = this;
    const ms = kind === "noInput" ? settings.noInputTimeoutMs : kind === "backchannel" ? settings.backchannelIntervalMs : Math.max(0, settings.latencyBudgetMs - this.budgetSpentMs);
    this.timerKind = kind;
    this.timer = this.clock.setTimeout(this.onTimer, ms);
  }

  private exit() {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The transition for `event` in the current state; context updates happen in the handlers. */
  private transition(event: TrackEvent): Step {
    if (event.type === "TASK_DONE") return { target: "ended" };
    if (event.type === "SETTINGS") {
      Object.assign(this.settings, event.settings);
      return STAY;
    }
    const handler = chart[this.current][event.type] as ((track: Track, e: TrackEvent) => Step) | undefined;
    return handler ? handler(this, event) : STAY;
  }

  start() {
    if (this.running || this.current === "ended") return;
    this.running = true;
    this.enter("thinking");
  }

  send(event: TrackEvent) {
    if (!this.running) return;
    const { queue } = this;
    queue.push(event);
    if (this.processing) return;
    this.processing = true;
    try {
      for (let next = queue.shift(); next && this.running; next = queue.shift()) {
        const step = this.transition(next);
        if (step.target !== undefined && (step.target !== this.current || step.reenter)) {
          this.exit();
          this.enter(step.target);
          if (step.target === "ended") this.running = false;
        }
        // Handlers run after the state changed, as XState runs emitted events after the transition.
        if (step.emit) for (const handler of this.handlers[step.emit.type]) handler(step.emit);
      }
    } finally {
      this.processing = false;
      queue.length = 0;
    }
  }

  on<T extends DialogueEmitted["type"]>(type: T, handler: (event: Extract<DialogueEmitted, { type: T }>) => void) {
    this.handlers[type].push(handler as (e: DialogueEmitted) => void);
  }

  state(): DialogueState {
    return this.current;
  }

  stop() {
    this.running = false;
    this.exit();
  }
}

// Handlers shared by several states.
const answer = (t: Track, e: { sinceSpeechEndMs?: number }): Step => {
  t.startAnswering(e.sinceSpeechEndMs);
  return { target: "thinking" };
};
const speakIn = (t: Track, e: { turnId: string; bargeIn: BargeInPolicy; at: number }): Step => {
  t.startSpeaking(e);
  return { target: "speaking" };
};
const stayIdle = (t: Track): Step => {
  t.markIdle();
  return STAY;
};
const stayBusy = (t: Track): Step => {
  t.taskIdle = false;
  return STAY;
};
const go = (target: DialogueState): (() => Step) => () => ({ target });

/** The statechart: per state, the events it handles; an event a state does not list changes nothing. */
const chart: Record<DialogueState, Handlers> = {
  listening: {
    timer: (t) => (t.taskIdle ? { target: "listening", reenter: true, emit: { type: "noInput" } } : STAY),
    USER_SPEECH_STARTED: go("userSpeaking"),
    USER_TURN_ENDED: answer,
    BOT_SPEECH_STARTED: speakIn,
    TASK_IDLE: (t) => {
      t.markIdle();
      return { target: "listening", reenter: true };
    },
    TASK_BUSY: stayBusy,
  },
  userSpeaking: {
    timer: (t) => (t.settings.backchannels ? { target: "userSpeaking", reenter: true, emit: { type: "backchannel" } } : STAY),
    USER_SPEECH_STOPPED: go("userPaused"),
    USER_TURN_ENDED: answer,
  },
  userPaused: {
    USER_SPEECH_STARTED: go("userSpeaking"),
    USER_TURN_ENDED: answer,
    FALSE_INTERRUPTION: go("listening"),
  },
  thinking: {
    // Latency hiding: no speech within the budget after the user's turn → a filler.
    timer: (t) => (t.answering ? { emit: { type: "filler" } } : STAY),
    BOT_SPEECH_STARTED: speakIn,
    TASK_IDLE: (t) => {
      t.markIdle();
      return { target: "listening" };
    },
    TASK_BUSY: stayBusy,
    USER_SPEECH_STARTED: go("userSpeaking"),
  },
  speaking: {
    USER_SPEECH_STARTED: (t, e) => (t.bargeInAllowed(e) ? { target: "interrupted", emit: { type: "interrupt", turnId: t.turnId ?? "" } } : STAY),
    BOT_PLAYBACK_DONE: (t, e) => {
      if (e.turnId !== t.turnId) return STAY;
      t.speakingSince = null;
      return { target: t.taskIdle ? "listening" : "thinking" };
    },
    BOT_SPEECH_STARTED: (t, e) => {
      t.startSpeaking(e);
      return STAY;
    },
    TASK_IDLE: stayIdle,
    TASK_BUSY: stayBusy,
    USER_TURN_ENDED: (t, e) => {
      t.startAnswering(e.sinceSpeechEndMs);
      return STAY;
    },
  },
  interrupted: {
    USER_TURN_ENDED: (t, e) => {
      t.speakingSince = null;
      return answer(t, e);
    },
    FALSE_INTERRUPTION: (t) => ({ target: "speaking", emit: { type: "resume", turnId: t.turnId ?? "" } }),
    TASK_IDLE: stayIdle,
    TASK_BUSY: stayBusy,
  },
  ended: {},
};

export function createDialogueTrack(clock: SessionClock, initial: Partial<DialogueSettings> = {}): DialogueTrack {
  return new Track(clock, initial);
}
