// `npm run migration:create -w @voxchart/db -- <name>`: after editing prisma/schema.prisma,
// writes prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql.
//
// `prisma migrate dev` does not work offline with the JS schema engine, and `migrate diff
// --from-migrations` needs a shadow database the libsql adapter cannot give, so the diff is
// computed between two datamodels: prisma/migrations/schema.snapshot.prisma (the schema as of
// the latest migration, written by this script) and the current schema.
// The PostgreSQL diff needs a reachable PostgreSQL (the CLI's pg adapter connects even for a
// datamodel-only diff): DATABASE_URL, else VOXCHART_TEST_POSTGRES_URL, else run
// scripts/start-test-postgres.sh first.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema, prismaDir, syncSchemas } from "./sync-schemas";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaBin = path.resolve(packageDir, "../../node_modules/.bin/prisma");

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:create -w @voxchart/db -- <name in snake_case>");
  process.exit(2);
}
const pgUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : process.env.VOXCHART_TEST_POSTGRES_URL;
if (!pgUrl) {
  console.error("Set DATABASE_URL or VOXCHART_TEST_POSTGRES_URL to a PostgreSQL URL (see scripts/start-test-postgres.sh).");
  process.exit(2);
}

syncSchemas();
const snapshot = path.join(prismaDir, "migrations/schema.snapshot.prisma");
const work = path.join(tmpdir(), `voxchart-migration-${process.pid}`);
mkdirSync(work, { recursive: true });
const fromPg = path.join(work, "from.postgresql.prisma");
writeFileSync(fromPg, derivePostgresSchema(readFileSync(snapshot, "utf8")));

function diff(args: string[], databaseUrl: string): string {
  const result = spawnSync(prismaBin, ["migrate", "diff", ...args, "--script"], {
    cwd: packageDir,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
  });
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stderr}`);
  return result.stdout;
}

const sqliteSql = diff(
  ["--from-schema-datamodel", snapshot, "--to-schema-datamodel", path.join(prismaDir, "schema.prisma")],
  `file:${path.join(work, "cli.db")}`,
);
const pgSql = diff(
  [
    "--config",
    "prisma.postgresql.config.ts",
    "--from-schema-datamodel",
    fromPg,
    "--to-schema-datamodel",
    path.join(prismaDir, "schema.postgresql.prisma"),
  ],
  pgUrl,
);
rmSync(work, { recursive: true, force: true });

if (!/\S/.test(sqliteSql.replace(/^--.*$/gm, "")) && !/\S/.test(pgSql.replace(/^--.*$/gm, ""))) {
  console.log("schema.prisma has no change since the latest migration: nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
for (const [provider, sql] of [["sqlite", sqliteSql], ["postgresql", pgSql]] as const) {
  const dir = path.join(prismaDir, "migrations", provider, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote prisma/migrations/${provider}/${folder}/migration.sql`);
}
copyFileSync(path.join(prismaDir, "schema.prisma"), snapshot);
console.log("updated prisma/migrations/schema.snapshot.prisma. Review the SQL (SQLite table rebuilds especially) before committing.");
