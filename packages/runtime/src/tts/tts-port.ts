/**
 * Text to speech: 24 kHz s16 mono audio, streamed in chunks as it is made. Aborting the signal
 * stops synthesis at once (the iteration ends without error); so does leaving the loop early.
 */
export interface TtsPort {
  readonly name: string;
  readonly sampleRate: 24000;
  synthesize(text: string, signal?: AbortSignal): AsyncIterable<Int16Array>;
}
