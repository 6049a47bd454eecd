// GET /api/v1/stats/summary, /stats/partnerships (JSON and CSV) and /stats/suppliers (ministry only),
// called the way Next.js calls them.
import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { resetStatsCaches } from "@/lib/stats/partnerships";
import { getProtectedSummary } from "@/lib/stats/current";
import { GET as summary } from "@/app/api/v1/stats/summary/route";
import { GET as partnerships } from "@/app/api/v1/stats/partnerships/route";
import { GET as suppliers } from "@/app/api/v1/stats/suppliers/route";

const t = useTestDatabase();
let jateng = "";
let buyerToken = "";
let ministryToken = "";

beforeAll(async () => {
  resetStatsCaches();
  const { organization: buyer, owner } = await createBuyer(t.db);
  buyerToken = (await createApiToken(owner.id, { name: "erp" })).token;
  const { owner: analyst } = await createOrganization(t.db, "ministry", { name: "Kementerian UMKM" });
  ministryToken = (await createApiToken(analyst.id, { name: "analyst" })).token;
  const a = await createUmkm(t.db, { regencyCode: "33.75", annualSalesIdr: 1_000_000_000n });
  const b = await createUmkm(t.db, { regencyCode: "51.71", annualSalesIdr: 9_000_000_000n });
  jateng = a.organization.id;
  await createAgreement(t.db, buyer.id, a.organization.id, {
    scheme: "subkontrak",
    startDate: new Date("2026-02-03"),
    valueIdr: 150_000_000n,
  });
  await createAgreement(t.db, buyer.id, a.organization.id, {
    scheme: "rantai_pasok",
    startDate: new Date("2026-03-03"),
    valueIdr: 50_000_000n,
    status: "completed",
  });
  await createAgreement(t.db, buyer.id, b.organization.id, {
    scheme: "subkontrak",
    startDate: new Date("2026-03-09"),
    valueIdr: 7_000_000n,
  });
  await createAgreement(t.db, buyer.id, b.organization.id, {
    scheme: "waralaba",
    startDate: new Date("2026-03-09"),
    valueIdr: 1_000n,
    status: "draft",
  });
});

const get = (path: string, opts: Parameters<typeof callRoute>[3] = {}) =>
  callRoute(path.includes("summary") ? summary : path.includes("suppliers") ? suppliers : partnerships, "GET", path, opts);

describe("GET /api/v1/stats/summary", () => {
  it("answers the totals without a token, withholding those behind fewer than 3 UMKM (issue 11)", async () => {
    const res = await get("/api/v1/stats/summary");
    expect(res.status).toBe(200);
    // two UMKM lead the active agreements, one the completed one: withheld for the public
    expect(await jsonOf(res)).toMatchObject({
      suppliers: 2,
      activeAgreements: null,
      completedAgreements: null,
      agreementValueIdr: null,
      umkmWithActiveAgreement: null,
      umkmWithActiveAgreementShare: null,
      suppressed: ["activeAgreements", "completedAgreements", "umkmWithActiveAgreement"],
    });
    expect(await jsonOf(await get("/api/v1/stats/summary", { token: buyerToken }))).toMatchObject({ activeAgreements: null });
    // the landing page's figures are the public ones
    expect(await getProtectedSummary("public")).toMatchObject({
      activeAgreements: null,
      activeAgreementValueIdr: null,
      completedAgreements: null,
      umkmVerified: 2,
    });
  });

  it("gives ministry staff the exact totals", async () => {
    expect(await jsonOf(await get("/api/v1/stats/summary", { token: ministryToken }))).toMatchObject({
      suppliers: 2,
      activeAgreements: 2,
      completedAgreements: 1,
      agreementValueIdr: 157_000_000,
      umkmWithActiveAgreement: 2,
      umkmWithActiveAgreementShare: 1,
      completedWithOpenMilestones: { agreements: 0, valueIdr: 0, suppressed: false },
      suppressed: [],
    });
  });
});

describe("GET /api/v1/stats/partnerships", () => {
  it("groups by scheme with labels in the caller's language (exact for ministry staff)", async () => {
    const res = await get("/api/v1/stats/partnerships?groupBy=scheme", { headers: { "accept-language": "en" }, token: ministryToken });
    expect(res.status).toBe(200);
    const body = await jsonOf<{
      data: { key: string; label: string; agreements: number; valueIdr: number; suppliers: number }[];
      totals: unknown;
    }>(res);
    expect(body.data).toEqual([
      { key: "subkontrak", label: "Subcontracting", suppressed: false, agreements: 2, valueIdr: 157_000_000, suppliers: 2 },
      { key: "rantai_pasok", label: expect.any(String), suppressed: false, agreements: 1, valueIdr: 50_000_000, suppliers: 1 },
    ]);
    expect(body.totals).toEqual({ suppressed: false, agreements: 3, valueIdr: 207_000_000, suppliers: 2 });
  });

  it("withholds every group for the public when only two UMKM are behind the figures", async () => {
    const body = await jsonOf<{ data: unknown[]; totals: unknown; disclosure: string }>(
      await get("/api/v1/stats/partnerships?groupBy=scheme"),
    );
    expect(body.disclosure).toBe("protected");
    expect(body.data).toEqual([
      { key: "subkontrak", label: expect.any(String), suppressed: true, agreements: null, valueIdr: null, suppliers: null },
      { key: "rantai_pasok", label: expect.any(String), suppressed: true, agreements: null, valueIdr: null, suppliers: null },
    ]);
    expect(body.totals).toEqual({ suppressed: true, agreements: null, valueIdr: null, suppliers: null });
  });

  it("filters by period and province", async () => {
    const res = await get("/api/v1/stats/partnerships?groupBy=province&from=2026-03&to=2026-03&province=33", { token: ministryToken });
    const body = await jsonOf<{ data: unknown[]; period: unknown }>(res);
    expect(body.data).toEqual([{ key: "33", label: "Jawa Tengah", suppressed: false, agreements: 1, valueIdr: 50_000_000, suppliers: 1 }]);
    expect(body.period).toEqual({ from: "2026-03", to: "2026-03" });
  });

  it("returns the same rows as CSV for Accept: text/csv and for format=csv", async () => {
    for (const opts of [{ headers: { accept: "text/csv" }, token: ministryToken }, { token: ministryToken }]) {
      const res = await get(`/api/v1/stats/partnerships?groupBy=month${"headers" in opts ? "" : "&format=csv"}`, opts);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="rantai-kemitraan-month\.csv"/);
      const text = (await res.text()).replace(/^\uFEFF/, "");
      const parsed = Papa.parse<string[]>(text.trim());
      expect(parsed.data[0]).toEqual(["key", "label", "agreements", "valueIdr", "suppliers"]);
      expect(parsed.data.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
        ["2026-02", "1", "150000000", "1"],
        ["2026-03", "2", "57000000", "2"],
      ]);
    }
  });

  it("rejects a bad groupBy, month or range with 400 and field messages, in the caller's language", async () => {
    const res = await get("/api/v1/stats/partnerships?groupBy=city&from=2026-13&to=2025-01", { headers: { "accept-language": "en" } });
    expect(res.status).toBe(400);
    const body = await jsonOf<{ error: { code: string; fields: Record<string, string[]> } }>(res);
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(["groupBy", "from"]));
    expect(body.error.fields.from[0]).toMatch(/YYYY-MM/);
    const order = await jsonOf<{ error: { fields: Record<string, string[]> } }>(
      await get("/api/v1/stats/partnerships?groupBy=month&from=2026-05&to=2026-01"),
    );
    expect(order.error.fields.to[0]).toMatch(/sebelum|setelah|awal/i);
  });
});

describe("GET /api/v1/stats/suppliers", () => {
  it("is for ministry staff only: 401 without a token, 403 for a buyer, the list for the ministry", async () => {
    expect((await get("/api/v1/stats/suppliers")).status).toBe(401);
    expect((await get("/api/v1/stats/suppliers", { token: buyerToken })).status).toBe(403);
    const res = await get("/api/v1/stats/suppliers?province=33", { token: ministryToken });
    expect(res.status).toBe(200);
    const body = await jsonOf<{ data: { id: string; valueIdr: number; province: { code: string; name: string } }[] }>(res);
    expect(body.data).toEqual([
      expect.objectContaining({ id: jateng, valueIdr: 200_000_000, agreements: 2, province: { code: "33", name: "Jawa Tengah" } }),
    ]);
  });
});

// After the others: these add agreements.
describe("GET /api/v1/stats/summary: what counts", () => {
  it("leaves out agreements with an unverified buyer or supplier (issue 11 item 8)", async () => {
    // exact figures (ministry staff): the public ones may be withheld with so few UMKM (issue 11 item 13)
    const before = await jsonOf<{ activeAgreements: number; agreementValueIdr: number }>(
      await get("/api/v1/stats/summary", { token: ministryToken }),
    );
    const { organization: unverifiedBuyer } = await createBuyer(t.db, { verificationStatus: "pending" });
    const pendingUmkm = await createUmkm(t.db, { verificationStatus: "pending" });
    await createAgreement(t.db, unverifiedBuyer.id, jateng, { valueIdr: 11_000_000n });
    const { organization: verifiedBuyer } = await createBuyer(t.db);
    await createAgreement(t.db, verifiedBuyer.id, pendingUmkm.organization.id, { valueIdr: 12_000_000n });
    expect(await jsonOf(await get("/api/v1/stats/summary", { token: ministryToken }))).toMatchObject({
      activeAgreements: before.activeAgreements,
      agreementValueIdr: before.agreementValueIdr,
    });
    // verifying the buyer counts its agreement at once
    await t.db.organization.update({ where: { id: unverifiedBuyer.id }, data: { verificationStatus: "verified" } });
    expect(await jsonOf(await get("/api/v1/stats/summary", { token: ministryToken }))).toMatchObject({
      activeAgreements: before.activeAgreements + 1,
      agreementValueIdr: before.agreementValueIdr + 11_000_000,
    });
  });

  it("counts agreements completed with open milestones apart, suppressed while fewer than 3 suppliers stand behind them (issue 11 item 16)", async () => {
    const { organization: buyer } = await createBuyer(t.db);
    const leads = await Promise.all([1, 2, 3].map(() => createUmkm(t.db)));
    const openOne = (i: number, valueIdr: bigint) =>
      createAgreement(t.db, buyer.id, leads[i].organization.id, { status: "completed", valueIdr }).then((a) =>
        t.db.agreement.update({ where: { id: a.id }, data: { completionReason: "Tahap terakhir dibatalkan bersama" } }),
      );
    const exact = () => get("/api/v1/stats/summary", { token: ministryToken });
    const before = await jsonOf<{ completedAgreements: number }>(await exact());
    await openOne(0, 10_000_000n);
    await openOne(1, 20_000_000n);
    const two = await jsonOf<{ completedAgreements: number; completedWithOpenMilestones: unknown }>(await exact());
    expect(two.completedAgreements).toBe(before.completedAgreements + 2); // still completed
    expect(two.completedWithOpenMilestones).toEqual({ agreements: 2, valueIdr: 30_000_000, suppressed: false }); // ministry: exact
    const twoPublic = await jsonOf<{ completedWithOpenMilestones: unknown }>(await get("/api/v1/stats/summary"));
    expect(twoPublic.completedWithOpenMilestones).toEqual({ agreements: null, valueIdr: null, suppressed: true });
    await openOne(2, 30_000_000n);
    expect(
      (await jsonOf<{ completedWithOpenMilestones: unknown }>(await get("/api/v1/stats/summary"))).completedWithOpenMilestones,
    ).toEqual({
      agreements: 3,
      valueIdr: 60_000_000,
      suppressed: false,
    });
  });
});
