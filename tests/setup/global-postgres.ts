// Global setup of the "integration-pg" project (only configured when TEST_DATABASE_URL is set).
//
// Builds the template database `rantai_test_template` on TEST_DATABASE_URL's server with prepareDatabase
// (migrations + reference data); every test file then runs `CREATE DATABASE rantai_t_<random> TEMPLATE
// rantai_test_template` (tests/helpers/db.ts), which copies files instead of replaying migrations.
//
// The template is kept between runs and rebuilt only when its fingerprint (a hash of the migrations, the
// reference data and the code that loads them, stored as the database's comment) changes. That keeps two
// runs on one machine from dropping the template under each other's feet; an advisory lock makes the second
// of two concurrent runs wait for the first to finish building it. The template is marked IS_TEMPLATE and
// ALLOW_CONNECTIONS false, so nothing can change it after it is built.
//
// An unreachable server throws here, which fails the whole run: a PostgreSQL run never "passes" by skipping.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { postgresRunner } from "../../lib/db/sql-runner";
import { prepareDatabase } from "../../lib/db/setup";
import { PG_TEMPLATE_DB, describeUrl, quoteIdent, withDatabaseName } from "./context";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Everything whose change must rebuild the template. */
function templateFingerprint(): string {
  const files: string[] = [];
  const walk = (dir: string, keep: (f: string) => boolean) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full, keep);
      } else if (keep(entry.name)) files.push(full);
    }
  };
  walk(path.join(root, "prisma", "migrations"), () => true);
  walk(path.join(root, "data"), (f) => f.endsWith(".json"));
  walk(path.join(root, "lib", "db"), (f) => f.endsWith(".ts"));
  const hash = crypto.createHash("sha256");
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return `rantai-test-template ${hash.digest("hex")}`;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw new Error(
      `integration-pg: cannot connect to TEST_DATABASE_URL (${describeUrl(url)}): ${(err as Error).message}. ` +
        "Start PostgreSQL or unset TEST_DATABASE_URL to run the embedded-database tests only.",
    );
  }
  return client;
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) throw new Error("integration-pg needs TEST_DATABASE_URL");
  const started = performance.now();
  const fingerprint = templateFingerprint();
  const admin = await connect(serverUrl);
  let rebuilt = false;
  try {
    await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [PG_TEMPLATE_DB]);
    const { rows } = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [PG_TEMPLATE_DB],
    );
    if (rows[0]?.comment !== fingerprint) {
      rebuilt = true;
      const t = quoteIdent(PG_TEMPLATE_DB);
      if (rows.length > 0) {
        await admin.query(`ALTER DATABASE ${t} WITH IS_TEMPLATE false`);
        await admin.query(`DROP DATABASE ${t} WITH (FORCE)`);
      }
      await admin.query(`CREATE DATABASE ${t} TEMPLATE template0`);
      const client = await connect(withDatabaseName(serverUrl, PG_TEMPLATE_DB));
      try {
        await prepareDatabase(postgresRunner(client));
      } finally {
        await client.end();
      }
      // Mark it built only once it is complete: an interrupted build has no comment and is rebuilt next time.
      await admin.query(`ALTER DATABASE ${t} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      await admin.query(`COMMENT ON DATABASE ${t} IS ${pg.escapeLiteral(fingerprint)}`);
    }
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [PG_TEMPLATE_DB]).catch(() => {});
    await admin.end();
  }
  project.provide("rantaiTestDb", { backend: "postgres", serverUrl, template: PG_TEMPLATE_DB });
  if (process.env.RANTAI_TEST_TIMINGS) {
    console.log(`[integration-pg] template ${rebuilt ? "built" : "reused"} in ${Math.round(performance.now() - started)} ms`);
  }
}
