/**
 * The parts of @voxchart/flow the builder uses beyond the schema: loading, checks and graph
 * facts. One import site, so the builder's dependence on them is easy to see.
 */
export { parseFlowDocument, validateFlow, checkFlow, allowedTriggers, isTerminalKind } from "@voxchart/flow";
