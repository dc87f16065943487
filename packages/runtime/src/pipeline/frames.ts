import type { RuntimeError } from "./errors";

/**
 * Frames are what stages pass to each other, in three families (as in Pipecat):
 * - system frames are handled at once, ahead of anything queued, and survive an interruption;
 * - data frames (audio, transcripts, text) and control frames (turn boundaries, end) are
 *   processed in order and dropped by an interruption unless marked `uninterruptible`.
 * Times are milliseconds (wall clock of the runtime, `Date.now()` scale) unless named otherwise.
 */

// --- system ---------------------------------------------------------------------------------
export interface StartFrame { type: "start"; sessionId: string; at: number }
export interface CancelFrame { type: "cancel"; reason: string }
/** Drops queued data/control frames and aborts in-flight work in every stage it passes. */
export interface InterruptFrame { type: "interrupt"; reason?: string }
export interface UserStartedSpeakingFrame { type: "user.started"; at: number; probability?: number }
export interface UserStoppedSpeakingFrame { type: "user.stopped"; at: number; speechMs?: number }
export interface BotStartedSpeakingFrame { type: "bot.started"; turnId: string; at: number }
export interface BotStoppedSpeakingFrame { type: "bot.stopped"; turnId: string; at: number }
export interface ErrorFrame { type: "error"; error: RuntimeError; stage: string; fatal: boolean }
/** A measurement, e.g. `{ name: "stt.finalMs", value: 142 }`. */
export interface MetricsFrame { type: "metrics"; name: string; value: number; turnId?: string; at: number }
/** What the recogniser should listen for next (the phrases the current node expects). */
export interface SttHintsFrame { type: "stt.hints"; phrases: readonly string[] }

// --- data -----------------------------------------------------------------------------------
interface DataBase { uninterruptible?: boolean }
/** Caller audio: 16 kHz s16le mono, normally 20 ms per frame. */
export interface AudioInFrame extends DataBase { type: "audio.in"; pcm: Int16Array; sampleRate: 16000; at: number }
/** Bot audio: 24 kHz s16le mono. */
export interface AudioOutFrame extends DataBase { type: "audio.out"; pcm: Int16Array; sampleRate: 24000; turnId?: string }
export interface TranscriptPartialFrame extends DataBase { type: "transcript.partial"; text: string; stable: boolean; at: number }
export interface TranscriptFinalFrame extends DataBase { type: "transcript.final"; text: string; at: number }
/** Generated text as it streams (e.g. LLM tokens), before phrase aggregation. */
export interface TextChunkFrame extends DataBase { type: "text.chunk"; text: string; turnId?: string }
/** A speakable phrase for TTS. */
export interface TtsTextFrame extends DataBase { type: "tts.text"; text: string; turnId?: string }

// --- control --------------------------------------------------------------------------------
export interface TurnStartFrame { type: "turn.start"; turnId: string; uninterruptible?: boolean }
/** Closes a bot turn: aggregators flush, TTS finishes the turn's audio before passing it on. */
export interface TurnEndFrame { type: "turn.end"; turnId: string; uninterruptible?: boolean }
/** The input is over: stages flush and pass it on; it arrives last at the pipeline's end. */
export interface EndFrame { type: "end"; uninterruptible?: boolean }

export type SystemFrame =
  | StartFrame
  | CancelFrame
  | InterruptFrame
  | UserStartedSpeakingFrame
  | UserStoppedSpeakingFrame
  | BotStartedSpeakingFrame
  | BotStoppedSpeakingFrame
  | ErrorFrame
  | MetricsFrame
  | SttHintsFrame;
export type DataFrame =
  | AudioInFrame
  | AudioOutFrame
  | TranscriptPartialFrame
  | TranscriptFinalFrame
  | TextChunkFrame
  | TtsTextFrame;
export type ControlFrame = TurnStartFrame | TurnEndFrame | EndFrame;
export type Frame = SystemFrame | DataFrame | ControlFrame;
export type FrameType = Frame["type"];
export type FrameOf<T extends FrameType> = Extract<Frame, { type: T }>;
export type FrameFamily = "system" | "data" | "control";

export const FRAME_FAMILY: { readonly [T in FrameType]: FrameFamily } = {
  start: "system",
  cancel: "system",
  interrupt: "system",
  "user.started": "system",
  "user.stopped": "system",
  "bot.started": "system",
  "bot.stopped": "system",
  error: "system",
  metrics: "system",
  "stt.hints": "system",
  "audio.in": "data",
  "audio.out": "data",
  "transcript.partial": "data",
  "transcript.final": "data",
  "text.chunk": "data",
  "tts.text": "data",
  "turn.start": "control",
  "turn.end": "control",
  end: "control",
};

export function frameFamily(frame: Frame): FrameFamily {
  return FRAME_FAMILY[frame.type];
}

export function isSystemFrame(frame: Frame): frame is SystemFrame {
  return FRAME_FAMILY[frame.type] === "system";
}

/** Whether an interruption drops this frame from a queue. */
export function isInterruptible(frame: Frame): boolean {
  return FRAME_FAMILY[frame.type] !== "system" && !(frame as { uninterruptible?: boolean }).uninterruptible;
}

export function isFrameOf<T extends FrameType>(frame: Frame, type: T): frame is FrameOf<T> {
  return frame.type === type;
}

export type Direction = "downstream" | "upstream";
