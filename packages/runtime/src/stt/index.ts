export type {
  SttPort,
  SttStream,
  SttHints,
  Transcript,
  PartialTranscript,
  SttRequestOptions,
  SttStreamOptions,
} from "./stt-port";
export { createPocketsphinxStt, PocketsphinxSchema, type PocketsphinxOptions, type PocketsphinxStt } from "./pocketsphinx-stt";
export { buildJsgfGrammar, type GrammarBuild } from "./jsgf-grammar";
export { normalizePhrase, NUMBER_SLOT } from "./phrase-normalizer";
export { numberToWords } from "./number-words";
export { createSttStage, type SttStageOptions } from "./stt-stage";
