// Drilling down in /statistik (issue 17, item 11; lib/stats/drill.ts): a province by regency, a section by
// division, and the page's CSV files (lib/stats/export.ts, issue 17 item 8). The disclosure rules of issue 11
// hold at regency level: a regency backed by 1–2 UMKM is withheld, one more regency is withheld so the
// province's figure does not give it back, a province withheld nationally stays withheld below, public periods
// are whole quarters, and the public cannot combine a drill-down with a second filter.
import { beforeAll, describe, expect, it, vi } from "vitest";
import Papa from "papaparse";
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()) };
});
import { actAs, signOut } from "@/tests/helpers/act-as";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { Disclosure } from "@/lib/stats/disclosure";
import { getDrillTable, type PublishedDrill } from "@/lib/stats/drill";
import { resetStatsCaches } from "@/lib/stats/partnerships";
import { GET as tableCsv } from "@/app/statistik/tabel.csv/route";
import { GET as suppliersCsv } from "@/app/statistik/pemasok.csv/route";

const t = useTestDatabase();
const SECRET = 777_000_123n;
const SECRET_NAME = "UD Rahasia Semarang";
let ministryOwner: { id: string };
let buyerOwner: { id: string };

// Central Java (33): Kota Pekalongan 33.75 four UMKM, Cilacap 33.01 three, Kota Semarang 33.74 ONE (value SECRET).
// Bali (51): three UMKM (section A). Papua (91): ONE UMKM. All agreements start in February 2026.
beforeAll(async () => {
  resetStatsCaches();
  const { organization: buyer, owner } = await createBuyer(t.db);
  buyerOwner = owner;
  ministryOwner = (await createOrganization(t.db, "ministry")).owner;
  const add = async (
    regencyCode: string,
    n: number,
    valueIdr: (i: number) => bigint,
    extra: { name?: string; kbliCodes?: string[] } = {},
  ) => {
    for (let i = 0; i < n; i++) {
      const u = await createUmkm(t.db, { regencyCode, ...extra });
      await createAgreement(t.db, buyer.id, u.organization.id, { startDate: new Date("2026-02-10"), valueIdr: valueIdr(i) });
    }
  };
  await add("33.75", 4, (i) => 100_000_000n + BigInt(i));
  await add("33.01", 3, () => 50_000_000n);
  await add("33.74", 1, () => SECRET, { name: SECRET_NAME });
  await add("51.71", 3, () => 40_000_000n, { kbliCodes: ["01111"] });
  await add("91.03", 1, () => 9_000_000n);
});

const row = (d: PublishedDrill | null, key: string) => d?.rows.find((r) => r.key === key);
const hasSecret = (d: unknown) => JSON.stringify(d, (_k, v) => (typeof v === "bigint" ? v.toString() : v)).includes(SECRET.toString());
const publicDrill = (f: Parameters<typeof getDrillTable>[1]) => getDrillTable(new Disclosure("public", "id"), f);
const exactDrill = (f: Parameters<typeof getDrillTable>[1]) => getDrillTable(new Disclosure("exact", "id"), f);

describe("province → regency for the public", () => {
  it("a regency behind one UMKM is withheld, and so is one more: the province total cannot give it back", async () => {
    const d = await publicDrill({ province: "33" });
    expect(d?.drillBy).toBe("regency");
    expect(row(d, "33.74")).toMatchObject({ suppressed: true, agreements: null, valueIdr: null, suppliers: null });
    expect(row(d, "33.01")).toMatchObject({ suppressed: true }); // secondary: the next smallest
    expect(row(d, "33.75")).toMatchObject({ suppressed: false, agreements: 4, suppliers: 4 });
    expect(d?.totals).toMatchObject({ suppressed: false, agreements: 8, suppliers: 8 });
    // every regency of the province is listed (zero where nothing happened), named
    expect(row(d, "33.72")).toMatchObject({ suppressed: false, agreements: 0 });
    expect(row(d, "33.75")?.label).toMatch(/Pekalongan/);
    expect(d!.rows.filter((r) => r.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(hasSecret(d)).toBe(false);
  });

  it("a province withheld in the national table stays withheld at regency level", async () => {
    for (const province of ["91", "51"]) {
      const d = await publicDrill({ province });
      expect(d?.totals.suppressed).toBe(true);
      expect(d!.rows.filter((r) => (r.agreements ?? 0) > 0)).toEqual([]);
      expect(d!.rows.some((r) => r.suppressed)).toBe(true);
    }
  });

  it("the public cannot combine a drill-down with a second filter; ministry staff can", async () => {
    expect(await publicDrill({ province: "33", kbliSection: "C" })).toBeNull();
    expect(await publicDrill({ province: "33", clusterId: "c1" })).toBeNull();
    const exact = await exactDrill({ province: "33", kbliSection: "C" });
    expect(row(exact, "33.74")).toMatchObject({ suppressed: false, agreements: 1, valueIdr: SECRET });
  });

  it("public periods are whole quarters and the withheld regency stays withheld in every period", async () => {
    for (const [from, to] of [
      ["2026-02", "2026-02"],
      ["2026-01", "2026-03"],
      ["2025-10", "2026-06"],
    ]) {
      const d = await publicDrill({ province: "33", from, to });
      expect(d?.period.from?.slice(5)).toMatch(/^(01|04|07|10)$/);
      expect(row(d, "33.74")?.suppressed).toBe(true);
      expect(hasSecret(d)).toBe(false);
    }
  });

  it("ministry staff see every regency exactly", async () => {
    const d = await exactDrill({ province: "33" });
    expect(row(d, "33.74")).toMatchObject({ suppressed: false, agreements: 1, valueIdr: SECRET, suppliers: 1 });
    expect(d!.rows.every((r) => !r.suppressed)).toBe(true);
  });
});

describe("section → division", () => {
  it("a section's partnerships by the lead supplier's division", async () => {
    const d = await publicDrill({ kbliSection: "C" });
    expect(d?.drillBy).toBe("kbliDivision");
    expect(row(d, "13")).toMatchObject({ suppressed: false, agreements: 9 });
    expect(row(d, "13")?.label).toMatch(/^13 — /);
    expect(d?.totals).toMatchObject({ agreements: 9 });
  });
});

const parseCsv = async (res: Response) => {
  const bytes = new Uint8Array(await res.arrayBuffer()); // (Response.text() would drop the BOM)
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<string[]>(new TextDecoder().decode(bytes).trim(), { delimiter: ";" }).data;
};

describe("the page's CSV files (Excel)", () => {
  it("a regency table in the reader's language, withheld cells empty and marked", async () => {
    signOut();
    const res = await callRoute(tableCsv, "GET", "/statistik/tabel.csv?tabel=regency&province=33", {
      headers: { cookie: "NEXT_LOCALE=en" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = await parseCsv(res);
    expect(rows[0]).toEqual(["Code", "Name", "Partnerships", "Value (Rp)", "UMKM", "Withheld (< 3 UMKM)"]);
    const semarang = rows.find((r) => r[0] === "33.74");
    expect(semarang?.slice(2)).toEqual(["", "", "", "yes"]);
    expect(rows.find((r) => r[0] === "33.75")?.slice(2, 3)).toEqual(["4"]);
    const id = await parseCsv(
      await callRoute(tableCsv, "GET", "/statistik/tabel.csv?tabel=province", { headers: { "accept-language": "id" } }),
    );
    expect(id[0][0]).toBe("Kode");
    const bad = await callRoute(tableCsv, "GET", "/statistik/tabel.csv?tabel=users");
    expect(bad.status).toBe(400);
  });

  it("the named suppliers: ministry staff only", async () => {
    signOut();
    expect((await callRoute(suppliersCsv, "GET", "/statistik/pemasok.csv")).status).toBe(401);
    await actAs(buyerOwner);
    expect((await callRoute(suppliersCsv, "GET", "/statistik/pemasok.csv")).status).toBe(403);
    await actAs(ministryOwner);
    const rows = await parseCsv(await callRoute(suppliersCsv, "GET", "/statistik/pemasok.csv?province=33"));
    expect(rows[0][0]).toBe("Pemasok");
    expect(rows.find((r) => r[0] === SECRET_NAME)?.[6]).toBe(SECRET.toString());
    expect(rows).toHaveLength(1 + 8);
    signOut();
  });
});
