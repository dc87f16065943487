export { createOpenAiGeneration, type OpenAiGenerationConfig } from "./openai-generation";
export {
  createOpenAiUnderstanding,
  CONFIRM_TOOL,
  FILL_SLOTS_TOOL,
  MODEL_INTENT_CONFIDENCE,
  type OpenAiUnderstandingConfig,
} from "./openai-understanding";
export {
  createOpenAiTranscriber,
  TranscribeOptionsSchema,
  type OpenAiTranscriberConfig,
  type Transcriber,
  type TranscribeOptions,
  type Transcription,
} from "./openai-transcriber";
export { createOpenAiSpeech, type OpenAiSpeechConfig, type SpeechSynthesizer, type SynthesizeOptions } from "./openai-speech";
export { OpenAiConfigSchema, resolveOpenAiConfig, type FetchFunction, type OpenAiConfig, type OpenAiConfigInput } from "./openai-config";
export { slotValueSchema, slotsObjectSchema, toToolParameters } from "./slot-schemas";
export { pcmToWav, parseWav, SPEECH_SAMPLE_RATE, type WavInfo } from "./pcm";
export {
  createOpenAiCompatibleServer,
  LATENCY_HEADER,
  TestServerOptionsSchema,
  type OpenAiCompatibleServer,
  type TestServerOptions,
} from "./test-server/openai-compatible-server";
export { deterministicChatResponder, type ChatResponder } from "./test-server/chat-responder";
export type { RecordedRequest, RequestOutcome } from "./test-server/request-log";
export { ServerScriptSchema, ChatStepSchema, TranscriptionStepSchema, SpeechStepSchema, type ServerScript, type ChatStep, type TranscriptionStep, type SpeechStep } from "./test-server/script";
export type { ChatRequest } from "./test-server/wire";
