import { z } from "zod";

/** The text channel: JSON text frames on a WebSocket, for chat UIs and the simulator. */
export const TextInboundSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user.text"), text: z.string().min(1) }),
  z.object({ type: z.literal("client.message"), id: z.string().optional(), t: z.string(), d: z.unknown().optional() }),
]);
export type TextInbound = z.infer<typeof TextInboundSchema>;

export const BotStateSchema = z.enum(["listening", "thinking", "speaking"]);

export const TextOutboundSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), sessionId: z.string() }),
  /** Bot text as shown to the user (from RTVI bot-output). */
  z.object({ type: z.literal("bot.text"), text: z.string(), final: z.boolean() }),
  z.object({ type: z.literal("bot.state"), state: BotStateSchema }),
  z.object({ type: z.literal("user.transcript"), text: z.string(), final: z.boolean() }),
  z.object({ type: z.literal("server.message"), data: z.unknown() }),
  z.object({ type: z.literal("server.response"), id: z.string(), ok: z.boolean(), t: z.string().optional(), d: z.unknown().optional(), error: z.string().optional() }),
  z.object({ type: z.literal("error"), error: z.string(), fatal: z.boolean() }),
  /** Any other RTVI message (tokens, metrics, …) passed through unchanged. */
  z.object({ type: z.literal("rtvi"), message: z.unknown() }),
]);
export type TextOutbound = z.infer<typeof TextOutboundSchema>;
