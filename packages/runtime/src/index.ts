export * from "./pipeline";
export * from "./audio";
export * from "./vad";
export * from "./stt";
export * from "./tts";
export * from "./transport";
export * from "./voice";
