import type { Flow } from "@voxchart/flow";
import type { SessionStore } from "../voice";

/** Where a stored session stands; only "active" sessions resume. */
export type StoredSessionStatus = "active" | "ended" | "transferred" | "expired";

/** What the server needs to know about a stored session before it lets a client resume it. */
export interface StoredSession {
  readonly token: string;
  readonly status: StoredSessionStatus;
  /** Epoch milliseconds: the session limit counts from here, across reconnects and processes. */
  readonly startedAt: number;
  /** The store's id of the flow (a database flow id, or the document id in memory). */
  readonly flowId: string;
  /** The published version the session runs; null when none was recorded. */
  readonly versionId: string | null;
}

/** A flow as the store knows it: where sessions of it are filed. */
export interface RegisteredFlow {
  readonly flowId: string;
  readonly versionId: string | null;
}

export interface BeginSessionInput {
  readonly flowId: string;
  readonly versionId?: string | null;
  readonly deploymentId?: string | null;
  /** Chosen by the store (192 random bits) when absent. */
  readonly token?: string;
}

/**
 * The runtime server's persistence: the voice agent's SessionStore (load, save after every turn,
 * end) plus what the server does around it: registering the flows it serves, opening a session
 * record at POST /start, checking a token before resuming, and reading a published version back.
 */
export interface RuntimeSessionStore extends SessionStore {
  /** "memory", "sqlite" or "postgresql". */
  readonly kind: string;
  /** Files a flow document so sessions can refer to it; returns its ids (idempotent). */
  register(flow: Flow): Promise<RegisteredFlow>;
  /** A published version's document and flow id, for sessions that began on another version. */
  version(versionId: string): Promise<{ readonly flowId: string; readonly document: unknown } | null>;
  /** Creates an active session record with an empty snapshot; returns its token. */
  begin(input: BeginSessionInput): Promise<string>;
  /** The session for a token (marked expired first when past its resume window), or null. */
  get(token: string): Promise<StoredSession | null>;
  /** Marks every session past its resume window expired (lists then tell the truth); returns how many. */
  sweep(): Promise<number>;
  close(): Promise<void>;
}
