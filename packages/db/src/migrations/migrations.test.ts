import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase } from "../create-database";
import { isDbError } from "../errors/db-error";
import { embeddedMigrations } from "../generated/migrations";
import { createPostgresTestSchema, postgresTestUrl } from "../testing/database-fixture";
import { derivePostgresSchema } from "../../scripts/sync-schemas";
import { planMigrations } from "./plan-migrations";

const dirs: string[] = [];
function tempFile(name = "voxchart.db"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "voxchart-migrate-"));
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const allNames = embeddedMigrations.sqlite.map((m) => m.name);

describe("migrations on SQLite", () => {
  it("create the file and apply every migration on first open", async () => {
    const file = tempFile();
    expect(existsSync(file)).toBe(false);
    const db = await createDatabase({ url: file });
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.migrations).toEqual({ applied: allNames, alreadyApplied: [] });
      expect(await db.flows.list()).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it("are idempotent on restart and keep the data", async () => {
    const file = tempFile();
    const first = await createDatabase({ url: `file:${file}` });
    const flow = await first.flows.create({ name: "Kept" });
    await first.close();
    const second = await createDatabase({ url: file });
    try {
      expect(second.migrations).toEqual({ applied: [], alreadyApplied: allNames });
      expect((await second.flows.get({ id: flow.id })).name).toBe("Kept");
    } finally {
      await second.close();
    }
  });

  it("apply once when several processes open a new file at the same time", async () => {
    const file = tempFile();
    const handles = await Promise.all([1, 2, 3, 4].map(() => createDatabase({ url: file })));
    try {
      const appliedBy = handles.filter((h) => h.migrations.applied.length > 0);
      expect(appliedBy).toHaveLength(1);
      const client = createClient({ url: `file:${file}` });
      const rows = await client.execute('SELECT count(*) AS n FROM "_voxchart_migrations"');
      client.close();
      expect(Number(rows.rows[0]?.n)).toBe(allNames.length);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });

  it("refuse a database whose applied migration was edited afterwards", async () => {
    const file = tempFile();
    await (await createDatabase({ url: file })).close();
    const client = createClient({ url: `file:${file}` });
    await client.execute(`UPDATE "_voxchart_migrations" SET "checksum" = 'edited'`);
    client.close();
    await expect(createDatabase({ url: file })).rejects.toMatchObject({
      code: "migration-failed",
      message: expect.stringMatching(/was changed after it was applied/),
    });
  });

  it("refuse a database migrated by newer code", async () => {
    const file = tempFile();
    await (await createDatabase({ url: file })).close();
    const client = createClient({ url: `file:${file}` });
    await client.execute(
      `INSERT INTO "_voxchart_migrations" ("name", "checksum", "appliedAt") VALUES ('29991231000000_future', 'x', 'now')`,
    );
    client.close();
    const error = await createDatabase({ url: file }).catch((e: unknown) => e);
    expect(isDbError(error, "migration-failed")).toBe(true);
    expect(String((error as Error).message)).toMatch(/newer code/);
  });

  it("can be skipped with migrate: false (the tables are then missing on an empty file)", async () => {
    const file = tempFile();
    const db = await createDatabase({ url: file, migrate: false });
    try {
      expect(db.migrations.applied).toEqual([]);
      await expect(db.flows.list()).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});

describe("planMigrations", () => {
  const m = (name: string) => ({ name, sql: "", checksum: `c-${name}` });
  it("returns the unapplied migrations in name order", () => {
    expect(planMigrations([m("2"), m("1"), m("3")], [{ name: "1", checksum: "c-1" }], "t").pending.map((x) => x.name)).toEqual([
      "2",
      "3",
    ]);
  });
});

describe("checked-in migration files", () => {
  const prismaDir = path.resolve(import.meta.dirname, "../../../../prisma");

  it("hold the same migrations for SQLite and PostgreSQL", () => {
    expect(embeddedMigrations.postgresql.map((m) => m.name)).toEqual(allNames);
  });

  it("are what the package embeds (src/generated/migrations.ts is fresh)", () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      for (const migration of embeddedMigrations[provider]) {
        const file = path.join(prismaDir, "migrations", provider, migration.name, "migration.sql");
        expect(readFileSync(file, "utf8")).toBe(migration.sql);
      }
    }
  });

  it("include a PostgreSQL schema derived from schema.prisma (no hand edits)", () => {
    const source = readFileSync(path.join(prismaDir, "schema.prisma"), "utf8");
    expect(readFileSync(path.join(prismaDir, "schema.postgresql.prisma"), "utf8")).toBe(derivePostgresSchema(source));
  });

  it("cover every schema change (schema.prisma equals the snapshot of the latest migration)", () => {
    const schema = readFileSync(path.join(prismaDir, "schema.prisma"), "utf8");
    const snapshot = readFileSync(path.join(prismaDir, "migrations/schema.snapshot.prisma"), "utf8");
    expect(schema, "schema.prisma changed without a migration: run npm run migration:create -w @voxchart/db -- <name>").toBe(
      snapshot,
    );
  });
});

describe.skipIf(!postgresTestUrl)(
  `migrations on PostgreSQL${postgresTestUrl ? "" : " (skipped: set VOXCHART_TEST_POSTGRES_URL)"}`,
  () => {
    it("apply on an empty schema, once under concurrent starts, and are idempotent on restart", async () => {
      const fresh = await createPostgresTestSchema();
      try {
        const handles = await Promise.all([1, 2, 3].map(() => createDatabase({ url: fresh.url })));
        expect(handles.filter((h) => h.migrations.applied.length > 0)).toHaveLength(1);
        await handles[0]?.flows.create({ name: "In its own schema" });
        await Promise.all(handles.map((h) => h.close()));

        const again = await createDatabase({ url: fresh.url });
        expect(again.migrations).toEqual({ applied: [], alreadyApplied: allNames });
        expect((await again.flows.list()).map((f) => f.name)).toEqual(["In its own schema"]);
        await again.close();

        const client = new pg.Client({ connectionString: postgresTestUrl });
        await client.connect();
        const tables = await client.query<{ table_name: string }>(
          "select table_name from information_schema.tables where table_schema = $1 order by table_name",
          [fresh.schema],
        );
        await client.end();
        expect(tables.rows.map((r) => r.table_name)).toEqual([
          "Deployment",
          "Flow",
          "FlowVersion",
          "Session",
          "TestCase",
          "TestRun",
          "Turn",
          "_voxchart_migrations",
        ]);
      } finally {
        await fresh.drop();
      }
    });
  },
);
