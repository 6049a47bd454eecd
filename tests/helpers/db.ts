// A fresh database for every integration test file.
//
//   import { useTestDatabase } from "@/tests/helpers/db";
//   const t = useTestDatabase();            // top level of the file: creates the DB in beforeAll
//   it("…", async () => {
//     await createSomething();              // lib/ code that uses `db` from "@/lib/db" hits this file's DB
//     expect(await t.db.organization.count()).toBe(1);   // or t.sql.query("SELECT …") for raw SQL
//   });
//
// The database is a copy of a template that the project's global setup migrated once and loaded with the
// reference data (provinces, regencies, KBLI) — no other rows. PostgreSQL: `CREATE DATABASE rantai_t_<run>_<random>
// TEMPLATE rantai_test_template_<fingerprint>`, closed in afterAll and dropped with the rest of the run's databases
// by the global teardown (tests/setup/global-postgres.ts: a DROP DATABASE forces a checkpoint, seconds on a busy
// machine, and concurrent ones share it); PGlite: a new in-memory PGlite loaded from a dump of the template.
// No two files ever share a database, so tests may create whatever rows they need; tests inside one file run
// in order and do share it (give rows unique values, or create what each test needs).
//
// Which backend a file runs on is decided by the Vitest project (integration-pglite / integration-pg): the
// same file runs on both. `testBackend()` tells which, e.g. for `it.runIf(testBackend() === "postgres")`.
//
// Code that calls next/headers (cookies(), headers()): see tests/helpers/next-headers.ts.
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, setDb } from "@/lib/db";
import { createPGliteClient, createPostgresClient, type Db } from "@/lib/db/client";
import { openPGlite } from "@/lib/db/pglite";
import { pgliteRunner, postgresRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { quoteIdent, withDatabaseName, type TestDbContext } from "../setup/context";

export type TestBackend = TestDbContext["backend"];

export interface TestDatabase {
  readonly backend: TestBackend;
  /** PostgreSQL: the database's name; PGlite: a label for messages. */
  readonly name: string;
  /** PostgreSQL: a connection string for this database (PGlite has none: it lives in this process). */
  readonly url: string | null;
  /** A Prisma client on this database (the same one lib/db's `db` uses while useTestDatabase() is active). */
  readonly db: Db;
  /** Raw SQL on the same database. PGlite: the same single connection Prisma uses. */
  readonly sql: SqlRunner;
  /** Milliseconds it took to create the database and connect. */
  readonly createdInMs: number;
  /** Closes the connections, then drops the database. */
  dispose(): Promise<void>;
  /**
   * Closes the connections and leaves the database to the run's global teardown, which drops all of the run's
   * databases at once (PostgreSQL; on PGlite the same as dispose()).
   */
  release(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Start from an empty database instead of the template: no migrations, no reference data. */
  empty?: boolean;
}

function context(): TestDbContext {
  const ctx = inject("rantaiTestDb");
  if (!ctx) {
    throw new Error(
      "No test database is configured: database tests must be named tests/integration/**/*.integration.test.ts " +
        "so that they run in the integration-pglite / integration-pg Vitest projects.",
    );
  }
  return ctx;
}

/** The backend the current Vitest project runs integration tests on. */
export function testBackend(): TestBackend {
  return context().backend;
}

// The dumps are read once per test file (module state is per file) and only when used.
const dumps = new Map<string, Promise<Blob>>();
function dump(file: string): Promise<Blob> {
  let blob = dumps.get(file);
  if (!blob) dumps.set(file, (blob = fs.openAsBlob(file)));
  return blob;
}

async function createPGliteDatabase(
  ctx: Extract<TestDbContext, { backend: "pglite" }>,
  options: TestDatabaseOptions,
  started: number,
): Promise<TestDatabase> {
  const pglite = await openPGlite(undefined, await dump(options.empty ? ctx.emptyFile : ctx.templateFile));
  const db = createPGliteClient(pglite);
  const dispose = async () => {
    await db.$disconnect();
    await pglite.close();
  };
  return {
    backend: "pglite",
    name: `pglite-memory${options.empty ? "-empty" : ""}`,
    url: null,
    db,
    sql: pgliteRunner(pglite, { closeOnDispose: false }),
    createdInMs: performance.now() - started,
    dispose,
    release: dispose,
  };
}

async function withAdmin<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

async function createPostgresDatabase(
  { serverUrl, template, dbPrefix }: Extract<TestDbContext, { backend: "postgres" }>,
  options: TestDatabaseOptions,
  started: number,
): Promise<TestDatabase> {
  const name = `${dbPrefix}${crypto.randomBytes(6).toString("hex")}`;
  // template0 is PostgreSQL's pristine empty database.
  const source = options.empty ? "template0" : template;
  await withAdmin(serverUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(source)}`);
    // A test database outlives no crash worth surviving: commits need not wait for the disk (each commit's
    // fsync was most of a write's time on a busy machine). Per database, so the server's own settings stay.
    await admin.query(`ALTER DATABASE ${quoteIdent(name)} SET synchronous_commit = off`);
  });
  const url = withDatabaseName(serverUrl, name);
  // A small pool: two files run at once and each has its own database.
  const db = createPostgresClient(url, 4);
  const raw = new pg.Client({ connectionString: url });
  try {
    await raw.connect();
  } catch (err) {
    await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    throw err;
  }
  const release = async () => {
    await db.$disconnect().catch(() => {});
    await raw.end().catch(() => {});
  };
  return {
    backend: "postgres",
    name,
    url,
    db,
    sql: postgresRunner(raw),
    createdInMs: performance.now() - started,
    async dispose() {
      // Close our pools first, then drop; FORCE ends anything a test leaked (e.g. a client it made itself).
      await release();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
    release,
  };
}

/**
 * Creates a database on the current project's backend. You own it: call release() (PostgreSQL: dropped by the
 * run's teardown) or dispose() (dropped at once) when done.
 * Most files want useTestDatabase() instead; this is for tests that need a second or an empty database.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const started = performance.now();
  const ctx = context();
  const created =
    ctx.backend === "pglite" ? await createPGliteDatabase(ctx, options, started) : await createPostgresDatabase(ctx, options, started);
  if (process.env.RANTAI_TEST_TIMINGS) {
    console.log(`[test-db] ${created.backend} ${created.name} ready in ${Math.round(created.createdInMs)} ms`);
  }
  return created;
}

/**
 * Call at the top level of an integration test file. Creates this file's database before its tests, makes
 * lib/db's `db` use it (setDb), and closes it after them (PostgreSQL: the global teardown drops it). The returned object's properties are
 * usable from inside hooks and tests (not at collection time, before the database exists).
 */
export function useTestDatabase(options: TestDatabaseOptions = {}): Omit<TestDatabase, "dispose" | "release"> {
  let current: TestDatabase | null = null;
  const get = (): TestDatabase => {
    if (!current) throw new Error("The test database exists only inside tests and hooks (after useTestDatabase's beforeAll).");
    return current;
  };

  beforeAll(async () => {
    current = await createTestDatabase(options);
    setDb(current.db);
  });

  afterAll(async () => {
    if (!current) return;
    const handle = current;
    current = null;
    // Forget the client first so nothing in lib/ can reach a closed pool; getDb() now fails loudly (see the
    // DATABASE_URL set in vitest.config.ts) instead of opening the developer's database.
    await closeDb();
    await handle.release();
  });

  return {
    get backend() {
      return context().backend;
    },
    get name() {
      return get().name;
    },
    get url() {
      return get().url;
    },
    get db() {
      return get().db;
    },
    get sql() {
      return get().sql;
    },
    get createdInMs() {
      return get().createdInMs;
    },
  };
}
