// Writes prisma/schema.postgresql.prisma from prisma/schema.prisma (the one source).
// Prisma ties a schema (and its generated client and migrations) to one provider, so the
// PostgreSQL schema is derived: only the datasource provider and the client output differ.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../prisma");

export function derivePostgresSchema(source: string): string {
  const header =
    "// GENERATED from prisma/schema.prisma by packages/db/scripts/sync-schemas.ts. Do not edit.\n" +
    "// Run `npm run generate -w @voxchart/db` after changing schema.prisma.\n\n";
  const replaced = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output          = "../packages/db/src/generated/sqlite"', 'output          = "../packages/db/src/generated/postgresql"');
  if (!replaced.includes('provider = "postgresql"') || !replaced.includes("generated/postgresql")) {
    throw new Error("sync-schemas: schema.prisma no longer has the expected datasource/generator lines; update scripts/sync-schemas.ts");
  }
  return header + replaced;
}

export function syncSchemas(): boolean {
  const source = readFileSync(path.join(prismaDir, "schema.prisma"), "utf8");
  const target = path.join(prismaDir, "schema.postgresql.prisma");
  const next = derivePostgresSchema(source);
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    current = "";
  }
  if (current === next) return false;
  writeFileSync(target, next);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const changed = syncSchemas();
  console.log(changed ? "wrote prisma/schema.postgresql.prisma" : "prisma/schema.postgresql.prisma is up to date");
}
