// Opens the configured database for a command-line script (db:seed, start): one handle for raw SQL
// (migrations, reference data) and a Prisma client. PGlite is opened once and shared by both, then closed —
// it is single-process, so scripts must close it before the Next server opens the same directory.
// Scripts use this instead of lib/db/index.ts (which is "server-only" and a lazy app singleton); npm run
// db:seed (scripts/db-seed.ts) and npm start (scripts/prepare.ts) share it.
import { createPGliteClient, createPostgresClient, type Db } from "@/lib/db/client";
import { describeDatabase, type DatabaseConfig } from "@/lib/db/config";
import { openPGlite } from "@/lib/db/pglite";
import { openSqlRunner, pgliteRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { prepareDatabase } from "@/lib/db/setup";
import { isDatabaseEmpty, seedDemoData, type DemoSeedResult } from "@/prisma/seed/demo";
import { DEFAULT_NATIONAL_UMKM } from "@/prisma/seed/national";

export interface ScriptDatabase {
  config: DatabaseConfig;
  runner: SqlRunner;
  db: Db;
  close(): Promise<void>;
}

export async function openScriptDatabase(config: DatabaseConfig): Promise<ScriptDatabase> {
  if (config.kind === "pglite") {
    const pglite = await openPGlite(config.dataDir);
    const db = createPGliteClient(pglite);
    return {
      config,
      runner: pgliteRunner(pglite, { closeOnDispose: false }),
      db,
      async close() {
        await db.$disconnect();
        await pglite.close();
      },
    };
  }
  const runner = await openSqlRunner(config);
  const db = createPostgresClient(config.url, 2);
  return {
    config,
    runner,
    db,
    async close() {
      await db.$disconnect().catch(() => {});
      await runner.close();
    },
  };
}

/** Applies pending migrations and the reference data; returns a one-line summary. */
export async function migrate(sdb: ScriptDatabase, log: (m: string) => void = () => {}): Promise<string> {
  const { migrations, reference } = await prepareDatabase(sdb.runner, log);
  return (
    `${migrations.applied.length} migration(s) applied, ${migrations.alreadyApplied} already applied; reference data: ` +
    `${reference.provinces} provinces, ${reference.regencies} regencies, ${reference.kbli} KBLI codes`
  );
}

export type SeedOutcome = { seeded: true; result: DemoSeedResult; ms: number } | { seeded: false; reason: string };

/**
 * How many national demo UMKM to seed (prisma/seed/national.ts): SEED_NATIONAL_UMKM, a whole number from 0
 * (the base demo, clusters and accounts only) to 20,000; unset or empty: 2,000.
 */
export function nationalUmkmSetting(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SEED_NATIONAL_UMKM?.trim();
  if (!raw) return DEFAULT_NATIONAL_UMKM;
  if (!/^\d+$/.test(raw) || Number(raw) > 20_000) {
    throw new Error(`SEED_NATIONAL_UMKM must be a whole number from 0 to 20000 (got "${raw}")`);
  }
  return Number(raw);
}

/** Seeds the demo data unless the database already has users. */
export async function seedDemoIfEmpty(sdb: ScriptDatabase): Promise<SeedOutcome> {
  if (!(await isDatabaseEmpty(sdb.db))) {
    return { seeded: false, reason: `${describeDatabase(sdb.config)} already has data` };
  }
  const started = performance.now();
  const result = await seedDemoData(sdb.db, { nationalUmkm: nationalUmkmSetting() });
  return { seeded: true, result, ms: Math.round(performance.now() - started) };
}

export function describeSeed(r: DemoSeedResult): string {
  return (
    `${r.umkm} UMKM in ${r.provinces} provinces, ${r.products} products, ${r.certifications} certifications, ` +
    `${r.rfqs} RFQs, ${r.quotes} quotes, ${r.agreements} agreements, cooperative with ${r.cooperativeMembers} members, ${r.clusters} clusters; ` +
    `national data (SEED_NATIONAL_UMKM): ${r.national.umkm} UMKM in ${r.national.provinces} provinces, ${r.national.buyers} buyers, ` +
    `${r.national.agreements} agreements; ${r.users} users, ${r.organizations} organizations`
  );
}
