import { z } from "zod";
import {
  DurationMsSchema,
  ExpressionSchema,
  IdSchema,
  PositionSchema,
  TemplateSchema,
  VariableNameSchema,
} from "./primitives";
import { SlotSchema } from "./slot";

/** How the user may interrupt what this node says. */
export const BargeInPolicySchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("allow") }).strict(),
  /** Critical text (a disclaimer): the user's speech does not cut it. */
  z.object({ mode: z.literal("ignore") }).strict(),
  z.object({ mode: z.literal("after"), afterMs: DurationMsSchema }).strict(),
]);
export type BargeInPolicy = z.infer<typeof BargeInPolicySchema>;

/** Per-component latency budgets in milliseconds; turns that exceed them are reported. */
export const LatencyBudgetsSchema = z
  .object({
    understandingMs: DurationMsSchema.optional(),
    llmFirstTokenMs: DurationMsSchema.optional(),
    toolMs: DurationMsSchema.optional(),
    firstSpeechMs: DurationMsSchema.optional(),
  })
  .strict();
export type LatencyBudgets = z.infer<typeof LatencyBudgetsSchema>;

/** Fields every node kind has. Timing fields override the flow's settings for this node. */
const nodeBase = {
  id: IdSchema,
  label: z.string().max(200).optional(),
  description: z.string().optional(),
  position: PositionSchema.optional(),
  /** Short phrases the dialogue track may say while this node's answer is slow. */
  fillers: z.array(z.string().min(1)).optional(),
  /** How long after the user's turn ends the dialogue track waits before a filler. */
  latencyBudgetMs: DurationMsSchema.optional(),
  budgets: LatencyBudgetsSchema.optional(),
  /** How long silence lasts before it counts as no input. */
  noInputTimeoutMs: DurationMsSchema.optional(),
  bargeIn: BargeInPolicySchema.optional(),
  /**
   * When the user cuts this node's speech with words that mean nothing here: "next-turn" treats
   * them as the answer (a no-match), "resume" finishes the cut speech, "reask" asks the question again.
   */
  onInterrupt: z.enum(["next-turn", "resume", "reask"]).optional(),
  /** Whether the dialogue track may say "mm-hmm" during a long user turn here. */
  backchannels: z.boolean().optional(),
};

/** Prompts for the no-match and no-input paths, used in turn before the exit is taken. */
const repromptFields = {
  /** Said when the answer was not understood; the last one repeats. */
  noMatchPrompts: z.array(TemplateSchema).optional(),
  /** Said when the user stayed silent; the last one repeats. */
  noInputPrompts: z.array(TemplateSchema).optional(),
  /** Attempts before the noMatch / noInput exit is taken (default: the flow's maxAttempts). */
  maxAttempts: z.number().int().min(1).max(10).optional(),
};

export const SayNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("say"),
    text: TemplateSchema,
    ...repromptFields,
  })
  .strict();

export const CollectNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("collect"),
    prompt: TemplateSchema,
    slots: z.array(SlotSchema).min(1, "a collect node needs at least one slot"),
    /** Asked once every slot is filled; "no" with a correction updates the slot and asks again. */
    confirm: TemplateSchema.optional(),
    ...repromptFields,
  })
  .strict();

export const ConversationNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("conversation"),
    /** Who the assistant is (system prompt); defaults to the flow's persona. */
    role: TemplateSchema.optional(),
    /** What to achieve in this step. */
    task: TemplateSchema,
    /** Said on entering the node, before the user speaks. */
    opening: TemplateSchema.optional(),
    /** What the offline deterministic model answers when no exit applies. */
    localReply: TemplateSchema.optional(),
    /** After this many user turns without an exit, the `noMatch` edge is taken. */
    maxTurns: z.number().int().min(1).max(100).optional(),
    model: z.string().optional(),
    temperature: z.number().min(0).max(2).optional(),
    ...repromptFields,
  })
  .strict();

export const DecideNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("decide"),
  })
  .strict();

export const ToolTargetSchema = z.discriminatedUnion("type", [
  /** A function registered with the engine under this name. */
  z.object({ type: z.literal("function"), name: IdSchema }).strict(),
  z
    .object({
      type: z.literal("http"),
      url: TemplateSchema,
      method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("POST"),
      headers: z.record(z.string(), TemplateSchema).optional(),
    })
    .strict(),
]);
export type ToolTarget = z.infer<typeof ToolTargetSchema>;

export const ToolNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("tool"),
    tool: ToolTargetSchema,
    /** Arguments: name → expression over the flow's variables. */
    args: z.record(z.string(), ExpressionSchema).default({}),
    /** The variable that receives the result (the error message on failure). */
    resultVariable: VariableNameSchema.optional(),
    /** Said while the tool runs, if it is slow (a filler that fits the moment). */
    progressMessage: TemplateSchema.optional(),
    timeoutMs: DurationMsSchema.default(10_000),
  })
  .strict();

export const TransferNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("transfer"),
    /** Where the call goes: a queue name, an agent group or a phone number. */
    target: z.string().min(1),
    message: TemplateSchema.optional(),
    /** A summary handed to the human, e.g. "{{ claim_type }} claim, caller {{ name }}". */
    handoff: TemplateSchema.optional(),
  })
  .strict();

export const SubflowNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("subflow"),
    /** The called flow: a path relative to this file, or a flow id in the builder. */
    flow: z.string().min(1),
    /** The child's variables to set on entry: child variable → expression over this flow. */
    inputs: z.record(VariableNameSchema, ExpressionSchema).default({}),
    /** Values brought back when the child ends: variable here → child variable name. */
    outputs: z.record(VariableNameSchema, VariableNameSchema).default({}),
  })
  .strict();

export const EndNodeSchema = z
  .object({
    ...nodeBase,
    kind: z.literal("end"),
    message: TemplateSchema.optional(),
    /** A label for analytics and tests ("booked", "abandoned"). */
    outcome: z.string().optional(),
  })
  .strict();

export const NodeSchema = z.discriminatedUnion("kind", [
  SayNodeSchema,
  CollectNodeSchema,
  ConversationNodeSchema,
  DecideNodeSchema,
  ToolNodeSchema,
  TransferNodeSchema,
  SubflowNodeSchema,
  EndNodeSchema,
]);
export type FlowNode = z.input<typeof NodeSchema>;
export type ParsedNode = z.output<typeof NodeSchema>;
export type NodeKind = ParsedNode["kind"];
export const NODE_KINDS = NodeSchema.options.map((o) => o.shape.kind.value) as NodeKind[];
export type NodeOfKind<K extends NodeKind> = Extract<ParsedNode, { kind: K }>;
