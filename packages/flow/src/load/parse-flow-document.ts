import { parseJson } from "./parse-json";
import { validateFlow, type FlowLoadResult } from "./validate-flow";

/** Reads a flow from JSON text: syntax errors with line and column, then schema validation. */
export function parseFlowDocument(text: string, file?: string): FlowLoadResult {
  const parsed = parseJson(text, file);
  if (!parsed.ok) return parsed;
  return validateFlow(parsed.value, file);
}
