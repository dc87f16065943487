import { createClient as createLibsqlClient } from "@libsql/client";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { embeddedMigrations } from "../generated/migrations";
import { PrismaClient as PostgresPrismaClient } from "../generated/postgresql/client";
import { DbError } from "../errors/db-error";
import { applyPostgresMigrations } from "../migrations/apply-postgres-migrations";
import { applySqliteMigrations } from "../migrations/apply-sqlite-migrations";
import type { MigrationReport } from "../migrations/plan-migrations";
import type { Client } from "./db-context";
import { acquireSqliteClient } from "./shared-sqlite-client";
import { redactUrl, type DatabaseConfig } from "./resolve-database-config";

export interface OpenedClient {
  prisma: Client;
  migrations: MigrationReport;
  close: () => Promise<void>;
}

/** Opens the Prisma client for a config, after applying pending migrations when asked. */
export async function openDatabaseClient(config: DatabaseConfig, migrate: boolean): Promise<OpenedClient> {
  return config.provider === "postgresql" ? openPostgres(config, migrate) : openSqlite(config, migrate);
}

async function openSqlite(config: DatabaseConfig, migrate: boolean): Promise<OpenedClient> {
  if (config.url === ":memory:" && migrate) {
    throw new DbError(
      "invalid-input",
      "An in-memory SQLite database cannot be shared between the migrator and the client: use a file (e.g. in a temp dir).",
      { where: "createDatabase" },
    );
  }
  let migrations: MigrationReport = { applied: [], alreadyApplied: [] };
  if (migrate) {
    migrations = await inProcessLock(config.url, async () => {
      const client = createLibsqlClient({ url: config.url });
      try {
        return await applySqliteMigrations(client, embeddedMigrations.sqlite);
      } catch (error) {
        throw wrapOpenError(error, config);
      } finally {
        client.close();
      }
    });
  }
  const { prisma, release } = acquireSqliteClient(config.url);
  return { prisma, migrations, close: release };
}

async function openPostgres(config: DatabaseConfig, migrate: boolean): Promise<OpenedClient> {
  const schema = config.schema ?? "public";
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  let migrations: MigrationReport = { applied: [], alreadyApplied: [] };
  try {
    if (migrate) migrations = await applyPostgresMigrations(pool, schema, embeddedMigrations.postgresql);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw wrapOpenError(error, config);
  }
  const prisma = new PostgresPrismaClient({ adapter: new PrismaPg(pool, { schema }) });
  return {
    // Same generated model, other provider: structurally the same API (see db-context.ts).
    prisma: prisma as unknown as Client,
    migrations,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * libsql runs SQLite synchronously on the JS thread, so two connections of one process waiting
 * on each other's lock would block the thread (and time out) instead of taking turns: migrations
 * of one file are serialised per process here, and across processes by SQLite's own locking.
 */
const sqliteMigrationLocks = new Map<string, Promise<unknown>>();
async function inProcessLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = sqliteMigrationLocks.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  sqliteMigrationLocks.set(key, next);
  try {
    return await next;
  } finally {
    if (sqliteMigrationLocks.get(key) === next) sqliteMigrationLocks.delete(key);
  }
}

function wrapOpenError(error: unknown, config: DatabaseConfig): unknown {
  if (error instanceof DbError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DbError(
    "migration-failed",
    `Could not open and migrate ${config.provider} database ${redactUrl(config.url)}: ${message}`,
    { where: "createDatabase", cause: error },
  );
}
