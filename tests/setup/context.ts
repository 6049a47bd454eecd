// What the integration projects' global setups hand to test files (through Vitest's provide/inject), and
// the small PostgreSQL helpers both sides share.

/**
 * PostgreSQL templates are named `${PG_TEMPLATE_PREFIX}_<fingerprint>`: the fingerprint is a hash of the
 * migrations, the reference data and the code that loads them, so two working trees (or a CI clone next to
 * a developer's tree) never rebuild one template under each other's feet.
 */
export const PG_TEMPLATE_PREFIX = "rantai_test_template";
/**
 * Per-file PostgreSQL databases are named `${PG_TEST_DB_PREFIX}<run>_<random>`, where <run> (see runPrefix) starts
 * with the run's start time in base 36: the run's global teardown drops what its files left, a later run drops
 * what a killed run left (a day on).
 */
export const PG_TEST_DB_PREFIX = "rantai_t_";

/** The prefix of one run's databases: `rantai_t_<start time, base 36>_<random>_`. */
export function runPrefix(startedAt: number, random: string): string {
  return `${PG_TEST_DB_PREFIX}${startedAt.toString(36)}_${random}_`;
}

/** When the run that made a database started (from its name), or NaN for a name without a run. */
export function runStartedAt(database: string): number {
  const m = new RegExp(`^${PG_TEST_DB_PREFIX}([0-9a-z]+)_[0-9a-f]+_`).exec(database);
  return m ? parseInt(m[1], 36) : Number.NaN;
}

export type TestDbContext =
  | {
      backend: "pglite";
      /** A gzipped tarball from PGlite's dumpDataDir() of the migrated template. */
      templateFile: string;
      /** The same of a just-initialised, empty database (starting from it skips initdb). */
      emptyFile: string;
    }
  | {
      backend: "postgres";
      /** TEST_DATABASE_URL: the server, and a database to run CREATE/DROP DATABASE from */ serverUrl: string;
      template: string;
      /** This run's database name prefix (runPrefix): the global teardown drops every database that has it. */
      dbPrefix: string;
    };

declare module "vitest" {
  export interface ProvidedContext {
    rantaiTestDb: TestDbContext;
  }
}

/** The same server URL pointing at another database. */
export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Quotes an identifier for SQL (database names are generated, but be strict anyway). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** host:port/db without credentials, for error messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(unparsable URL)";
  }
}
