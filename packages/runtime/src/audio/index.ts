export { bytesToInt16, int16ToBytes, int16ToFloat32, float32ToInt16, concatInt16 } from "./pcm";
export { INPUT_SAMPLE_RATE, OUTPUT_SAMPLE_RATE, FRAME_MS, samplesToMs, msToSamples, bytesToMs } from "./duration";
export { rms, dbfs, peak, SILENCE_DBFS } from "./levels";
export { createFramer, type Framer } from "./framer";
export { readWav, writeWav, type Pcm } from "./wav";
export { createWavStreamDecoder, type WavStreamDecoder } from "./wav-stream";
export { createResampler, resample, type StreamResampler, type ResampleQuality } from "./resampler";
