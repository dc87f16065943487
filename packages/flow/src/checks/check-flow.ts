import { withEmbeddedSubflows } from "../graph/embedded-subflows";
import type { Diagnostic } from "../diagnostics";
import type { Flow } from "../schema";
import { createFlowIndex, declaredVariables } from "../graph";
import { checkAmbiguousIntents } from "./ambiguous-intents";
import { checkBadReturns } from "./bad-returns";
import type { Check, CheckContext, CheckFlowOptions } from "./context";
import { checkDeadEnds } from "./dead-ends";
import { checkDuplicateIds } from "./duplicate-ids";
import { checkExpressions } from "./expressions";
import { checkInvalidTriggers } from "./invalid-triggers";
import { checkLoopsWithoutExit } from "./loops-without-exit";
import { checkMissingReferences } from "./missing-references";
import { checkRepromptPaths } from "./reprompt-paths";
import { checkShadowedEdges } from "./shadowed-edges";
import { checkSubflows } from "./subflows";
import { checkTools } from "./tools";
import { checkUnreachableNodes } from "./unreachable-nodes";
import { checkVariableTypes } from "./variable-types";

export const CHECKS: readonly Check[] = [
  checkDuplicateIds,
  checkMissingReferences,
  checkUnreachableNodes,
  checkDeadEnds,
  checkLoopsWithoutExit,
  checkBadReturns,
  checkInvalidTriggers,
  checkShadowedEdges,
  checkExpressions,
  checkVariableTypes,
  checkAmbiguousIntents,
  checkRepromptPaths,
  checkTools,
  checkSubflows,
];

/** JSON pointer segments compared numerically where both are numbers: /nodes/2 before /nodes/10. */
export function comparePaths(a: string, b: string): number {
  const as = a.split("/");
  const bs = b.split("/");
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i] as string;
    const y = bs[i] as string;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

/**
 * Every static check over a validated flow. Diagnostics are sorted by path (then code), each
 * naming its node or edge. Pure: the same flow always gives the same list.
 */
export function checkFlow(flow: Flow, options: CheckFlowOptions = {}): Diagnostic[] {
  // Subflows embedded in the document resolve before the caller's resolver is asked.
  const resolveSubflow = withEmbeddedSubflows(flow, options.resolveSubflow);
  const ctx: CheckContext = { flow, index: createFlowIndex(flow), env: declaredVariables(flow), options: { ...options, ...(resolveSubflow ? { resolveSubflow } : {}) } };
  const all = CHECKS.flatMap((check) => check(ctx));
  const file = options.file;
  return all
    .map((d) => (file !== undefined ? { ...d, file } : d))
    .sort((a, b) => comparePaths(a.path, b.path) || a.code.localeCompare(b.code) || (a.column ?? 0) - (b.column ?? 0));
}
