import type pg from "pg";
import { DbError } from "../errors/db-error";
import type { EmbeddedMigration } from "./embedded-migrations";
import { planMigrations, type MigrationReport } from "./plan-migrations";

const TABLE = "_voxchart_migrations";
/** Arbitrary constant for pg_advisory_xact_lock: one migrator at a time across processes. */
const LOCK_KEY = 0x766f7863; // "voxc"

/**
 * Applies pending migrations to a PostgreSQL schema in one transaction holding an advisory
 * lock, so several runtime processes starting together on one database migrate once.
 */
export async function applyPostgresMigrations(
  pool: pg.Pool,
  schema: string,
  migrations: EmbeddedMigration[],
): Promise<MigrationReport> {
  const where = "createDatabase.migrate";
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const rows = await client.query<{ name: string; checksum: string }>(
      `SELECT "name", "checksum" FROM "${TABLE}" ORDER BY "name"`,
    );
    const applied = rows.rows;
    const plan = planMigrations(migrations, applied, where);
    for (const migration of plan.pending) {
      try {
        // Prisma's script starts with CREATE SCHEMA IF NOT EXISTS "public"; the tables are
        // unqualified, so they land in the search_path schema chosen above.
        await client.query(migration.sql);
      } catch (cause) {
        throw new DbError(
          "migration-failed",
          `Migration ${migration.name} failed on PostgreSQL: ${cause instanceof Error ? cause.message : String(cause)}. Nothing was applied.`,
          { where, details: { migration: migration.name }, cause },
        );
      }
      await client.query(`INSERT INTO "${TABLE}" ("name", "checksum") VALUES ($1, $2)`, [
        migration.name,
        migration.checksum,
      ]);
    }
    await client.query("COMMIT");
    return { applied: plan.pending.map((m) => m.name), alreadyApplied: applied.map((m) => m.name) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
