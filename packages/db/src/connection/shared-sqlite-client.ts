import type { Client as LibsqlClient, Config as LibsqlConfig, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient as SqlitePrismaClient } from "../generated/sqlite/client";

/** How long a SQLite connection waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * libsql runs SQLite synchronously on the JS thread: two connections of one process contending
 * for the write lock cannot take turns (the waiter blocks the thread the holder needs). So all
 * Database handles of a process on one file share one Prisma client, whose adapter serialises
 * its queries and transactions; the client closes when the last handle does. Across processes,
 * SQLite's locking with a busy timeout and WAL applies.
 */
const shared = new Map<string, { prisma: SqlitePrismaClient; refs: number }>();

export function acquireSqliteClient(url: string): { prisma: SqlitePrismaClient; release: () => Promise<void> } {
  let entry = shared.get(url);
  if (!entry) {
    entry = { prisma: new SqlitePrismaClient({ adapter: new BusyTimeoutLibSQL({ url }) }), refs: 0 };
    shared.set(url, entry);
  }
  entry.refs += 1;
  const held = entry;
  let released = false;
  return {
    prisma: held.prisma,
    release: async () => {
      if (released) return;
      released = true;
      held.refs -= 1;
      if (held.refs === 0) {
        if (shared.get(url) === held) shared.delete(url);
        await held.prisma.$disconnect();
      }
    },
  };
}

/** The libsql adapter, with a busy timeout on every connection the client opens. */
class BusyTimeoutLibSQL extends PrismaLibSQL {
  override createClient(config: LibsqlConfig): LibsqlClient {
    const client = super.createClient(config);
    // WAL (set by the migrator) with synchronous=NORMAL: a commit survives a process crash
    // without an fsync per transaction (the usual WAL setting; a power cut may lose the last ones).
    const pragma = `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA synchronous = NORMAL;`;
    void client.executeMultiple(pragma).catch(() => undefined);
    // A transaction takes the client's connection; the client then opens a fresh one.
    const transaction = client.transaction.bind(client);
    client.transaction = async (mode?: TransactionMode) => {
      const tx = await transaction(mode);
      await client.executeMultiple(pragma).catch(() => undefined);
      return tx;
    };
    return client;
  }
}
