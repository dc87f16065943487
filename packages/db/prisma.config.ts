// Prisma CLI configuration for the SQLite schema (the embedded default).
// The CLI runs with Prisma's JavaScript schema engine and a driver adapter, which works offline
// (Prisma 6.19; see /work/shared/ENVIRONMENT.md). Run it through the package scripts.
import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";

const root = path.resolve(import.meta.dirname, "../..");
const url = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./voxchart.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations/sqlite") },
  adapter: async () => new PrismaLibSQL({ url }),
});
