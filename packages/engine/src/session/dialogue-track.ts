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
type Handlers = { [T in TrackEvent["type"]]?: (event: Extract<TrackEvent, { type: T }>) => Step };
/** What a transition does: where it goes (if anywhere), whether it re-enters, what it emits. */
interface Step {
  target?: DialogueState;
  reenter?: boolean;
  emit?: DialogueEmitted;
}
const STAY: Step = {};
const TIMER_OF: Partial<Record<DialogueState, Timer>> = { listening: "noInput", userSpeaking: "backchannel", thinking: "filler" };

export function createDialogueTrack(clock: SessionClock, initial: Partial<DialogueSettings> = {}): DialogueTrack {
  const settings: DialogueSettings = { ...DEFAULT_DIALOGUE_SETTINGS, ...initial };
  let state: DialogueState = "thinking";
  let running = false;
  let turnId: string | null = null;
  let bargeIn: BargeInPolicy = { mode: "allow" };
  let speakingSince: number | null = null;
  /** The flow waits for the user (no-input timing applies only then). */
  let taskIdle = false;
  /** A user turn is being answered; fillers apply only then. */
  let answering = false;
  /** Part of the latency budget already spent before the turn reached the engine (endpointing, STT). */
  let budgetSpentMs = 0;
  let timer: unknown = null;
  let processing = false;
  const queue: TrackEvent[] = [];
  const handlers: { [K in DialogueEmitted["type"]]: ((e: DialogueEmitted) => void)[] } = {
    noInput: [],
    filler: [],
    backchannel: [],
    interrupt: [],
    resume: [],
  };

  const markIdle = () => {
    taskIdle = true;
    answering = false;
  };
  const startAnswering = (sinceSpeechEndMs: number | undefined) => {
    answering = true;
    taskIdle = false;
    budgetSpentMs = Math.max(0, sinceSpeechEndMs ?? 0);
  };
  const startSpeaking = (e: { turnId: string; bargeIn: BargeInPolicy; at: number }) => {
    turnId = e.turnId;
    bargeIn = e.bargeIn;
    speakingSince = e.at;
  };
  const bargeInAllowed = (e: { at: number; bargeIn?: BargeInPolicy; partStartedAt?: number }) => {
    const policy = e.bargeIn ?? bargeIn;
    if (policy.mode === "ignore") return false;
    if (policy.mode === "after") {
      const since = e.partStartedAt ?? speakingSince;
      return since !== null && e.at - since >= policy.afterMs;
    }
    return true;
  };

  function enter(next: DialogueState) {
    state = next;
    const kind = TIMER_OF[next];
    if (!kind) return;
    const ms = kind === "noInput" ? settings.noInputTimeoutMs : kind === "backchannel" ? settings.backchannelIntervalMs : Math.max(0, settings.latencyBudgetMs - budgetSpentMs);
    timer = clock.setTimeout(() => {
      timer = null;
      dispatch({ type: "timer", timer: kind });
    }, ms);
  }

  function exit() {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  // Handlers shared by several states.
  const answer = (e: { sinceSpeechEndMs?: number }): Step => {
    startAnswering(e.sinceSpeechEndMs);
    return { target: "thinking" };
  };
  const speakIn = (e: { turnId: string; bargeIn: BargeInPolicy; at: number }): Step => {
    startSpeaking(e);
    return { target: "speaking" };
  };
  const stayIdle = (): Step => {
    markIdle();
    return STAY;
  };
  const stayBusy = (): Step => {
    taskIdle = false;
    return STAY;
  };
  const go = (target: DialogueState): (() => Step) => () => ({ target });

  /** The statechart: per state, the events it handles; an event a state does not list changes nothing. */
  const chart: Record<DialogueState, Handlers> = {
    listening: {
      timer: () => (taskIdle ? { target: "listening", reenter: true, emit: { type: "noInput" } } : STAY),
      USER_SPEECH_STARTED: go("userSpeaking"),
      USER_TURN_ENDED: answer,
      BOT_SPEECH_STARTED: speakIn,
      TASK_IDLE: () => {
        markIdle();
        return { target: "listening", reenter: true };
      },
      TASK_BUSY: stayBusy,
    },
    userSpeaking: {
      timer: () => (settings.backchannels ? { target: "userSpeaking", reenter: true, emit: { type: "backchannel" } } : STAY),
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
      timer: () => (answering ? { emit: { type: "filler" } } : STAY),
      BOT_SPEECH_STARTED: speakIn,
      TASK_IDLE: () => {
        markIdle();
        return { target: "listening" };
      },
      TASK_BUSY: stayBusy,
      USER_SPEECH_STARTED: go("userSpeaking"),
    },
    speaking: {
      USER_SPEECH_STARTED: (e) => (bargeInAllowed(e) ? { target: "interrupted", emit: { type: "interrupt", turnId: turnId ?? "" } } : STAY),
      BOT_PLAYBACK_DONE: (e) => {
        if (e.turnId !== turnId) return STAY;
        speakingSince = null;
        return { target: taskIdle ? "listening" : "thinking" };
      },
      BOT_SPEECH_STARTED: (e) => {
        startSpeaking(e);
        return STAY;
      },
      TASK_IDLE: stayIdle,
      TASK_BUSY: stayBusy,
      USER_TURN_ENDED: (e) => {
        startAnswering(e.sinceSpeechEndMs);
        return STAY;
      },
    },
    interrupted: {
      USER_TURN_ENDED: (e) => {
        speakingSince = null;
        return answer(e);
      },
      FALSE_INTERRUPTION: () => ({ target: "speaking", emit: { type: "resume", turnId: turnId ?? "" } }),
      TASK_IDLE: stayIdle,
      TASK_BUSY: stayBusy,
    },
    ended: {},
  };

  /** The transition for `event` in the current state; context updates happen in the handlers. */
  function transition(event: TrackEvent): Step {
    if (event.type === "TASK_DONE") return { target: "ended" };
    if (event.type === "SETTINGS") {
      Object.assign(settings, event.settings);
      return STAY;
    }
    const handler = chart[state][event.type] as ((e: TrackEvent) => Step) | undefined;
    return handler ? handler(event) : STAY;
  }

  function dispatch(event: TrackEvent) {
    if (!running) return;
    queue.push(event);
    if (processing) return;
    processing = true;
    try {
      for (let next = queue.shift(); next && running; next = queue.shift()) {
        const step = transition(next);
        if (step.target !== undefined && (step.target !== state || step.reenter)) {
          exit();
          enter(step.target);
          if (step.target === "ended") running = false;
        }
        // Handlers run after the state changed, as XState runs emitted events after the transition.
        if (step.emit) for (const handler of handlers[step.emit.type]) handler(step.emit);
      }
    } finally {
      processing = false;
      queue.length = 0;
    }
  }

  return {
    start() {
      if (running || state === "ended") return;
      running = true;
      enter("thinking");
    },
    send: dispatch,
    on(type, handler) {
      handlers[type].push(handler as (e: DialogueEmitted) => void);
    },
    state: () => state,
    stop() {
      running = false;
      exit();
    },
  };
}
