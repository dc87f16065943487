import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDbError } from "../errors/db-error";
import { redactUrl, resolveDatabaseConfig } from "./resolve-database-config";

describe("resolveDatabaseConfig", () => {
  it("defaults to ./voxchart.db in the working directory", () => {
    expect(resolveDatabaseConfig(undefined, {})).toEqual({
      provider: "sqlite",
      url: `file:${path.resolve("voxchart.db")}`,
      schema: null,
    });
  });

  it("prefers the explicit url, then DATABASE_URL, then VOXCHART_DB", () => {
    const env = { DATABASE_URL: "file:/tmp/a.db", VOXCHART_DB: "/tmp/b.db" };
    expect(resolveDatabaseConfig("/tmp/c.db", env).url).toBe("file:/tmp/c.db");
    expect(resolveDatabaseConfig(undefined, env).url).toBe("file:/tmp/a.db");
    expect(resolveDatabaseConfig(undefined, { VOXCHART_DB: "/tmp/b.db" }).url).toBe("file:/tmp/b.db");
    expect(resolveDatabaseConfig(undefined, { DATABASE_URL: " " , VOXCHART_DB: "rel/x.db" }).url).toBe(
      `file:${path.resolve("rel/x.db")}`,
    );
  });

  it("selects PostgreSQL for postgres:// and postgresql:// URLs and reads ?schema=", () => {
    expect(resolveDatabaseConfig("postgres://u:p@h:5432/db", {})).toEqual({
      provider: "postgresql",
      url: "postgres://u:p@h:5432/db",
      schema: "public",
    });
    const withSchema = resolveDatabaseConfig("postgresql://u:p@h/db?schema=tenant_1&sslmode=disable", {});
    expect(withSchema.schema).toBe("tenant_1");
    expect(withSchema.url).toBe("postgresql://u:p@h/db?sslmode=disable");
  });

  it("rejects remote libsql URLs and unsafe schema names with invalid-input", () => {
    expect(() => resolveDatabaseConfig("libsql://example.turso.io", {})).toThrow(/Unsupported database URL/);
    try {
      resolveDatabaseConfig('postgres://h/db?schema=x";drop', {});
      expect.unreachable();
    } catch (error) {
      expect(isDbError(error, "invalid-input")).toBe(true);
    }
  });

  it("hides passwords in URLs shown to people", () => {
    expect(redactUrl("postgresql://voxchart:secret@127.0.0.1/db")).toBe("postgresql://voxchart:***@127.0.0.1/db");
  });
});
