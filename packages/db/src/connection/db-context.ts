import type { PrismaClient } from "../generated/sqlite/client";
import type { DatabaseProvider } from "./resolve-database-config";

/**
 * The SQLite and PostgreSQL clients are generated from one model and have the same shape; the
 * operations are written against the SQLite client type (the PostgreSQL one is cast to it in
 * open-database-client.ts). Keep provider-specific query options (e.g. `mode: "insensitive"`)
 * out of operations.
 */
export type Client = PrismaClient;

/** What every operation receives; not part of the public API. */
export interface DbContext {
  readonly prisma: Client;
  readonly provider: DatabaseProvider;
  /** The clock (tests pass a fixed one). */
  readonly now: () => Date;
}

/** A Prisma interactive-transaction client. */
export type TxClient = Parameters<Parameters<Client["$transaction"]>[0]>[0];
