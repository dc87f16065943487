export { checkFlow, comparePaths, CHECKS } from "./check-flow";
export type { Check, CheckContext, CheckFlowOptions } from "./context";
export { isAssignable, isBooleanish } from "./type-compat";
export { fitsType } from "./variable-types";
export { normaliseExample, jaccard, JACCARD_THRESHOLD } from "./ambiguous-intents";
