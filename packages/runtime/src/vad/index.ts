export type { VadPort, VadEvent, VadResult, EndpointingOptions, Endpointing } from "./vad-port";
export { EndpointingSchema } from "./vad-port";
export { createEndpointer, type Endpointer } from "./endpointer";
export { createEnergyVad, EnergyVadSchema, type EnergyVadOptions } from "./energy-vad";
export { createSileroVad, defaultSileroModelPath, SileroVadSchema, type SileroVadOptions } from "./silero-vad";
export { createVadStage, type VadStageOptions } from "./vad-stage";
