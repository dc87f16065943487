/**
 * Speech to text over 16 kHz s16 mono audio: one-shot `transcribe`, and streaming sessions that
 * take audio as it comes and give partial transcripts, then a final one.
 */
export interface SttHints {
  /**
   * Phrases the current node expects (intent examples, enum options, yes/no, numbers). A
   * recogniser may restrict itself to them; `{number}` stands for a spoken number (0-999).
   */
  phrases?: readonly string[];
}

export interface Transcript {
  text: string;
  /** How the recogniser listened, e.g. "grammar" (restricted to the hints) or "lm" (open). */
  mode: string;
  /** Time spent recognising after the audio was complete (for streams: after finish()). */
  processingMs: number;
}

export interface PartialTranscript {
  text: string;
  /** True when the recogniser will not revise this text. */
  stable: boolean;
}

export interface SttRequestOptions {
  hints?: SttHints;
  signal?: AbortSignal;
}

export interface SttStreamOptions extends SttRequestOptions {
  onPartial?: (partial: PartialTranscript) => void;
}

export interface SttStream {
  push(pcm16k: Int16Array): void;
  /** The audio is complete: resolves with the final transcript. */
  finish(): Promise<Transcript>;
  /** Abandons the stream (its finish() rejects with code "aborted"). */
  cancel(): void;
}

export interface SttPort {
  readonly name: string;
  transcribe(pcm16k: Int16Array, options?: SttRequestOptions): Promise<Transcript>;
  stream(options?: SttStreamOptions): SttStream;
}
