import type { GenerationPort, UnderstandingPort } from "@voxchart/engine";
import { createOpenAiGeneration, createOpenAiSpeech, createOpenAiTranscriber, createOpenAiUnderstanding } from "@voxchart/providers";
import { createPocketsphinxStt, type SttPort } from "../stt";
import { createEspeakTts, type TtsPort } from "../tts";
import { createEnergyVad, createSileroVad, type VadPort } from "../vad";
import { createDeferredVad } from "./deferred-vad";
import type { ResolvedRuntimeServerConfig } from "./runtime-server-config";
import { createSynthesizerTts } from "./synthesizer-tts";
import { createTranscriberStt } from "./transcriber-stt";

export interface SpeechProviders {
  /** A fresh detector per session. */
  vad: () => VadPort;
  stt: SttPort;
  tts: TtsPort;
  understanding?: UnderstandingPort;
  generation?: GenerationPort;
  /** e.g. "vad=energy stt=pocketsphinx tts=espeak llm=local". */
  describe: string;
}

/** The VAD, STT, TTS and LLM the configuration names; fails early when one cannot start. */
export async function createSpeechProviders(config: ResolvedRuntimeServerConfig): Promise<SpeechProviders> {
  const env = config.env ?? process.env;
  const o = config.openai;
  const common = {
    ...(o.baseURL !== undefined ? { baseURL: o.baseURL } : {}),
    ...(o.apiKey !== undefined ? { apiKey: o.apiKey } : {}),
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
  };

  let vad: () => VadPort;
  if (config.vad === "silero") {
    await (await createSileroVad()).close(); // loads the model once, so a missing model fails at start
    vad = () => createDeferredVad("silero", () => createSileroVad());
  } else vad = () => createEnergyVad();

  const stt = config.stt === "openai" ? createTranscriberStt(createOpenAiTranscriber({ ...common, model: o.sttModel }, env)) : createPocketsphinxStt();
  const tts = config.tts === "openai" ? createSynthesizerTts(createOpenAiSpeech({ ...common, model: o.ttsModel, voice: o.voice }, env)) : createEspeakTts();
  const llm =
    config.llm === "openai"
      ? { understanding: createOpenAiUnderstanding({ ...common, model: o.model }, env), generation: createOpenAiGeneration({ ...common, model: o.model }, env) }
      : {};
  const describe = `vad=${config.vad} stt=${config.stt} tts=${config.tts} llm=${config.llm === "openai" ? `openai:${o.model}` : "local"}`;
  return { vad, stt, tts, ...llm, describe };
}
