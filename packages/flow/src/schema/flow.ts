import { z } from "zod";
import {
  DurationMsSchema,
  FLOW_SCHEMA_VERSION,
  IdSchema,
  JsonValueSchema,
  TemplateSchema,
  ValueTypeSchema,
  VariableNameSchema,
} from "./primitives";
import { IntentSchema } from "./intent";
import { BargeInPolicySchema, LatencyBudgetsSchema, NodeSchema } from "./node";
import { EdgeSchema } from "./edge";

export const VariableSchema = z
  .object({
    type: ValueTypeSchema,
    default: JsonValueSchema.optional(),
    description: z.string().optional(),
  })
  .strict();
export type Variable = z.infer<typeof VariableSchema>;

/** What a global handler does when its intent is heard. */
export const GlobalActionSchema = z.discriminatedUnion("type", [
  /** Go to a node; edges to `@return` from there come back to where the user was. */
  z.object({ type: z.literal("goto"), target: IdSchema }).strict(),
  /** Say something, then return to where the user was (the node asks again). */
  z.object({ type: z.literal("say"), text: TemplateSchema }).strict(),
  /** Repeat what the assistant said last. */
  z.object({ type: z.literal("repeat") }).strict(),
  /** Reset every variable and go back to the start node. */
  z.object({ type: z.literal("restart"), text: TemplateSchema.optional() }).strict(),
  /** End the conversation. */
  z.object({ type: z.literal("end"), text: TemplateSchema.optional() }).strict(),
]);
export type GlobalAction = z.infer<typeof GlobalActionSchema>;

export const GlobalHandlerSchema = z
  .object({
    id: IdSchema,
    intent: IntentSchema,
    action: GlobalActionSchema,
    /** Only active in these nodes (default: all). */
    nodes: z.array(IdSchema).optional(),
    /** Never active in these nodes. */
    exceptNodes: z.array(IdSchema).optional(),
  })
  .strict();
export type GlobalHandler = z.input<typeof GlobalHandlerSchema>;

export const ToolDeclarationSchema = z
  .object({
    description: z.string().optional(),
    parameters: z.record(z.string(), ValueTypeSchema).default({}),
    result: ValueTypeSchema.default("any"),
  })
  .strict();

export const FlowSettingsSchema = z
  .object({
    language: z.string().default("en-US"),
    /** Default system prompt for conversation nodes. */
    persona: TemplateSchema.optional(),
    latencyBudgetMs: DurationMsSchema.default(350),
    noInputTimeoutMs: DurationMsSchema.default(8000),
    maxAttempts: z.number().int().min(1).max(10).default(3),
    /** Fillers used when a node has none of its own. */
    fillers: z.array(z.string().min(1)).default(["One moment.", "Let me check that.", "Just a second."]),
    /** At most one filler per this many milliseconds. */
    fillerCooldownMs: DurationMsSchema.default(4000),
    budgets: LatencyBudgetsSchema.optional(),
    bargeIn: BargeInPolicySchema.default({ mode: "allow" }),
    onInterrupt: z.enum(["next-turn", "resume", "reask"]).default("next-turn"),
    backchannels: z.boolean().default(false),
  })
  .strict();
export type FlowSettings = z.output<typeof FlowSettingsSchema>;

export const FlowSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
    id: IdSchema,
    name: z.string().min(1).max(200),
    description: z.string().optional(),
    /** The node the conversation begins in. */
    start: IdSchema,
    variables: z.record(VariableNameSchema, VariableSchema).default({}),
    settings: FlowSettingsSchema.default(FlowSettingsSchema.parse({})),
    tools: z.record(IdSchema, ToolDeclarationSchema).default({}),
    globals: z.array(GlobalHandlerSchema).default([]),
    nodes: z.array(NodeSchema).min(1, "a flow needs at least one node"),
    edges: z.array(EdgeSchema).default([]),
    /**
     * Flows this one calls, embedded so the document stands alone (what the builder deploys and
     * exports): a subflow node's `flow` names a key here before it names a file.
     */
    get subflows() {
      return z.record(z.string().min(1), FlowSchema).optional();
    },
  })
  .strict();

/** A flow as written (defaults optional). */
export type FlowInput = z.input<typeof FlowSchema>;
/** A flow after validation, with every default filled in. */
export type Flow = z.output<typeof FlowSchema>;
