import { z } from "zod";
import {
  ProviderError,
  type IntentMatch,
  type SlotValue,
  type UnderstandRequest,
  type UnderstandResult,
  type UnderstandingPort,
} from "@voxchart/engine";
import { openWithRetries } from "./attempts";
import { intentTool, type ChatTool, type IntentTool } from "./intent-tools";
import { createOpenAiClient, resolveOpenAiConfig, retryPolicyOf, type Env, type OpenAiConfigInput } from "./openai-config";
import { pickValidValues, slotsObjectSchema, toToolParameters, type SlotArgumentsSchema } from "./slot-schemas";

export const FILL_SLOTS_TOOL = "fill_slots";
export const CONFIRM_TOOL = "confirm";
/** A model gives no score; an intent it chose counts as confident, below an exact local match. */
export const MODEL_INTENT_CONFIDENCE = 0.9;

export type OpenAiUnderstandingConfig = OpenAiConfigInput & {
  /** IANA time zone used to state "today" in the prompt (default UTC). */
  timeZone?: string;
};

const ConfirmSchema = z.object({ answer: z.enum(["yes", "no"]).describe("yes if the user agreed, no if they declined or corrected something") });

/**
 * UnderstandingPort over one non-streaming chat completion: each candidate intent is a function,
 * `fill_slots` takes any of the node's slots, `confirm` answers a pending yes/no question.
 * Values are checked per field: a wrong-typed value is dropped, the rest are kept.
 */
export function createOpenAiUnderstanding(input: OpenAiUnderstandingConfig, env?: Env): UnderstandingPort {
  const { timeZone = "UTC", ...rest } = input;
  const config = resolveOpenAiConfig(rest, env);
  const client = createOpenAiClient(config);
  const policy = retryPolicyOf(config);

  async function understand(request: UnderstandRequest): Promise<UnderstandResult> {
    const intents = new Map<string, IntentTool>(request.intents.map((i) => [i.name, intentTool(i, { allOptional: true })]));
    const slotSchema = request.slots.length > 0 ? slotsObjectSchema(request.slots, { allOptional: true }) : undefined;
    const tools: ChatTool[] = [...intents.values()].map((t) => t.tool);
    if (slotSchema) tools.push(fillSlotsTool(slotSchema));
    if (request.expectConfirmation) tools.push(confirmTool());
    const empty: UnderstandResult = { intent: null, slots: {}, confirmation: null };
    if (tools.length === 0) return empty;

    const { value: completion, attempt } = await openWithRetries(
      (signal) =>
        client.chat.completions.create(
          {
            model: config.model,
            temperature: 0,
            messages: [
              { role: "system", content: systemPrompt(request, timeZone) },
              { role: "user", content: request.text },
            ],
            tools,
            tool_choice: "auto",
          },
          { signal },
        ),
      { operation: "understanding", policy, timeoutMs: config.timeoutMs, signal: request.signal },
    );
    attempt.release();

    const result = { ...empty, slots: {} as Record<string, SlotValue> };
    for (const call of completion.choices[0]?.message.tool_calls ?? []) {
      if (call.type !== "function") continue;
      const args = parseArgumentsObject(call.function.name, call.function.arguments);
      if (call.function.name === FILL_SLOTS_TOOL && slotSchema) {
        Object.assign(result.slots, pickValidValues(slotSchema, args));
      } else if (call.function.name === CONFIRM_TOOL && request.expectConfirmation) {
        const parsed = ConfirmSchema.safeParse(args);
        if (parsed.success) result.confirmation = parsed.data.answer;
      } else {
        const tool = intents.get(call.function.name);
        if (!tool) {
          throw new ProviderError("provider/unknown-tool", `understanding: the model called "${call.function.name}", which is not offered`, {
            retryable: false,
          });
        }
        // The first intent wins; a model rarely means two at once, and the engine takes one.
        result.intent ??= intentMatch(call.function.name, tool.schema, args);
      }
    }
    return result;
  }

  return { name: `openai:${config.model}`, understand };
}

function intentMatch(name: string, schema: SlotArgumentsSchema, args: Record<string, unknown>): IntentMatch {
  return { name, confidence: MODEL_INTENT_CONFIDENCE, arguments: pickValidValues(schema, args) };
}

function fillSlotsTool(schema: SlotArgumentsSchema): ChatTool {
  return {
    type: "function",
    function: {
      name: FILL_SLOTS_TOOL,
      description: "Record values the user gave for any of these slots. Include only values the user actually said.",
      parameters: toToolParameters(schema),
    },
  };
}

function confirmTool(): ChatTool {
  return {
    type: "function",
    function: {
      name: CONFIRM_TOOL,
      description: "The user answered the yes/no confirmation question (yes, right, correct; or no, wrong).",
      parameters: toToolParameters(ConfirmSchema),
    },
  };
}

/** States today's date (relative dates need it) and what the node is waiting for. */
export function systemPrompt(request: UnderstandRequest, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "long" }).format(request.now);
  const date = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(request.now);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hour12: false }).format(request.now);
  const lines = [
    "You read one utterance of a caller talking to a voice assistant and report what it means by calling functions.",
    `Today is ${day}, ${date}; the time is ${time} (${timeZone}). Resolve relative dates and times against it.`,
    "Call a function only for what the utterance says; call none if nothing applies. Never invent values.",
  ];
  if (request.focusSlot) lines.push(`The assistant just asked for "${request.focusSlot}": a bare answer is a value for it.`);
  if (request.expectConfirmation) lines.push("The assistant just asked a yes/no confirmation question.");
  return lines.join("\n");
}

function parseArgumentsObject(name: string, raw: string): Record<string, unknown> {
  try {
    const data: unknown = raw.trim() === "" ? {} : JSON.parse(raw);
    if (typeof data === "object" && data !== null && !Array.isArray(data)) return data as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new ProviderError("provider/bad-tool-arguments", `understanding: arguments of "${name}" are not a JSON object`, {
    retryable: false,
  });
}
