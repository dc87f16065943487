export { createVoiceAgent } from "./create-voice-agent";
export type { VoiceAgentOptions, LiveVoiceSession, SessionStore } from "./create-voice-agent";
export { TIER_SETTINGS, TierSchema } from "./tiers";
export type { Tier, TierSettings } from "./tiers";
export type { VoiceTurnMetrics } from "./voice-metrics";
export { createEchoSuppressor } from "./echo-suppressor";
export type { EchoSuppressor } from "./echo-suppressor";
export { sttPhrasesFor } from "./stt-hints";
