/** The runtime server: a flow behind the transports, sessions persisted and resumable, deployable at run time. */
export { createRuntimeServer, type RuntimeServer } from "./create-runtime-server";
export { RuntimeServerConfigSchema, OpenAiSettingsSchema, type RuntimeServerConfig, type ResolvedRuntimeServerConfig, type OpenAiSettings } from "./runtime-server-config";
export { DeployRequestSchema, type DeployRequest } from "./admin-routes";
export type { ServedFlow } from "./flow-catalog";
export { loadFlowFile, compileFlowDocument, FlowLoadError } from "./load-flow";
export { createTranscriberStt } from "./transcriber-stt";
export { createSynthesizerTts } from "./synthesizer-tts";
export { createDeferredVad } from "./deferred-vad";
export { runServe, parseServeArgs, parseDuration, SERVE_HELP, type ServeIo } from "./serve-command";
export { loadToolsModule } from "./load-tools";
