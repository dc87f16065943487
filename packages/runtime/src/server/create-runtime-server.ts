import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve } from "node:path";
import type { CompiledFlow } from "@voxchart/flow";
import type { RuntimeSessionStore, StoredSession } from "../store";
import { createMemorySessionStore, openDbSessionStore } from "../store";
import { createTransportServer, rtvi, type TransportServer, type TransportSession } from "../transport";
import type { TtsPort } from "../tts";
import { cacheablePhrases, createPhraseCacheTts, createTurnHandler, createVoiceAgent, TIER_SETTINGS, type LiveVoiceSession, type SessionStore } from "../voice";
import { createAdminRoutes, describeServed } from "./admin-routes";
import { createFlowCatalog, type FlowCatalog, type ServedFlow } from "./flow-catalog";
import { compileFlowDocument, loadFlowFile } from "./load-flow";
import { RuntimeServerConfigSchema, type ResolvedRuntimeServerConfig, type RuntimeServerConfig } from "./runtime-server-config";
import { formatLogLine, tokenTag } from "./session-log";
import { createSpeechProviders } from "./speech-providers";

export interface RuntimeServer {
  /** http://host:port */
  readonly url: string;
  readonly port: number;
  readonly config: ResolvedRuntimeServerConfig;
  readonly store: RuntimeSessionStore;
  readonly transport: TransportServer;
  /** The flow new sessions start on. */
  currentFlow(): ServedFlow;
  /** Points new sessions at another flow (what POST /admin/flow does). */
  deploy(target: { readonly compiled: CompiledFlow } | { readonly versionId: string }, deploymentId?: string): Promise<ServedFlow>;
  /** Live voice sessions of this process. */
  sessions(): readonly LiveVoiceSession[];
  /** Closes every session (their snapshots are saved), the HTTP server and the store it opened. */
  close(): Promise<void>;
}

/** What POST /start accepts as its JSON body (client-js `requestData`): a token to resume. */
interface StartRequest {
  token?: string;
}

function startRequestOf(data: unknown): StartRequest {
  if (data === undefined || data === null) return {};
  if (typeof data !== "object" || Array.isArray(data)) throw new Error('POST /start takes {} for a new session or {"token": "..."} to resume one');
  const token = (data as Record<string, unknown>)["token"];
  if (token !== undefined && (typeof token !== "string" || token.length === 0)) throw new Error('"token" must be the string POST /start returned');
  return token === undefined ? {} : { token };
}

async function openStore(config: ResolvedRuntimeServerConfig): Promise<{ store: RuntimeSessionStore; owned: boolean }> {
  if (config.store) return { store: config.store, owned: false };
  if (config.database === "memory") return { store: createMemorySessionStore({ resumeWindowMs: config.resumeWindowMs }), owned: true };
  return { store: await openDbSessionStore(config.database, { resumeWindowMs: config.resumeWindowMs }), owned: true };
}

/**
 * Voxchart's runtime server: a flow behind the Pipecat WebSocket transport, the text channel and
 * POST /start, with sessions saved after every turn so a dropped connection resumes (on this or
 * any process sharing the database) within the session limit, and an admin route to deploy
 * another flow version while it runs. Resolves once it is listening.
 */
export async function createRuntimeServer(input: RuntimeServerConfig): Promise<RuntimeServer> {
  const config = RuntimeServerConfigSchema.parse(input);
  const log = config.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const cwd = config.cwd ?? process.cwd();
  const baseFile = typeof config.flow === "string" ? resolve(cwd, config.flow) : undefined;
  const initial = typeof config.flow === "string" ? await loadFlowFile(config.flow, cwd) : config.flow;
  const providers = await createSpeechProviders(config);
  const { store, owned } = await openStore(config);

  let catalog: FlowCatalog;
  try {
    catalog = await createFlowCatalog(store, initial, baseFile ?? "config", baseFile);
  } catch (error) {
    if (owned) await store.close();
    throw error;
  }

  /** Tiers that speak fillers and backchannels keep their audio ready, per flow (warmed in the background). */
  const speechOf = new WeakMap<CompiledFlow, TtsPort>();
  function ttsFor(compiled: CompiledFlow): TtsPort {
    const tier = TIER_SETTINGS[config.tier];
    if (!tier.fillers && !tier.backchannels) return providers.tts;
    let tts = speechOf.get(compiled);
    if (!tts) {
      const cached = createPhraseCacheTts(providers.tts, cacheablePhrases(compiled));
      void cached.warm().catch(() => undefined);
      speechOf.set(compiled, cached);
      tts = cached;
    }
    return tts;
  }

  ttsFor(catalog.current().compiled);

  const live = new Set<LiveVoiceSession>();
  /** Tokens whose stored snapshot was restored by the agent, and how each session ended. */
  const resumed = new Set<string>();
  const endStatus = new Map<string, string>();

  /** The store as the voice agent sees it: the same, observed for the session log. */
  const agentStore: SessionStore = {
    async load(token) {
      const snapshot = await store.load(token);
      if (snapshot) resumed.add(token);
      return snapshot;
    },
    save: (token, snapshot, turn) => store.save(token, snapshot, turn),
    end(token, status) {
      endStatus.set(token, status);
      return store.end(token, status);
    },
  };

  /** The open connection of each token: a reconnect takes the session over from it. */
  const connectionOf = new Map<string, TransportSession>();

  /** Why a stored session cannot be resumed now, or null when it can. */
  async function refusal(token: string, session: StoredSession | null): Promise<string | null> {
    if (!session) return "unknown session token; POST /start without a token for a new session";
    if (session.status !== "active") return `the session has ${session.status === "expired" ? "expired" : `ended (${session.status})`}; POST /start without a token for a new session`;
    if (Date.now() - session.startedAt >= config.maxSessionMs) {
      await store.end(token, "expired");
      return `the session reached its limit of ${config.maxSessionMs} ms and has expired; POST /start without a token for a new session`;
    }
    return null;
  }

  async function createToken(requestData: unknown): Promise<string> {
    const { token } = startRequestOf(requestData);
    if (token !== undefined) {
      const why = await refusal(token, await store.get(token));
      if (why) throw new Error(why);
      return token;
    }
    const served = catalog.current();
    return store.begin({ flowId: served.flowId, versionId: served.versionId, deploymentId: served.deploymentId });
  }

  function refuse(transport: TransportSession, why: string) {
    log(formatLogLine("refused", { token: tokenTag(transport.token), transport: transport.kind, reason: why }));
    transport.sendRtvi(rtvi.error(why, true));
    transport.close(why);
  }

  async function onSession(transport: TransportSession) {
    const token = transport.token;
    let served = catalog.current();
    let remainingMs = config.maxSessionMs;
    let startedAt = Date.now();
    if (token !== undefined) {
      const stored = await store.get(token);
      const why = await refusal(token, stored);
      if (why || !stored) return refuse(transport, why ?? "unknown session token");
      try {
        served = await catalog.forSession(stored);
      } catch (error) {
        return refuse(transport, `cannot run this session's flow: ${(error as Error).message}`);
      }
      startedAt = stored.startedAt;
      remainingMs = Math.max(1, config.maxSessionMs - (Date.now() - stored.startedAt));
      // A reconnect takes the session over from a connection that is still open (its last snapshot is saved first).
      const previous = connectionOf.get(token);
      if (previous && !previous.closed) {
        previous.sendRtvi(rtvi.error("this session continued on a new connection", true));
        previous.close("replaced by a new connection");
      }
      connectionOf.set(token, transport);
    }
    const connectedAt = Date.now();
    let session: LiveVoiceSession | undefined;
    const ended = (reason: string) => {
      if (session) live.delete(session);
      const status = (token && endStatus.get(token)) ?? "disconnected";
      if (token && connectionOf.get(token) === transport) {
        connectionOf.delete(token);
        endStatus.delete(token);
        resumed.delete(token);
      }
      log(
        formatLogLine("end", {
          token: tokenTag(token),
          transport: transport.kind,
          status,
          reason,
          turns: session?.turns.length ?? 0,
          connectedMs: Date.now() - connectedAt,
          sessionMs: Date.now() - startedAt,
        }),
      );
    };
    const agent = createVoiceAgent({
      compiled: served.compiled,
      tier: config.tier,
      vad: providers.vad,
      stt: providers.stt,
      tts: ttsFor(served.compiled),
      ...(providers.understanding ? { understanding: providers.understanding } : {}),
      ...(providers.generation ? { generation: providers.generation } : {}),
      ...(config.tools ? { tools: config.tools } : {}),
      store: agentStore,
      maxSessionMs: remainingMs,
      onSession: (started) => {
        session = started;
        live.add(started);
        log(
          formatLogLine("start", {
            token: tokenTag(token),
            transport: transport.kind,
            resumed: token !== undefined && resumed.has(token),
            flow: served.compiled.flow.id,
            version: served.versionId,
            tier: config.tier,
            remainingMs,
          }),
        );
        // Subscribed after the agent, so the transport's held events (ready, early audio) go to it.
        if (transport.closed) ended("closed-early");
        else transport.on((event) => event.type === "disconnect" && ended(event.reason.code));
      },
    });
    await agent(transport);
  }

  const transport = createTransportServer({
    onSession,
    // Tier 1 over HTTP: one utterance in, the answer out, the session kept by its token.
    onTurn: createTurnHandler({
      compiled: () => catalog.current().compiled,
      stt: providers.stt,
      tts: ttsFor(catalog.current().compiled),
      ...(providers.understanding ? { understanding: providers.understanding } : {}),
      ...(providers.generation ? { generation: providers.generation } : {}),
      ...(config.tools ? { tools: config.tools } : {}),
      store: agentStore,
    }),
    cors: config.cors,
    start: { createToken, ...(config.wsUrl ? { wsUrl: config.wsUrl } : {}) },
  });

  const admin = createAdminRoutes({
    catalog,
    adminToken: config.adminToken,
    compile: (document) => compileFlowDocument(document, "the posted flow", baseFile),
    health: () => ({ sessions: live.size, tier: config.tier, store: store.kind, providers: providers.describe }),
    onDeploy: (served) => log(formatLogLine("deploy", { flow: served.compiled.flow.id, version: served.versionId, source: served.source })),
  });
  // The transport answers its own routes; the admin routes go first.
  const [transportListener] = transport.httpServer.listeners("request") as ((request: IncomingMessage, response: ServerResponse) => void)[];
  transport.httpServer.removeAllListeners("request");
  transport.httpServer.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (!admin(request, response)) transportListener?.(request, response);
  });

  let address: { port: number; url: string };
  try {
    address = await transport.listen(config.port, config.host);
  } catch (error) {
    if (owned) await store.close();
    throw error;
  }
  const current = catalog.current();
  log(
    `${new Date().toISOString()} runtime listening on ${address.url} flow=${current.compiled.flow.id} version=${current.versionId ?? "none"} tier=${config.tier} store=${store.kind} ${providers.describe} maxSessionMs=${config.maxSessionMs}`,
  );

  // Idle sessions past their resume window are marked expired, so session lists tell the truth.
  const sweeper = setInterval(() => void store.sweep().catch(() => undefined), Math.min(60_000, config.resumeWindowMs));
  sweeper.unref();

  let closing: Promise<void> | undefined;
  return {
    url: address.url,
    port: address.port,
    config,
    store,
    transport,
    currentFlow: () => catalog.current(),
    async deploy(target, deploymentId) {
      const served = "versionId" in target ? await catalog.deployVersion(target.versionId, deploymentId ?? null) : await catalog.deploy(target.compiled, "api", deploymentId ?? null);
      log(formatLogLine("deploy", { ...describeServed(served) }));
      return served;
    },
    sessions: () => [...live],
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        await transport.close();
        if (owned) await store.close();
      })();
      return closing;
    },
  };
}
