import type { Client } from "@libsql/client";
import { DbError } from "../errors/db-error";
import type { EmbeddedMigration } from "./embedded-migrations";
import { planMigrations, type MigrationReport } from "./plan-migrations";

const TABLE = "_voxchart_migrations";

/**
 * Applies pending migrations to a SQLite database in one write transaction (BEGIN IMMEDIATE),
 * so two processes starting at once serialise and the second finds nothing to do.
 */
export async function applySqliteMigrations(client: Client, migrations: EmbeddedMigration[]): Promise<MigrationReport> {
  const where = "createDatabase.migrate";
  await client.execute("PRAGMA busy_timeout = 10000");
  try {
    // WAL lets readers and one writer work side by side (no-op for :memory:).
    await client.execute("PRAGMA journal_mode = WAL");
  } catch {
    // Some file systems refuse WAL; the default journal still works.
  }
  const tx = await client.transaction("write");
  try {
    await tx.execute(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" ("name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`,
    );
    const rows = await tx.execute(`SELECT "name", "checksum" FROM "${TABLE}" ORDER BY "name"`);
    const applied = rows.rows.map((row) => ({ name: String(row.name), checksum: String(row.checksum) }));
    const plan = planMigrations(migrations, applied, where);
    for (const migration of plan.pending) {
      try {
        await tx.executeMultiple(migration.sql);
      } catch (cause) {
        throw new DbError(
          "migration-failed",
          `Migration ${migration.name} failed on SQLite: ${cause instanceof Error ? cause.message : String(cause)}. Nothing was applied.`,
          { where, details: { migration: migration.name }, cause },
        );
      }
      await tx.execute({
        sql: `INSERT INTO "${TABLE}" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)`,
        args: [migration.name, migration.checksum, new Date().toISOString()],
      });
    }
    await tx.commit();
    return { applied: plan.pending.map((m) => m.name), alreadyApplied: applied.map((m) => m.name) };
  } finally {
    tx.close();
  }
}
