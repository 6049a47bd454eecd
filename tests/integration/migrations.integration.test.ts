// The migrations are the database's source of truth: they must agree with schema.prisma, apply once and
// only once, be recorded as Prisma records them, and a failing one must leave nothing behind.
// Runs on both backends (integration-pglite, and integration-pg when TEST_DATABASE_URL is set).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyPendingMigrations, readMigrations } from "@/lib/db/migrate";
import { KBLI_VERSION, loadReferenceData } from "@/lib/db/reference-data";
import { diffMigrationsToSchema } from "@/lib/db/schema-engine";
import { createTestDatabase, testBackend, useTestDatabase, type TestDatabase } from "@/tests/helpers/db";

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const selectRecorded = `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
  FROM "_prisma_migrations" ORDER BY migration_name`;

async function tableExists(t: TestDatabase, table: string): Promise<boolean> {
  const [row] = await t.sql.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [`public."${table}"`]);
  return row.found !== null;
}

describe("schema.prisma and prisma/migrations", () => {
  // The diff runs Prisma's schema engine on in-memory PGlites whatever the backend: once is enough.
  it.runIf(testBackend() === "pglite")(
    "agree (otherwise run `npm run db:migration -- <name>` and commit the migration)",
    async () => {
      const sql = await diffMigrationsToSchema();
      expect(sql, `schema.prisma has changes that no migration contains:\n${sql}`).toBe("");
    },
    120_000,
  );
});

describe("migration runner", () => {
  let empty: TestDatabase;
  beforeEach(async () => {
    empty = await createTestDatabase({ empty: true });
  });
  afterEach(async () => {
    await empty.release(); // the run's teardown drops it: no checkpoint per test
  });

  it("applies every migration once, records it in _prisma_migrations, and is idempotent", async () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await applyPendingMigrations(empty.sql);
    expect(first).toEqual({ applied: migrations.map((m) => m.name), alreadyApplied: 0 });

    const rows = await empty.sql.query<MigrationRow>(selectRecorded);
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[i].checksum); // sha256 of migration.sql, as Prisma computes it
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    const second = await applyPendingMigrations(empty.sql);
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.length });
    expect(await empty.sql.query<MigrationRow>(selectRecorded)).toEqual(rows);

    // Reference data loads on top and is idempotent too.
    const ref = await loadReferenceData(empty.sql);
    expect(await loadReferenceData(empty.sql)).toEqual(ref);
  });

  describe("with a failing migration", () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

    function migrationsDir(migrations: Record<string, string>): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rantai-migrations-"));
      dirs.push(dir);
      fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
      for (const [name, sql] of Object.entries(migrations)) {
        fs.mkdirSync(path.join(dir, name));
        fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
      }
      return dir;
    }

    it("rolls the failing migration back entirely and records nothing for it", async () => {
      const dir = migrationsDir({
        "20260101000000_good": `CREATE TABLE "Good" (id int PRIMARY KEY);`,
        // The first statements succeed; the last one fails: none of them may survive.
        "20260102000000_bad": `CREATE TABLE "Half" (id int PRIMARY KEY);
INSERT INTO "Good" (id) VALUES (1);
INSERT INTO "DoesNotExist" (id) VALUES (1);`,
        "20260103000000_after": `CREATE TABLE "After" (id int PRIMARY KEY);`,
      });

      await expect(applyPendingMigrations(empty.sql, { dir })).rejects.toThrow(/20260102000000_bad failed/);

      expect(await tableExists(empty, "Good")).toBe(true); // migrations before it stay applied
      expect(await tableExists(empty, "Half")).toBe(false);
      expect(await empty.sql.query(`SELECT * FROM "Good"`)).toEqual([]);
      expect(await tableExists(empty, "After")).toBe(false); // and nothing after it runs
      const rows = await empty.sql.query<MigrationRow>(selectRecorded);
      expect(rows.map((r) => r.migration_name)).toEqual(["20260101000000_good"]);

      // Once fixed, the runner carries on where it stopped.
      fs.writeFileSync(path.join(dir, "20260102000000_bad", "migration.sql"), `CREATE TABLE "Half" (id int PRIMARY KEY);`);
      const resumed = await applyPendingMigrations(empty.sql, { dir });
      expect(resumed).toEqual({ applied: ["20260102000000_bad", "20260103000000_after"], alreadyApplied: 1 });
      expect(await tableExists(empty, "Half")).toBe(true);
      expect(await tableExists(empty, "After")).toBe(true);
    });
  });
});

describe("template database (what every test file starts from)", () => {
  const t = useTestDatabase();

  it("has all migrations applied", async () => {
    const rows = await t.sql.query<MigrationRow>(selectRecorded);
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("has the reference data: 38 provinces, 514 regencies, 1790 five-digit KBLI 2020 codes", async () => {
    expect(await t.db.province.count()).toBe(38);
    expect(await t.db.regency.count()).toBe(514);
    expect(await t.db.kbliCode.count({ where: { version: KBLI_VERSION, level: 5 } })).toBe(1790);
    const [{ fiveDigit }] = await t.sql.query<{ fiveDigit: number }>(
      `SELECT count(*)::int AS "fiveDigit" FROM "KbliCode" WHERE version = $1 AND code ~ '^[0-9]{5}$'`,
      [KBLI_VERSION],
    );
    expect(fiveDigit).toBe(1790);
    // Every regency belongs to a known province.
    const [{ orphans }] = await t.sql.query<{ orphans: number }>(
      `SELECT count(*)::int AS orphans FROM "Regency" r LEFT JOIN "Province" p ON p.code = r."provinceCode" WHERE p.code IS NULL`,
    );
    expect(orphans).toBe(0);
  });

  it("has no rows besides reference data", async () => {
    expect(await t.db.user.count()).toBe(0);
    expect(await t.db.organization.count()).toBe(0);
  });

  it("has pg_trgm: similarity() and the % operator find names despite typos", async () => {
    const [{ sim }] = await t.sql.query<{ sim: number }>(`SELECT similarity('Surabaya', 'Surabaja') AS sim`);
    expect(sim).toBeGreaterThan(0.3);
    const rows = await t.sql.query<{ name: string }>(
      `SELECT name FROM "Regency" WHERE name % $1 ORDER BY similarity(name, $1) DESC LIMIT 1`,
      ["Kota Surabja"],
    );
    expect(rows).toEqual([{ name: "Kota Surabaya" }]);
  });
});
