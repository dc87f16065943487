// Test helper (not exported from the package): runs one suite against every available database,
// each test on a fresh database: a new SQLite file in a temp dir, or a new PostgreSQL schema
// when VOXCHART_TEST_POSTGRES_URL is set (skipped otherwise, with the reason in the title).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe } from "vitest";
import { createDatabase, type Database } from "../create-database";

export const postgresTestUrl = process.env.VOXCHART_TEST_POSTGRES_URL?.trim() || undefined;

export interface TestClock {
  now: () => Date;
  set: (date: Date) => void;
  advance: (ms: number) => void;
}

export function createTestClock(start = new Date("2026-01-01T09:00:00.000Z")): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = date.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface DatabaseTestContext {
  /** The database of the current test. */
  db: () => Database;
  /** Opens another handle on the same database (a second runtime process, a restart). */
  reopen: () => Promise<Database>;
  clock: TestClock;
  provider: "sqlite" | "postgresql";
}

export function describeForEachDatabase(title: string, suite: (t: DatabaseTestContext) => void): void {
  describeOn("sqlite", title, suite);
  if (postgresTestUrl) {
    describeOn("postgresql", title, suite);
  } else {
    describe.skip(`${title} on postgresql (skipped: set VOXCHART_TEST_POSTGRES_URL, e.g. from packages/db/scripts/start-test-postgres.sh)`, () => {
      suite({
        db: () => {
          throw new Error("skipped");
        },
        reopen: () => Promise.reject(new Error("skipped")),
        clock: createTestClock(),
        provider: "postgresql",
      });
    });
  }
}

function describeOn(provider: "sqlite" | "postgresql", title: string, suite: (t: DatabaseTestContext) => void): void {
  describe(`${title} on ${provider}`, () => {
    const clock = createTestClock();
    let current: Database | undefined;
    let url = "";
    const extra: Database[] = [];
    let cleanup: () => Promise<void> = async () => undefined;

    beforeEach(async () => {
      clock.set(new Date("2026-01-01T09:00:00.000Z"));
      if (provider === "sqlite") {
        const dir = mkdtempSync(path.join(tmpdir(), "voxchart-db-"));
        url = path.join(dir, "test.db");
        cleanup = async () => rmSync(dir, { recursive: true, force: true });
      } else {
        const fresh = await createPostgresTestSchema();
        url = fresh.url;
        cleanup = fresh.drop;
      }
      current = await createDatabase({ url, now: clock.now });
    });

    afterEach(async () => {
      for (const handle of extra.splice(0)) await handle.close();
      await current?.close();
      current = undefined;
      await cleanup();
    });

    suite({
      db: () => {
        if (!current) throw new Error("no database: use db() inside a test");
        return current;
      },
      reopen: async () => {
        const handle = await createDatabase({ url, now: clock.now });
        extra.push(handle);
        return handle;
      },
      clock,
      provider,
    });
  });
}

/** A new empty schema in the test PostgreSQL database, and a way to drop it. */
export async function createPostgresTestSchema(): Promise<{ url: string; schema: string; drop: () => Promise<void> }> {
  if (!postgresTestUrl) throw new Error("VOXCHART_TEST_POSTGRES_URL is not set");
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(postgresTestUrl);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    schema,
    drop: async () => {
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
