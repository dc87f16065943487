export { parseFlowDocument } from "./parse-flow-document";
export { validateFlow, type FlowLoadResult } from "./validate-flow";
export { flowJsonSchema, type JsonSchema } from "./flow-json-schema";
export { lineAndColumn } from "./parse-json";
