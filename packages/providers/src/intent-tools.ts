import type { ParsedIntent } from "@voxchart/flow";
import type OpenAI from "openai";
import { slotsObjectSchema, toToolParameters, type SlotArgumentsSchema } from "./slot-schemas";

export type ChatTool = OpenAI.Chat.Completions.ChatCompletionFunctionTool;

/** An intent as the model sees it: its description, then its examples (the model never sees our matcher). */
export function intentDescription(intent: ParsedIntent): string {
  const examples = intent.examples.map((e) => `"${e}"`).join(", ");
  return [intent.description, `The user says things like: ${examples}.`].filter(Boolean).join(" ");
}

export interface IntentTool {
  tool: ChatTool;
  schema: SlotArgumentsSchema;
}

/** One function per intent; `allOptional` when values come from a single utterance. */
export function intentTool(intent: ParsedIntent, options: { allOptional: boolean }): IntentTool {
  const schema = slotsObjectSchema(intent.arguments ?? [], options);
  return {
    schema,
    tool: {
      type: "function",
      function: { name: intent.name, description: intentDescription(intent), parameters: toToolParameters(schema) },
    },
  };
}
