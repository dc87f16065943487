/**
 * The safe expression and template language of flows: conditions such as
 * `party_size > 8 && !vip` and prompts such as "A table for {{ party_size }}, right?".
 * Parsed by our own parser and evaluated by a tree walk: never eval, no prototype access.
 */
export type {
  BinaryNode,
  BinaryOperator,
  CallNode,
  ConditionalNode,
  ExpressionNode,
  IndexNode,
  ListNode,
  LiteralNode,
  LogicalNode,
  LogicalOperator,
  MemberNode,
  UnaryNode,
  UnaryOperator,
  VariableNode,
} from "./ast";
export type { ExpressionError, ExpressionProblem } from "./errors";
export type { ExpressionType } from "./types";
export type { Scope, Value } from "./values";
export type { VariableUse } from "./variables";
export type { TypeEnv, CheckResult } from "./check";
export type { Template, TemplateSegment, ParseTemplateResult } from "./template";
export type { ParseExpressionResult } from "./parser";
export type { CompiledExpression, CompiledTemplate } from "./compile";
export type { BuiltinFunction } from "./builtins";

export { parseExpression } from "./parser";
export { evaluate, evaluateCondition } from "./evaluate";
export { checkExpression } from "./check";
export { expressionVariables } from "./variables";
export { parseTemplate, renderTemplate, checkTemplate, templateVariables } from "./template";
export { compileExpression, compileTemplate } from "./compile";
export { BUILTIN_FUNCTIONS, BUILTINS } from "./builtins";
export { isTruthy, toSpeech } from "./values";
