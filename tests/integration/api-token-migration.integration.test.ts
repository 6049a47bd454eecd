// Issue 11 item 6, the upgrade: tokens made before every token had to expire get an expiry and keep the
// scope they had. Decision (prisma/migrations/*_api_token_scope_expiry): a year after the token was made,
// but never less than 30 days from the upgrade; scope "read write" (what they could do before).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { applyPendingMigrations, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

let empty: TestDatabase | null = null;
let dir: string | null = null;
afterAll(async () => {
  await empty?.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
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
  const rows = await empty.sql.query<{ id: string; expiresAt: Date; scope: string }>(`SELECT id, "expiresAt", scope::text AS scope FROM "ApiToken"`);
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
