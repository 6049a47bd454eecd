// The integration-test database helper itself (tests/helpers/db.ts): every file gets its own database,
// lib/ code reaches it through `db`, and nothing is shared or left behind.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
// Shows the next/headers stand-in at work (see tests/helpers/next-headers.ts); hoisted above the imports.
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
import { db } from "@/lib/db";
import { resolveLocale } from "@/lib/i18n/request";
import { createTestDatabase, testBackend, useTestDatabase } from "@/tests/helpers/db";
import { resetRequest, setRequest } from "@/tests/helpers/next-headers";
import { PG_TEST_DB_PREFIX, runStartedAt, withDatabaseName } from "@/tests/setup/context";

const t = useTestDatabase();

describe("useTestDatabase", () => {
  it("points lib/db's `db` at this file's database", async () => {
    const org = await db.organization.create({ data: { type: "umkm", name: "Batik Sekar Jagad", regencyCode: "33.75" } });
    expect(await t.db.organization.findUnique({ where: { id: org.id } })).toMatchObject({ name: "Batik Sekar Jagad" });
    const rows = await t.sql.query<{ name: string }>(`SELECT name FROM "Organization" WHERE id = $1`, [org.id]);
    expect(rows).toEqual([{ name: "Batik Sekar Jagad" }]);
  });

  it("runs transactions through `db`", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.organization.create({ data: { type: "buyer", name: "PT Rolled Back" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.organization.count({ where: { name: "PT Rolled Back" } })).toBe(0);
  });

  it.runIf(testBackend() === "postgres")("is a database of its own, copied from the template", async () => {
    const [{ current }] = await db.$queryRaw<{ current: string }[]>`SELECT current_database() AS current`;
    expect(current).toBe(t.name);
    expect(current.startsWith(PG_TEST_DB_PREFIX)).toBe(true);
    const [{ template }] = await t.sql.query<{ template: boolean }>(
      `SELECT datistemplate AS template FROM pg_database WHERE datname = current_database()`,
    );
    expect(template).toBe(false);
    expect(t.url).toBe(withDatabaseName(process.env.TEST_DATABASE_URL!, t.name));
  });
});

describe("createTestDatabase", () => {
  it("gives databases that share no rows", async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      await a.db.organization.create({ data: { type: "umkm", name: "Only in A" } });
      expect(await a.db.organization.count()).toBe(1);
      expect(await b.db.organization.count()).toBe(0);
      expect(await b.db.province.count()).toBe(38); // but both have the reference data
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
  });

  it("gives an empty database on request", async () => {
    const empty = await createTestDatabase({ empty: true });
    try {
      const rows = await empty.sql.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`);
      expect(rows).toEqual([]);
    } finally {
      await empty.release();
    }
  });

  it.runIf(testBackend() === "postgres")(
    "release() closes the connections and leaves the database, named for this run, to the run's teardown",
    async () => {
      const temp = await createTestDatabase();
      await temp.release();
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ connections: number }>(
          `SELECT (SELECT count(*)::int FROM pg_stat_activity a WHERE a.datname = d.datname) AS connections FROM pg_database d WHERE datname = $1`,
          [temp.name],
        );
        expect(rows).toEqual([{ connections: 0 }]);
        // The same run prefix as this file's own database: the teardown drops both.
        expect(runStartedAt(temp.name)).toBe(runStartedAt(t.name));
        expect(Date.now() - runStartedAt(temp.name)).toBeLessThan(24 * 60 * 60 * 1000);
        expect(temp.name.slice(0, temp.name.lastIndexOf("_") + 1)).toBe(t.name.slice(0, t.name.lastIndexOf("_") + 1));
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${temp.name}" WITH (FORCE)`);
        await admin.end();
      }
    },
  );

  it.runIf(testBackend() === "postgres")("drops the database on dispose", async () => {
    const temp = await createTestDatabase();
    await temp.dispose();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [temp.name]);
      expect(rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });
});

describe("server-side imports", () => {
  it("loads modules that import server-only", async () => {
    await expect(import("server-only")).resolves.toBeDefined();
  });

  it("can fake the request for code that calls next/headers", async () => {
    resetRequest();
    expect(await resolveLocale()).toBe("id");
    setRequest({ headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(await resolveLocale()).toBe("en");
    setRequest({ headers: { "accept-language": "en-GB" }, cookies: { NEXT_LOCALE: "id" } });
    expect(await resolveLocale()).toBe("id");
  });
});
