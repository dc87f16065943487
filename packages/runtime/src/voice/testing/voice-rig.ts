import { compileFlow, FlowSchema, type CompiledFlow, type FlowInput } from "@voxchart/flow";
import { connectPipecatTestClient, createTransportServer, type PipecatTestClient, type PipecatTransportOptions, type TransportServer } from "../../transport";
import { createVoiceAgent, type LiveVoiceSession, type VoiceAgentOptions } from "../create-voice-agent";

export function compile(flow: FlowInput): CompiledFlow {
  const result = compileFlow(FlowSchema.parse(flow));
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("; "));
  return result.compiled;
}

/** A one-node chat: the model answers every turn; "goodbye" ends the call. */
export const CHAT_FLOW: FlowInput = {
  schemaVersion: 1,
  id: "voice-chat",
  name: "Voice chat",
  start: "talk",
  settings: { fillers: ["One moment.", "Let me see."], fillerCooldownMs: 0, latencyBudgetMs: 350, noInputTimeoutMs: 60_000 },
  nodes: [
    { id: "talk", kind: "conversation", task: "Answer questions about the weather.", opening: "Hi." },
    { id: "bye", kind: "end", message: "Goodbye." },
  ],
  edges: [{ id: "e1", from: "talk", to: "bye", trigger: { type: "intent", intent: { name: "goodbye", examples: ["goodbye", "bye now"] } } }],
};

export interface VoiceRig {
  readonly server: TransportServer;
  readonly url: string;
  readonly sessions: LiveVoiceSession[];
  /** Connects a test client and completes the RTVI handshake. */
  connect(): Promise<PipecatTestClient>;
  close(): Promise<void>;
}

/** A transport server on a free local port whose sessions run createVoiceAgent. */
export async function startVoiceRig(agent: Omit<VoiceAgentOptions, "onSession">, transport: PipecatTransportOptions = {}): Promise<VoiceRig> {
  const sessions: LiveVoiceSession[] = [];
  const clients: PipecatTestClient[] = [];
  const server = createTransportServer({ ...transport, onSession: createVoiceAgent({ ...agent, onSession: (live) => sessions.push(live) }) });
  const { url } = await server.listen(0, "127.0.0.1");
  const wsUrl = `${url.replace(/^http/, "ws")}/ws`;
  return {
    server,
    url: wsUrl,
    sessions,
    async connect() {
      const client = await connectPipecatTestClient(wsUrl);
      clients.push(client);
      await client.handshake();
      return client;
    },
    async close() {
      for (const c of clients) c.close();
      await server.close();
    },
  };
}
