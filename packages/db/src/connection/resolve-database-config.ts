import path from "node:path";
import { DbError } from "../errors/db-error";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseConfig {
  provider: DatabaseProvider;
  /** For sqlite a `file:` URL with an absolute path (or `:memory:`); for postgresql the URL without `schema`. */
  url: string;
  /** PostgreSQL schema (from `?schema=`), "public" by default; null for sqlite. */
  schema: string | null;
}

/** The embedded default when neither an explicit url, DATABASE_URL nor VOXCHART_DB is set. */
export const DEFAULT_SQLITE_PATH = "./voxchart.db";

/**
 * Chooses the database: an explicit url, else DATABASE_URL, else VOXCHART_DB (a file path or
 * URL), else ./voxchart.db in the working directory. postgres:// and postgresql:// URLs select
 * PostgreSQL; `file:` URLs, plain paths and `:memory:` select SQLite (libsql).
 */
export function resolveDatabaseConfig(
  url: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): DatabaseConfig {
  const raw = nonEmpty(url) ?? nonEmpty(env.DATABASE_URL) ?? nonEmpty(env.VOXCHART_DB) ?? DEFAULT_SQLITE_PATH;
  if (/^postgres(ql)?:\/\//i.test(raw)) return postgresConfig(raw);
  if (raw === ":memory:" || raw === "file::memory:") return { provider: "sqlite", url: ":memory:", schema: null };
  if (/^(libsql|https?|wss?):\/\//i.test(raw)) {
    throw new DbError(
      "invalid-input",
      `Unsupported database URL "${redactUrl(raw)}": use a SQLite file path, a file: URL, or a postgres:// URL.`,
      { where: "createDatabase" },
    );
  }
  const filePath = raw.startsWith("file:") ? raw.slice("file:".length).replace(/^\/\/(?=\/)/, "") : raw;
  return { provider: "sqlite", url: `file:${path.resolve(filePath)}`, schema: null };
}

function postgresConfig(raw: string): DatabaseConfig {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch (cause) {
    throw new DbError("invalid-input", `DATABASE_URL is not a valid PostgreSQL URL: ${redactUrl(raw)}`, {
      where: "createDatabase",
      cause,
    });
  }
  const schema = parsed.searchParams.get("schema") ?? "public";
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new DbError("invalid-input", `PostgreSQL schema "${schema}" must be a plain identifier.`, {
      where: "createDatabase",
    });
  }
  parsed.searchParams.delete("schema");
  return { provider: "postgresql", url: parsed.toString(), schema };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** Hides a password in a URL for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, "//$1:***@");
}
