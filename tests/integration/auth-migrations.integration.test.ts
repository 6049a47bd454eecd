// Issue 11, the upgrades of existing databases:
// - item 6: tokens made before every token had to expire get an expiry and keep the scope they had.
//   Decision (prisma/migrations/*_api_token_scope_expiry): a year after the token was made, but never less
//   than 30 days from the upgrade; scope "read write" (what they could do before).
// - item 7: a database seeded with the demo data before the marker existed gets the marker (its demo
//   platform admin proves it: no sign-up makes a platform organization); any other database does not.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { applyPendingMigrations, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

let empty: TestDatabase | null = null;
let dir: string | null = null;
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  await empty?.release(); // the run's teardown drops it
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  for (const c of cleanup) await c();
});

/** A database migrated up to (not including) the migration whose name ends with `suffix`. */
async function databaseBefore(suffix: string): Promise<TestDatabase> {
  const db = await createTestDatabase({ empty: true });
  const all = readMigrations();
  const index = all.findIndex((m) => m.name.endsWith(suffix));
  expect(index).toBeGreaterThan(0);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rantai-auth-migration-"));
  fs.copyFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(tmp, "migration_lock.toml"));
  for (const m of all.slice(0, index)) fs.cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(tmp, m.name), { recursive: true });
  await applyPendingMigrations(db.sql, { dir: tmp });
  cleanup.push(
    () => db.release(),
    () => fs.rmSync(tmp, { recursive: true, force: true }),
  );
  return db;
}

it("marks a database seeded with the demo data before the marker existed, and only such a database", async () => {
  const seeded = await databaseBefore("_installation_marker");
  const other = await databaseBefore("_installation_marker");
  const insertUser = async (db: TestDatabase, email: string, orgType: string) => {
    await db.sql.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, 'x', now())`, [`u-${orgType}`, email]);
    await db.sql.query(`INSERT INTO "Organization" (id, type, name, "updatedAt") VALUES ($1, $2::"OrgType", 'x', now())`, [
      `o-${orgType}`,
      orgType,
    ]);
    await db.sql.query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, 'owner')`, [
      `m-${orgType}`,
      `u-${orgType}`,
      `o-${orgType}`,
    ]);
  };
  await insertUser(seeded, "admin@demo.rantai.id", "platform");
  // Someone registered the demo admin's address on a real database: an UMKM, not a platform organization.
  await insertUser(other, "admin@demo.rantai.id", "umkm");
  for (const db of [seeded, other]) await applyPendingMigrations(db.sql);
  expect(await seeded.sql.query(`SELECT key FROM "InstallationMarker"`)).toEqual([{ key: "demo-data" }]);
  expect(await other.sql.query(`SELECT key FROM "InstallationMarker"`)).toEqual([]);
});

it("gives tokens without an expiry one (a year after creation, at least 30 days from now) and the read write scope", async () => {
  empty = await createTestDatabase({ empty: true });
  const all = readMigrations();
  const mine = all.findIndex((m) => m.name.endsWith("_api_token_scope_expiry"));
  expect(mine).toBeGreaterThan(0);

  // The database as it was just before the migration.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rantai-token-migration-"));
  fs.copyFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  for (const m of all.slice(0, mine)) fs.cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
  await applyPendingMigrations(empty.sql, { dir });

  const day = 86_400_000;
  const now = Date.now();
  await empty.sql.exec(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u1', 'lama@contoh.rantai.test', 'Lama', now())`);
  const tokens: [string, number, number | null][] = [
    // id, created (days ago), expiry (days from now) or none
    ["old", 400, null], // older than a year: 30 days' grace
    ["recent", 10, null], // a year after it was made: 355 days left
    ["dated", 5, 20], // had an expiry: unchanged
  ];
  for (const [id, createdDaysAgo, expiresInDays] of tokens) {
    await empty.sql.query(
      `INSERT INTO "ApiToken" (id, "userId", name, prefix, "tokenHash", "createdAt", "expiresAt") VALUES ($1, 'u1', $1, 'rnt_x', $2, $3, $4)`,
      [id, `hash-${id}`, new Date(now - createdDaysAgo * day), expiresInDays === null ? null : new Date(now + expiresInDays * day)],
    );
  }

  await applyPendingMigrations(empty.sql);
  const rows = await empty.sql.query<{ id: string; expiresAt: Date; scope: string }>(
    `SELECT id, "expiresAt", scope::text AS scope FROM "ApiToken"`,
  );
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
  const daysLeft = (id: string) => Math.round((new Date(byId[id].expiresAt).getTime() - now) / day);
  expect(daysLeft("old")).toBe(30);
  expect(daysLeft("recent")).toBe(355);
  expect(daysLeft("dated")).toBe(20);
  expect(rows.map((r) => r.scope)).toEqual(["read write", "read write", "read write"]);
  // And no token can be stored without an expiry any more.
  await expect(
    empty.sql.exec(`INSERT INTO "ApiToken" (id, "userId", name, prefix, "tokenHash") VALUES ('none', 'u1', 'x', 'rnt_x', 'hash-none')`),
  ).rejects.toThrow();
});
