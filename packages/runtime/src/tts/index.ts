export type { TtsPort } from "./tts-port";
export { createEspeakTts, EspeakSchema, type EspeakOptions } from "./espeak-tts";
export {
  createPhraseAggregator,
  PhraseAggregatorSchema,
  type PhraseAggregator,
  type PhraseAggregatorOptions,
} from "./phrase-aggregator";
export { createPhraseAggregatorStage } from "./phrase-aggregator-stage";
export { createTtsStage, type TtsStageOptions } from "./tts-stage";
