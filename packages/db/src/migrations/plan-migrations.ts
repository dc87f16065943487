import { DbError } from "../errors/db-error";
import type { EmbeddedMigration } from "./embedded-migrations";

export interface MigrationReport {
  /** Names applied by this call, in order. */
  applied: string[];
  /** Names that were already recorded before this call. */
  alreadyApplied: string[];
}

/**
 * Decides which migrations to run. Refuses a database that recorded a migration this code does
 * not know (it is newer than the code) or whose checksum differs (a migration file was edited
 * after being applied): both need a person, not a guess.
 */
export function planMigrations(
  known: EmbeddedMigration[],
  applied: { name: string; checksum: string }[],
  where: string,
): { pending: EmbeddedMigration[] } {
  const byName = new Map(known.map((m) => [m.name, m]));
  for (const record of applied) {
    const migration = byName.get(record.name);
    if (!migration) {
      throw new DbError(
        "migration-failed",
        `The database has migration ${record.name}, which this version of @voxchart/db does not know: it was migrated by newer code. Upgrade this process or use another database.`,
        { where, details: { migration: record.name } },
      );
    }
    if (migration.checksum !== record.checksum) {
      throw new DbError(
        "migration-failed",
        `Migration ${record.name} was changed after it was applied (checksum differs). Restore prisma/migrations/*/${record.name}/migration.sql and add a new migration instead.`,
        { where, details: { migration: record.name, recorded: record.checksum, current: migration.checksum } },
      );
    }
  }
  const done = new Set(applied.map((m) => m.name));
  return { pending: [...known].sort((a, b) => a.name.localeCompare(b.name)).filter((m) => !done.has(m.name)) };
}
