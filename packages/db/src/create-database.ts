import { z } from "zod";
import type { DbContext } from "./connection/db-context";
import { openDatabaseClient } from "./connection/open-database-client";
import { redactUrl, resolveDatabaseConfig, type DatabaseProvider } from "./connection/resolve-database-config";
import { createDeployment } from "./deployments/create-deployment";
import { publishAndDeploy } from "./deployments/publish-and-deploy";
import { getActiveDeployment } from "./deployments/get-active-deployment";
import { listDeployments } from "./deployments/list-deployments";
import { stopDeployment } from "./deployments/stop-deployment";
import { parseInput } from "./errors/db-error";
import { createFlow } from "./flows/create-flow";
import { deleteFlow, restoreFlow } from "./flows/delete-flow";
import { duplicateFlow } from "./flows/duplicate-flow";
import { getFlow } from "./flows/get-flow";
import { listFlows } from "./flows/list-flows";
import { renameFlow } from "./flows/rename-flow";
import { saveDraft } from "./flows/save-draft";
import type { MigrationReport } from "./migrations/plan-migrations";
import { createSession } from "./sessions/create-session";
import { endSession, expireSession, expireStaleSessions } from "./sessions/end-session";
import { getSession, getSessionByToken } from "./sessions/get-session";
import { listSessions, listTurns } from "./sessions/list-sessions";
import { saveSnapshot } from "./sessions/save-snapshot";
import {
  createTestCase,
  deleteTestCase,
  saveTestCases,
  getTestCase,
  listTestCases,
  updateTestCase,
} from "./test-cases/test-case-operations";
import { getTestRun, listTestRuns, recordTestRun } from "./test-runs/test-run-operations";
import { getVersion } from "./versions/get-version";
import { listVersions } from "./versions/list-versions";
import { publishVersion } from "./versions/publish-version";
import { rollbackToVersion } from "./versions/rollback-to-version";

export const CreateDatabaseOptionsSchema = z
  .object({
    /**
     * A SQLite file path or `file:` URL, or a `postgres://` / `postgresql://` URL (`?schema=`
     * chooses the PostgreSQL schema). Default: DATABASE_URL, else VOXCHART_DB, else ./voxchart.db.
     */
    url: z.string().min(1).optional(),
    /** Apply pending migrations before use (default true). */
    migrate: z.boolean().default(true),
    /** The clock used for timestamps the package sets itself (expiry, deletion); tests fix it. */
    now: z.custom<() => Date>((value) => typeof value === "function").optional(),
  })
  .default({ migrate: true });
export type CreateDatabaseOptions = z.input<typeof CreateDatabaseOptionsSchema>;

type Op<F> = F extends (ctx: DbContext, ...args: infer A) => infer R ? (...args: A) => R : never;

/** The typed repository the builder, CLI and runtime server use. Close it when done. */
export interface Database {
  readonly provider: DatabaseProvider;
  /** The database in use, password hidden. */
  readonly url: string;
  /** What createDatabase migrated. */
  readonly migrations: MigrationReport;
  readonly flows: {
    create: Op<typeof createFlow>;
    rename: Op<typeof renameFlow>;
    duplicate: Op<typeof duplicateFlow>;
    delete: Op<typeof deleteFlow>;
    restore: Op<typeof restoreFlow>;
    list: Op<typeof listFlows>;
    get: Op<typeof getFlow>;
    saveDraft: Op<typeof saveDraft>;
  };
  readonly versions: {
    publish: Op<typeof publishVersion>;
    list: Op<typeof listVersions>;
    get: Op<typeof getVersion>;
    rollback: Op<typeof rollbackToVersion>;
  };
  readonly deployments: {
    create: Op<typeof createDeployment>;
    publishAndDeploy: Op<typeof publishAndDeploy>;
    list: Op<typeof listDeployments>;
    getActive: Op<typeof getActiveDeployment>;
    stop: Op<typeof stopDeployment>;
  };
  readonly sessions: {
    create: Op<typeof createSession>;
    saveSnapshot: Op<typeof saveSnapshot>;
    get: Op<typeof getSession>;
    getByToken: Op<typeof getSessionByToken>;
    list: Op<typeof listSessions>;
    end: Op<typeof endSession>;
    expire: Op<typeof expireSession>;
    expireStale: Op<typeof expireStaleSessions>;
  };
  readonly turns: {
    list: Op<typeof listTurns>;
  };
  readonly testCases: {
    create: Op<typeof createTestCase>;
    get: Op<typeof getTestCase>;
    list: Op<typeof listTestCases>;
    update: Op<typeof updateTestCase>;
    delete: Op<typeof deleteTestCase>;
    saveMany: Op<typeof saveTestCases>;
  };
  readonly testRuns: {
    record: Op<typeof recordTestRun>;
    get: Op<typeof getTestRun>;
    list: Op<typeof listTestRuns>;
  };
  /** Disconnects (and ends the PostgreSQL pool). */
  close(): Promise<void>;
}

/**
 * Opens Voxchart's database and applies pending migrations (no Prisma CLI needed at run time):
 * SQLite through libsql by default (the file is created), PostgreSQL for postgres:// URLs.
 */
export async function createDatabase(options?: CreateDatabaseOptions): Promise<Database> {
  const opts = parseInput(CreateDatabaseOptionsSchema, options, "createDatabase");
  const config = resolveDatabaseConfig(opts.url);
  const opened = await openDatabaseClient(config, opts.migrate);
  const ctx: DbContext = { prisma: opened.prisma, provider: config.provider, now: opts.now ?? (() => new Date()) };
  const bind =
    <A extends unknown[], R>(fn: (ctx: DbContext, ...args: A) => R) =>
    (...args: A): R =>
      fn(ctx, ...args);
  return {
    provider: config.provider,
    url: redactUrl(config.url),
    migrations: opened.migrations,
    flows: {
      create: bind(createFlow),
      rename: bind(renameFlow),
      duplicate: bind(duplicateFlow),
      delete: bind(deleteFlow),
      restore: bind(restoreFlow),
      list: bind(listFlows),
      get: bind(getFlow),
      saveDraft: bind(saveDraft),
    },
    versions: {
      publish: bind(publishVersion),
      list: bind(listVersions),
      get: bind(getVersion),
      rollback: bind(rollbackToVersion),
    },
    deployments: {
      create: bind(createDeployment),
      publishAndDeploy: bind(publishAndDeploy),
      list: bind(listDeployments),
      getActive: bind(getActiveDeployment),
      stop: bind(stopDeployment),
    },
    sessions: {
      create: bind(createSession),
      saveSnapshot: bind(saveSnapshot),
      get: bind(getSession),
      getByToken: bind(getSessionByToken),
      list: bind(listSessions),
      end: bind(endSession),
      expire: bind(expireSession),
      expireStale: bind(expireStaleSessions),
    },
    turns: { list: bind(listTurns) },
    testCases: {
      create: bind(createTestCase),
      get: bind(getTestCase),
      list: bind(listTestCases),
      update: bind(updateTestCase),
      delete: bind(deleteTestCase),
      saveMany: bind(saveTestCases),
    },
    testRuns: { record: bind(recordTestRun), get: bind(getTestRun), list: bind(listTestRuns) },
    close: opened.close,
  };
}
