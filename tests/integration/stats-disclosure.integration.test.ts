// Statistical disclosure control (issue 11, item 13; lib/stats/disclosure.ts): a province backed by 1 or 2
// UMKM is withheld for anonymous callers, buyers and banks (JSON, CSV and the data of /statistik and its map),
// exact for ministry staff and platform admins; one more group is withheld so totals do not give it back;
// a province-filtered view cannot undo that; periods snap to whole quarters; overlapping periods cannot
// isolate a withheld quarter. And item 17: every card of /statistik follows the province and section filters.
import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { resetStatsCaches } from "@/lib/stats/partnerships";
import { getStatisticsOverview } from "@/lib/stats/overview";
import { getCurrentAgreements, getCurrentUmkm } from "@/lib/stats/current";
import { GET as partnerships } from "@/app/api/v1/stats/partnerships/route";
import { GET as summary } from "@/app/api/v1/stats/summary/route";

const t = useTestDatabase();
const tokens: Record<"buyer" | "bank" | "ministry" | "platform", string> = { buyer: "", bank: "", ministry: "", platform: "" };
const PAPUA_VALUE = 777_000_000;

// Central Java: 5 UMKM, one agreement each (Feb 2026). Bali: 3 UMKM (Mar 2026). Papua: ONE agreement (May 2026)
// led by one UMKM with two consortium members from Papua: 3 partnering UMKM, but one contract's value.
beforeAll(async () => {
  resetStatsCaches();
  const { organization: buyer, owner } = await createBuyer(t.db);
  tokens.buyer = (await createApiToken(owner.id, { name: "erp" })).token;
  for (const type of ["bank", "ministry", "platform"] as const) {
    const { owner: o } = await createOrganization(t.db, type);
    tokens[type] = (await createApiToken(o.id, { name: type })).token;
  }
  for (let i = 0; i < 5; i++) {
    const u = await createUmkm(t.db, { regencyCode: "33.75" });
    await createAgreement(t.db, buyer.id, u.organization.id, {
      scheme: "subkontrak",
      startDate: new Date("2026-02-10"),
      valueIdr: BigInt(100_000_000 + i),
    });
  }
  for (let i = 0; i < 3; i++) {
    const u = await createUmkm(t.db, { regencyCode: "51.71", kbliCodes: ["01111"] });
    await createAgreement(t.db, buyer.id, u.organization.id, {
      scheme: "rantai_pasok",
      startDate: new Date("2026-03-05"),
      valueIdr: 40_000_000n,
    });
  }
  const lead = await createUmkm(t.db, { regencyCode: "91.03", kbliCodes: ["01111"] });
  const papua = await createAgreement(t.db, buyer.id, lead.organization.id, {
    scheme: "inti_plasma",
    startDate: new Date("2026-05-20"),
    valueIdr: BigInt(PAPUA_VALUE),
  });
  for (let i = 0; i < 2; i++) {
    const m = await createUmkm(t.db, { regencyCode: "91.03", kbliCodes: ["01111"] });
    await t.db.agreementParty.create({ data: { agreementId: papua.id, organizationId: m.organization.id, role: "consortium_member" } });
  }
  // a registered, unverified UMKM in Papua (counts as registered, not verified)
  await createUmkm(t.db, { regencyCode: "91.03", verificationStatus: "pending" });
});

type Row = { key: string; suppressed: boolean; agreements: number | null; valueIdr: number | null; suppliers: number | null };
type Body = { data: Row[]; totals: Omit<Row, "key">; period: { from: string | null; to: string | null }; disclosure: string };

async function table(query: string, token?: string) {
  const res = await callRoute(partnerships, "GET", `/api/v1/stats/partnerships?${query}`, token ? { token } : {});
  expect(res.status).toBe(200);
  return jsonOf<Body>(res);
}
const row = (b: Body, key: string) => b.data.find((r) => r.key === key);

describe("statistical disclosure: who sees what", () => {
  for (const who of ["anonymous", "buyer", "bank"] as const) {
    it(`a province with one contract is withheld for ${who}: suppressed, null figures`, async () => {
      const b = await table("groupBy=province", who === "anonymous" ? undefined : tokens[who]);
      expect(b.disclosure).toBe("protected");
      expect(row(b, "91")).toMatchObject({ suppressed: true, agreements: null, valueIdr: null, suppliers: null });
      expect(JSON.stringify(b)).not.toContain(String(PAPUA_VALUE));
      expect(row(b, "33")).toMatchObject({ suppressed: false, agreements: 5, suppliers: 5 });
      expect(b.totals).toMatchObject({ suppressed: false, agreements: 9, suppliers: 11 });
    });
  }

  for (const who of ["ministry", "platform"] as const) {
    it(`${who} staff see exact figures`, async () => {
      const b = await table("groupBy=province", tokens[who]);
      expect(b.disclosure).toBe("exact");
      expect(row(b, "91")).toEqual(expect.objectContaining({ suppressed: false, agreements: 1, valueIdr: PAPUA_VALUE, suppliers: 3 }));
      expect(row(b, "51")).toEqual(expect.objectContaining({ suppressed: false, agreements: 3, suppliers: 3 }));
      expect(b.data.every((r) => !r.suppressed)).toBe(true);
    });
  }

  it("CSV: withheld cells are empty for the public, exact for the ministry", async () => {
    const csv = async (token?: string) => {
      const res = await callRoute(partnerships, "GET", "/api/v1/stats/partnerships?groupBy=province&format=csv", token ? { token } : {});
      const rows = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, "").trim()).data;
      return new Map(rows.slice(1).map((r) => [r[0], r.slice(2)]));
    };
    const pub = await csv();
    expect(pub.get("91")).toEqual(["", "", ""]);
    expect(pub.get("51")).toEqual(["", "", ""]); // secondary
    expect(pub.get("33")?.[0]).toBe("5");
    expect((await csv(tokens.bank)).get("91")).toEqual(["", "", ""]);
    expect((await csv(tokens.ministry)).get("91")).toEqual(["1", String(PAPUA_VALUE), "3"]);
  });

  it("the summary withholds figures behind fewer than 3 UMKM and says which", async () => {
    // 9 UMKM lead active agreements nationally: published
    const pub = await jsonOf<Record<string, unknown>>(await callRoute(summary, "GET", "/api/v1/stats/summary"));
    expect(pub).toMatchObject({ activeAgreements: 9, suppressed: [] });
  });
});

describe("statistical disclosure: secondary suppression and differencing", () => {
  it("by KBLI section Papua's contract is one of 4 lead UMKM in section A: nothing to withhold", async () => {
    const b = await table("groupBy=kbliSection");
    expect(row(b, "A")).toMatchObject({ suppressed: false, agreements: 4, suppliers: 6 });
    expect(b.data.some((r) => r.suppressed)).toBe(false);
  });

  for (const groupBy of ["province", "scheme"] as const) {
    it(`by ${groupBy}: the withheld group cannot be recomputed from the totals and the other rows`, async () => {
      const pub = await table(`groupBy=${groupBy}`);
      const exact = await table(`groupBy=${groupBy}`, tokens.ministry);
      const hidden = pub.data.filter((r) => r.suppressed);
      expect(hidden.length).toBeGreaterThanOrEqual(2); // never exactly one
      const published = pub.data.filter((r) => !r.suppressed);
      const restAgreements = pub.totals.agreements! - published.reduce((n, r) => n + r.agreements!, 0);
      const restValue = pub.totals.valueIdr! - published.reduce((n, r) => n + r.valueIdr!, 0);
      // what the public can work out is the SUM of the withheld rows, never one of them
      for (const h of hidden) {
        const e = exact.data.find((r) => r.key === h.key)!;
        expect(restValue).not.toBe(e.valueIdr);
        expect(restAgreements).toBeGreaterThan(e.agreements!);
      }
      expect(restValue).not.toBe(PAPUA_VALUE);
    });
  }

  it("a view filtered by a province withheld in the national table is withheld whole (filtered vs unfiltered)", async () => {
    // Bali has 3 UMKM, but it is the national table's secondary cell: its own view must not give it back
    for (const groupBy of ["scheme", "province", "month", "sizeClass"]) {
      const b = await table(`groupBy=${groupBy}&province=51`);
      expect(b.totals).toMatchObject({ suppressed: true, agreements: null, valueIdr: null });
      expect(b.data.filter((r) => !r.suppressed).every((r) => r.agreements === 0 && r.suppliers === 0)).toBe(true);
    }
    const papua = await table("groupBy=scheme&province=91");
    expect(papua.totals.suppressed).toBe(true);
    expect(JSON.stringify(papua)).not.toContain(String(PAPUA_VALUE));
    // Central Java is published on its own
    expect((await table("groupBy=scheme&province=33")).totals).toMatchObject({ suppressed: false, agreements: 5 });
    // the ministry sees Bali's view
    expect((await table("groupBy=scheme&province=51", tokens.ministry)).totals).toMatchObject({ suppressed: false, agreements: 3 });
  });

  it("public periods snap to whole quarters, and the answer says which period was used", async () => {
    const b = await table("groupBy=month&from=2026-02&to=2026-04");
    expect(b.period).toEqual({ from: "2026-01", to: "2026-06" });
    expect(b.data.map((r) => r.key)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    const exact = await table("groupBy=month&from=2026-02&to=2026-04", tokens.ministry);
    expect(exact.period).toEqual({ from: "2026-02", to: "2026-04" });
    expect(exact.totals.agreements).toBe(8);
    const res = await callRoute(partnerships, "GET", "/api/v1/stats/partnerships?groupBy=scheme&from=2026-05&to=2026-05&format=csv");
    expect(res.headers.get("content-disposition")).toContain("rantai-kemitraan-scheme-2026-04-2026-06.csv");
  });

  it("overlapping periods: Q1+Q2 minus Q1 does not give Papua's quarter", async () => {
    const h1 = await table("groupBy=scheme&from=2026-01&to=2026-06");
    const q1 = await table("groupBy=scheme&from=2026-01&to=2026-03");
    const q2 = await table("groupBy=scheme&from=2026-04&to=2026-06");
    expect(q2.totals.suppressed).toBe(true); // one contract
    // if both longer and shorter periods were published, their difference would be Q2
    const bothPublished = !h1.totals.suppressed && !q1.totals.suppressed;
    expect(bothPublished).toBe(false);
    if (!h1.totals.suppressed && !q1.totals.suppressed) expect(h1.totals.valueIdr! - q1.totals.valueIdr!).not.toBe(PAPUA_VALUE);
  });

  it("the month table: a withheld month cannot be recomputed within its quarter or the table", async () => {
    const b = await table("groupBy=month");
    expect(row(b, "2026-05")).toMatchObject({ suppressed: true, valueIdr: null });
    const published = b.data.filter((r) => !r.suppressed).reduce((n, r) => n + r.valueIdr!, 0);
    expect(b.totals.valueIdr! - published).not.toBe(PAPUA_VALUE);
  });
});

describe("/statistik data for the public (page and map)", () => {
  it("the map's and the tables' Papua figures are withheld; national totals stay published", async () => {
    const o = await getStatisticsOverview({}, "id", "public");
    const papua = o.partnerships.province.rows.find((r) => r.key === "91");
    expect(papua).toMatchObject({ suppressed: true, agreements: null, valueIdr: null, suppliers: null });
    expect(o.partnerships.scheme.totals).toMatchObject({ suppressed: false, agreements: 9 });
    expect(o.current.active).toBe(9);
    const exact = await getStatisticsOverview({}, "id", "exact");
    expect(exact.partnerships.province.rows.find((r) => r.key === "91")).toMatchObject({ suppressed: false, agreements: 1 });
  });

  it("filtered to Papua, no card gives the contract back", async () => {
    const o = await getStatisticsOverview({ province: "91" }, "id", "public");
    expect(o.partnerships.scheme.totals.suppressed).toBe(true);
    expect(o.current).toEqual({ active: null, activeValueIdr: null, completed: 0 });
    expect(o.supplyChain).toMatchObject({ suppressed: true, share: null, umkmWithActiveAgreement: null });
    expect(o.microSmallValueShare).toBeNull();
    expect(JSON.stringify(o, (_k, v) => (typeof v === "bigint" ? Number(v) : v))).not.toContain(String(PAPUA_VALUE));
  });
});

describe("/statistik cards follow the province and section filters (item 17)", () => {
  it("active and completed agreements now: by the lead supplier's province and section", async () => {
    expect(await getCurrentAgreements({})).toMatchObject({ active: 9, completed: 0 });
    expect(await getCurrentAgreements({ province: "33" })).toMatchObject({ active: 5, activeLeads: 5 });
    expect(await getCurrentAgreements({ province: "91" })).toMatchObject({
      active: 1,
      activeValueIdr: BigInt(PAPUA_VALUE),
      activeLeads: 1,
    });
    expect(await getCurrentAgreements({ province: "11" })).toMatchObject({ active: 0, completed: 0 });
    expect(await getCurrentAgreements({ kbliSection: "A" })).toMatchObject({ active: 4 });
    expect(await getCurrentAgreements({ province: "51", kbliSection: "C" })).toMatchObject({ active: 0 });
  });

  it("UMKM registered and verified: by province and section", async () => {
    expect(await getCurrentUmkm({})).toEqual({ registered: 12, verified: 11 });
    expect(await getCurrentUmkm({ province: "91" })).toEqual({ registered: 4, verified: 3 });
    expect(await getCurrentUmkm({ kbliSection: "A" })).toEqual({ registered: 6, verified: 6 });
    expect(await getCurrentUmkm({ province: "11" })).toEqual({ registered: 0, verified: 0 });
  });

  it("every card of the overview changes with the province filter (exact audience)", async () => {
    const all = await getStatisticsOverview({}, "id", "exact");
    const jateng = await getStatisticsOverview({ province: "33" }, "id", "exact");
    const aceh = await getStatisticsOverview({ province: "11" }, "id", "exact");
    expect(all.current.active).toBe(9);
    expect(jateng.current.active).toBe(5);
    expect(aceh.current).toEqual({ active: 0, activeValueIdr: 0n, completed: 0 });
    expect(all.umkm.verified).toBe(11);
    expect(jateng.umkm).toEqual({ registered: 5, verified: 5 });
    expect(aceh.umkm).toEqual({ registered: 0, verified: 0 });
    expect(jateng.supplyChain).toMatchObject({ umkmVerified: 5, umkmWithActiveAgreement: 5 });
    expect(jateng.partnerships.scheme.totals).toMatchObject({ agreements: 5, suppliers: 5 });
    expect(aceh.partnerships.scheme.totals).toMatchObject({ agreements: 0, valueIdr: 0n, suppliers: 0 });
    expect(aceh.microSmallValueShare).toBeNull();
    expect(aceh.daysToPay).toEqual({ median: null, payments: 0 });
    expect(aceh.movedUp).toBe(0);
  });
});
