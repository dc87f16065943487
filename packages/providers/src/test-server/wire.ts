import { z } from "zod";

/** The parts of the OpenAI request bodies this server reads; everything else passes unchecked. */

const TextPartSchema = z.object({ type: z.literal("text"), text: z.string() }).loose();

export const ChatMessageSchema = z
  .object({
    role: z.string(),
    content: z.union([z.string(), z.array(z.union([TextPartSchema, z.object({ type: z.string() }).loose()])), z.null()]).optional(),
  })
  .loose();
export type WireChatMessage = z.infer<typeof ChatMessageSchema>;

export const JsonSchemaPropertySchema = z
  .object({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    enum: z.array(z.unknown()).optional(),
    format: z.string().optional(),
    pattern: z.string().optional(),
    description: z.string().optional(),
  })
  .loose();
export type JsonSchemaProperty = z.infer<typeof JsonSchemaPropertySchema>;

export const FunctionToolSchema = z
  .object({
    type: z.literal("function"),
    function: z
      .object({
        name: z.string(),
        description: z.string().optional(),
        parameters: z
          .object({
            properties: z.record(z.string(), JsonSchemaPropertySchema).optional(),
            required: z.array(z.string()).optional(),
          })
          .loose()
          .optional(),
      })
      .loose(),
  })
  .loose();
export type WireFunctionTool = z.infer<typeof FunctionToolSchema>;

export const ChatRequestSchema = z
  .object({
    model: z.string().min(1),
    messages: z.array(ChatMessageSchema).min(1),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).loose().nullish(),
    tools: z.array(z.union([FunctionToolSchema, z.object({ type: z.string() }).loose()])).optional(),
    tool_choice: z.unknown().optional(),
    parallel_tool_calls: z.boolean().nullish(),
  })
  .loose();
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

export const SpeechRequestSchema = z
  .object({
    model: z.string().min(1),
    input: z.string().min(1).max(4096),
    voice: z.string().min(1),
    response_format: z.enum(["pcm", "wav"], { message: 'this server produces "pcm" or "wav" only' }).default("wav"),
    speed: z.number().min(0.25).max(4).optional(),
  })
  .loose();
export type SpeechRequest = z.infer<typeof SpeechRequestSchema>;

export function messageText(message: WireChatMessage): string {
  const content = message.content;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => (part.type === "text" && typeof part["text"] === "string" ? part["text"] : "")).join("");
}

export function functionTools(request: ChatRequest): WireFunctionTool[] {
  return (request.tools ?? []).flatMap((tool) => {
    const parsed = FunctionToolSchema.safeParse(tool);
    return parsed.success ? [parsed.data] : [];
  });
}
