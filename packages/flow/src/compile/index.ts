export { compileFlow } from "./compile-flow";
export type { CompileOptions, CompileResult, CompiledFlow, FlowMachine } from "./compile-flow";
export type { CompiledNode, NodeSettings } from "./compiled-node";
export type { FlowContext, FlowEvent, FlowEmitted, FlowActorInput, SlotValue as FlowSlotValue, ToolInvocationTarget } from "./types";
export type { StateConfig, TransitionConfig, ActionRef } from "./state-config";
