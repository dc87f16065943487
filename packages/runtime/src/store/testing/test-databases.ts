import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** The PostgreSQL the multi-process tests share; CI sets it (see packages/db/scripts/start-test-postgres.sh). */
export const postgresTestUrl = process.env["VOXCHART_TEST_POSTGRES_URL"]?.trim() || undefined;

/** Why PostgreSQL tests are skipped here; CI must not skip them silently, so under CI=true a missing URL fails. */
export function postgresSkipReason(): string | undefined {
  if (postgresTestUrl) return undefined;
  if (process.env["CI"]) throw new Error("CI is set but VOXCHART_TEST_POSTGRES_URL is not: the PostgreSQL tests must run in CI");
  return "VOXCHART_TEST_POSTGRES_URL is not set (start one with: export VOXCHART_TEST_POSTGRES_URL=\"$(bash packages/db/scripts/start-test-postgres.sh)\")";
}

export interface TestDatabase {
  readonly url: string;
  dispose(): Promise<void>;
}

/** A fresh SQLite file in a temp dir. */
export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), "voxchart-runtime-"));
  return { url: join(dir, "voxchart.db"), dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** A fresh schema in the test PostgreSQL, dropped by dispose(). */
export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  if (!postgresTestUrl) throw new Error("VOXCHART_TEST_POSTGRES_URL is not set");
  const schema = `rt_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(postgresTestUrl);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    async dispose() {
      const client = new pg.Client({ connectionString: postgresTestUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
