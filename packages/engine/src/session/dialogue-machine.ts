import { assign, emit, setup } from "xstate";
import type { BargeInPolicy } from "@voxchart/flow";

/**
 * The dialogue track: turn-taking, timers and latency hiding. It never waits on the task track:
 * it only hears what happened (events) and says what it decided (emitted events).
 *
 * Contract — events in:
 *   USER_SPEECH_STARTED, USER_SPEECH_STOPPED, USER_TURN_ENDED (a final transcript or typed text),
 *   BOT_SPEECH_STARTED {turnId, bargeIn}, BOT_PLAYBACK_DONE {turnId}, TASK_IDLE (the flow waits for
 *   the user), TASK_DONE (the conversation ended), SETTINGS (the active node's timing settings),
 *   FALSE_INTERRUPTION (the interruption carried no words).
 * Emitted: noInput, filler {turnId}, backchannel, interrupt {turnId}, resume {turnId}.
 */
export interface DialogueSettings {
  latencyBudgetMs: number;
  noInputTimeoutMs: number;
  backchannels: boolean;
  backchannelIntervalMs: number;
}

export interface DialogueContext extends DialogueSettings {
  turnId: string | null;
  bargeIn: BargeInPolicy;
  speakingSince: number | null;
  /** The flow waits for the user (no-input timing applies only then). */
  taskIdle: boolean;
  /** A user turn is being answered; fillers apply only then. */
  answering: boolean;
  /** Part of the latency budget already spent before the turn reached the engine (endpointing, STT). */
  budgetSpentMs: number;
}

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
  | { type: "resume"; turnId: string }
  | { type: "state"; value: string };

export const DEFAULT_DIALOGUE_SETTINGS: DialogueSettings = {
  latencyBudgetMs: 350,
  noInputTimeoutMs: 8000,
  backchannels: false,
  backchannelIntervalMs: 2500,
};

export const dialogueMachine = setup({
  types: {} as { context: DialogueContext; events: DialogueEvent; emitted: DialogueEmitted; input: Partial<DialogueSettings> | undefined },
  delays: {
    fillerBudget: ({ context }) => Math.max(0, context.latencyBudgetMs - context.budgetSpentMs),
    noInput: ({ context }) => context.noInputTimeoutMs,
    backchannel: ({ context }) => context.backchannelIntervalMs,
  },
  guards: {
    bargeInAllowed: ({ context, event }) => {
      if (event.type !== "USER_SPEECH_STARTED") return false;
      const policy = event.bargeIn ?? context.bargeIn;
      if (policy.mode === "ignore") return false;
      const since = event.partStartedAt ?? context.speakingSince;
      if (policy.mode === "after") return since !== null && event.at - since >= policy.afterMs;
      return true;
    },
    isCurrentTurn: ({ context, event }) => event.type === "BOT_PLAYBACK_DONE" && event.turnId === context.turnId,
    taskIdle: ({ context }) => context.taskIdle,
    backchannelsOn: ({ context }) => context.backchannels,
  },
  actions: {
    applySettings: assign(({ context, event }) => (event.type === "SETTINGS" ? { ...context, ...event.settings } : context)),
    markIdle: assign({ taskIdle: true, answering: false }),
    markBusy: assign({ taskIdle: false }),
    startAnswering: assign(({ event }) => ({
      answering: true,
      taskIdle: false,
      budgetSpentMs: event.type === "USER_TURN_ENDED" ? Math.max(0, event.sinceSpeechEndMs ?? 0) : 0,
    })),
    startSpeaking: assign(({ event }) =>
      event.type === "BOT_SPEECH_STARTED" ? { turnId: event.turnId, bargeIn: event.bargeIn, speakingSince: event.at } : {},
    ),
    stopSpeaking: assign({ speakingSince: null }),
    emitNoInput: emit({ type: "noInput" }),
    emitFiller: emit({ type: "filler" }),
    emitBackchannel: emit({ type: "backchannel" }),
    emitInterrupt: emit(({ context }) => ({ type: "interrupt" as const, turnId: context.turnId ?? "" })),
    emitResume: emit(({ context }) => ({ type: "resume" as const, turnId: context.turnId ?? "" })),
  },
}).createMachine({
  id: "dialogue",
  context: ({ input }) => ({
    ...DEFAULT_DIALOGUE_SETTINGS,
    ...input,
    turnId: null,
    bargeIn: { mode: "allow" },
    speakingSince: null,
    taskIdle: false,
    answering: false,
    budgetSpentMs: 0,
  }),
  initial: "thinking",
  on: {
    SETTINGS: { actions: "applySettings" },
    TASK_DONE: ".ended",
  },
  states: {
    listening: {
      after: { noInput: { guard: "taskIdle", target: "listening", reenter: true, actions: "emitNoInput" } },
      on: {
        USER_SPEECH_STARTED: "userSpeaking",
        USER_TURN_ENDED: { target: "thinking", actions: "startAnswering" },
        BOT_SPEECH_STARTED: { target: "speaking", actions: "startSpeaking" },
        TASK_IDLE: { target: "listening", reenter: true, actions: "markIdle" },
        TASK_BUSY: { actions: "markBusy" },
      },
    },
    userSpeaking: {
      after: { backchannel: { guard: "backchannelsOn", target: "userSpeaking", reenter: true, actions: "emitBackchannel" } },
      on: {
        USER_SPEECH_STOPPED: "userPaused",
        USER_TURN_ENDED: { target: "thinking", actions: "startAnswering" },
      },
    },
    userPaused: {
      on: {
        USER_SPEECH_STARTED: "userSpeaking",
        USER_TURN_ENDED: { target: "thinking", actions: "startAnswering" },
        FALSE_INTERRUPTION: "listening",
      },
    },
    thinking: {
      // Latency hiding: no speech within the budget after the user's turn → a filler.
      after: { fillerBudget: { guard: ({ context }) => context.answering, actions: "emitFiller" } },
      on: {
        BOT_SPEECH_STARTED: { target: "speaking", actions: "startSpeaking" },
        TASK_IDLE: { target: "listening", actions: "markIdle" },
        TASK_BUSY: { actions: "markBusy" },
        USER_SPEECH_STARTED: "userSpeaking",
      },
    },
    speaking: {
      on: {
        USER_SPEECH_STARTED: [{ guard: "bargeInAllowed", target: "interrupted", actions: "emitInterrupt" }],
        BOT_PLAYBACK_DONE: [
          { guard: ({ context, event }) => event.turnId === context.turnId && context.taskIdle, target: "listening", actions: "stopSpeaking" },
          { guard: "isCurrentTurn", target: "thinking", actions: "stopSpeaking" },
        ],
        BOT_SPEECH_STARTED: { actions: "startSpeaking" },
        TASK_IDLE: { actions: "markIdle" },
        TASK_BUSY: { actions: "markBusy" },
        USER_TURN_ENDED: { actions: "startAnswering" },
      },
    },
    interrupted: {
      on: {
        USER_TURN_ENDED: { target: "thinking", actions: ["startAnswering", "stopSpeaking"] },
        FALSE_INTERRUPTION: { target: "speaking", actions: "emitResume" },
        USER_SPEECH_STOPPED: {},
        TASK_IDLE: { actions: "markIdle" },
        TASK_BUSY: { actions: "markBusy" },
      },
    },
    ended: { type: "final" },
  },
});
