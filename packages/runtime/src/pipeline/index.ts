export type {
  Frame,
  FrameType,
  FrameOf,
  FrameFamily,
  Direction,
  SystemFrame,
  DataFrame,
  ControlFrame,
  StartFrame,
  CancelFrame,
  InterruptFrame,
  UserStartedSpeakingFrame,
  UserStoppedSpeakingFrame,
  BotStartedSpeakingFrame,
  BotStoppedSpeakingFrame,
  ErrorFrame,
  MetricsFrame,
  SttHintsFrame,
  AudioInFrame,
  AudioOutFrame,
  TranscriptPartialFrame,
  TranscriptFinalFrame,
  TextChunkFrame,
  TtsTextFrame,
  TurnStartFrame,
  TurnEndFrame,
  EndFrame,
} from "./frames";
export { FRAME_FAMILY, frameFamily, isSystemFrame, isInterruptible, isFrameOf } from "./frames";
export { createProcessor, type Processor, type ProcessorSpec, type ProcessorContext, type FrameSink } from "./processor";
export { createPipeline, type Pipeline, type PipelineOptions } from "./pipeline";
export { createFrameRecorder, type FrameRecorder } from "./frame-recorder";
export {
  RuntimeError,
  isRuntimeError,
  toRuntimeError,
  abortedError,
  type RuntimeErrorCode,
  type RuntimeErrorOptions,
} from "./errors";
