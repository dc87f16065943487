/** Session persistence for the runtime server: the database store and an in-memory one. */
export type { BeginSessionInput, RegisteredFlow, RuntimeSessionStore, StoredSession, StoredSessionStatus } from "./session-store";
export { createDbSessionStore, openDbSessionStore, DbSessionStoreOptionsSchema, type DbSessionStoreOptions } from "./db-session-store";
export { createMemorySessionStore, MemorySessionStoreOptionsSchema, type MemorySessionStore, type MemorySessionStoreOptions, type MemoryTurn } from "./memory-session-store";
export { registerFlowDocument, slugOfFlowId } from "./register-flow";
