import type { CompiledFlow } from "@voxchart/flow";
import type { RuntimeSessionStore, StoredSession } from "../store";
import { compileFlowDocument } from "./load-flow";

/** A flow this server can run, with the ids its sessions are filed under. */
export interface ServedFlow {
  readonly compiled: CompiledFlow;
  /** The store's flow id (the database flow id; the document id in memory). */
  readonly flowId: string;
  readonly versionId: string | null;
  readonly deploymentId: string | null;
  /** Where it came from: a file path, "request", or "version <id>". */
  readonly source: string;
}

export interface FlowCatalog {
  /** The flow new sessions start on. */
  current(): ServedFlow;
  /** Makes a compiled flow current (registering it in the store); live sessions keep theirs. */
  deploy(compiled: CompiledFlow, source: string, deploymentId?: string | null): Promise<ServedFlow>;
  /** Makes a published version current. */
  deployVersion(versionId: string, deploymentId?: string | null): Promise<ServedFlow>;
  /** The flow a stored session runs: the version it began on, loaded from the store when needed. */
  forSession(session: StoredSession): Promise<ServedFlow>;
}

/**
 * The flows of one server process: the current one, and every version a session may still be
 * running (a session keeps the version it began on, even after a deploy or on another process).
 */
export async function createFlowCatalog(store: RuntimeSessionStore, initial: CompiledFlow, source: string, baseFile: string | undefined): Promise<FlowCatalog> {
  const byVersion = new Map<string, ServedFlow>();
  const loading = new Map<string, Promise<ServedFlow>>();

  const remember = (served: ServedFlow) => {
    if (served.versionId) byVersion.set(served.versionId, served);
    return served;
  };

  async function register(compiled: CompiledFlow, from: string, deploymentId: string | null): Promise<ServedFlow> {
    const ids = await store.register(compiled.flow);
    return remember({ compiled, flowId: ids.flowId, versionId: ids.versionId, deploymentId, source: from });
  }

  async function loadVersion(versionId: string, deploymentId: string | null): Promise<ServedFlow> {
    const known = byVersion.get(versionId);
    if (known) return deploymentId === null || known.deploymentId === deploymentId ? known : { ...known, deploymentId };
    let pending = loading.get(versionId);
    if (!pending) {
      pending = (async () => {
        const version = await store.version(versionId);
        if (!version) throw new Error(`flow version ${versionId} was not found`);
        const compiled = compileFlowDocument(version.document, `version ${versionId}`, baseFile);
        return remember({ compiled, flowId: version.flowId, versionId, deploymentId, source: `version ${versionId}` });
      })();
      loading.set(versionId, pending);
      pending.finally(() => loading.delete(versionId)).catch(() => undefined);
    }
    return pending;
  }

  let current = await register(initial, source, null);

  return {
    current: () => current,
    async deploy(compiled, from, deploymentId = null) {
      current = await register(compiled, from, deploymentId);
      return current;
    },
    async deployVersion(versionId, deploymentId = null) {
      current = await loadVersion(versionId, deploymentId);
      return current;
    },
    async forSession(session) {
      if (session.versionId) return loadVersion(session.versionId, null);
      if (session.flowId === current.flowId) return current;
      throw new Error(`the session's flow ${session.flowId} is not served here`);
    },
  };
}
