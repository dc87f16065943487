import { z } from "zod";

/**
 * The seed article's four pipeline tiers, as settings of one runtime. The flow does not change
 * between tiers; only how audio, transcripts and speech move around it.
 */
export const TierSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Tier = z.infer<typeof TierSchema>;

export interface TierSettings {
  tier: Tier;
  name: string;
  /** Transcribe the whole utterance after it ends (tier 1) instead of streaming it. */
  batchStt: boolean;
  /** Feed partial transcripts to the engine (speculative understanding). */
  partials: boolean;
  /** Speak the answer phrase by phrase as it is produced, instead of after it is complete. */
  streamTts: boolean;
  /** Keep listening while the bot speaks, so the caller can interrupt. */
  bargeIn: boolean;
  /** Speak latency-hiding fillers. */
  fillers: boolean;
  /** Ignore the bot's own voice coming back through the caller's microphone. */
  echoSuppression: boolean;
  /** Acknowledge ("mm-hmm") under a long user turn, where the flow allows it. */
  backchannels: boolean;
}

export const TIER_SETTINGS: Readonly<Record<Tier, TierSettings>> = {
  1: { tier: 1, name: "sequential", batchStt: true, partials: false, streamTts: false, bargeIn: false, fillers: false, echoSuppression: false, backchannels: false },
  2: { tier: 2, name: "streaming", batchStt: false, partials: true, streamTts: false, bargeIn: false, fillers: false, echoSuppression: false, backchannels: false },
  3: { tier: 3, name: "streamed LLM→TTS with barge-in", batchStt: false, partials: true, streamTts: true, bargeIn: true, fillers: true, echoSuppression: false, backchannels: false },
  4: { tier: 4, name: "full duplex", batchStt: false, partials: true, streamTts: true, bargeIn: true, fillers: true, echoSuppression: true, backchannels: true },
};
