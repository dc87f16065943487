// Prisma CLI configuration for the PostgreSQL schema (derived from prisma/schema.prisma).
// Used with `prisma --config prisma.postgresql.config.ts ...`; needs DATABASE_URL only for
// commands that connect (migrate deploy/status), not for generate or migrate diff --from-empty.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const root = path.resolve(import.meta.dirname, "../..");
const url = process.env.DATABASE_URL ?? "postgresql://localhost:5432/voxchart";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma/schema.postgresql.prisma"),
  migrations: { path: path.join(root, "prisma/migrations/postgresql") },
  adapter: async () => new PrismaPg({ connectionString: url }),
});
