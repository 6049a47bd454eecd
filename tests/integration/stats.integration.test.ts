// Partnership statistics against an independent count: the test keeps its own list of the agreements it
// created (lead, consortium members, scheme, start month, value, status) and of each supplier's province,
// KBLI section and size class, computes the expected figures in plain TypeScript, and compares them with
// what lib/stats reads from the trigger-maintained rollups — through the life cycle (draft → active →
// completed / terminated), consortium members, a supplier moving province, and the rollups' full rebuild.
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { testBackend, useTestDatabase } from "@/tests/helpers/db";
import { createAgreement, createBuyer, createUmkm, createUser } from "@/tests/helpers/factories";
import { getPartnershipStats, resetStatsCaches } from "@/lib/stats/partnerships";
import { getPublicSummary, getSupplyChainShare } from "@/lib/stats/public-summary";
import { countMovedUp, getStatisticsOverview, medianDaysToPay } from "@/lib/stats/overview";
import { getTopSuppliers } from "@/lib/stats/drilldown";
import { GROUP_BYS, monthKey, monthOf, statsFilterSchema, type GroupBy, type StatsFilter } from "@/lib/stats/schemas";
import { actAs } from "@/tests/helpers/act-as";
import { getCompletedWithOpenMilestones } from "@/lib/stats/completed-open";
import type { PartnershipScheme, AgreementStatus, VerificationStatus } from "@/lib/db/generated/enums";

const t = useTestDatabase();

interface Sup {
  id: string;
  province: string;
  section: string;
  size: string;
}
interface Ag {
  id: string;
  buyer: string;
  lead: Sup;
  members: Sup[];
  scheme: PartnershipScheme;
  start: Date;
  value: bigint;
  status: AgreementStatus;
  /** Agreement.completionReason is set (completed with open milestones). */
  open?: boolean;
}

const ags: Ag[] = [];
/** Organizations whose verification the test withdrew or has not granted (all others are verified). */
const unverified = new Set<string>();
/** Counted by the statistics (issue 11 item 8): active or completed, buyer and supplying party verified. */
const counts = (a: Ag) => (a.status === "active" || a.status === "completed") && !unverified.has(a.buyer) && !unverified.has(a.lead.id);
const sups: Record<string, Sup> = {};
let buyerId = "";
const d = (s: string) => new Date(`${s}T00:00:00Z`);

// ---- the independent count ------------------------------------------------------------------------------
function dimOf(s: Sup, g: GroupBy): string {
  return g === "province" ? s.province : g === "kbliSection" ? s.section : s.size;
}
function inFilter(s: Sup, f: StatsFilter) {
  return (!f.province || s.province === f.province) && (!f.kbliSection || s.section === f.kbliSection);
}
function inPeriod(a: Ag, f: StatsFilter) {
  const m = monthKey(monthOf(a.start));
  return (!f.from || m >= f.from) && (!f.to || m <= f.to);
}
function expected(g: GroupBy, f: StatsFilter) {
  const counted = ags.filter((a) => counts(a) && inPeriod(a, f));
  const out = new Map<string, { agreements: number; valueIdr: bigint; suppliers: Set<string> }>();
  const row = (k: string) => out.get(k) ?? out.set(k, { agreements: 0, valueIdr: 0n, suppliers: new Set() }).get(k)!;
  const keyFor = (a: Ag, s: Sup) => (g === "scheme" ? a.scheme : g === "month" ? monthKey(monthOf(a.start)) : dimOf(s, g));
  const allSuppliers = new Set<string>();
  for (const a of counted) {
    if (inFilter(a.lead, f)) {
      const r = row(keyFor(a, a.lead));
      r.agreements++;
      r.valueIdr += a.value;
    }
    for (const s of [a.lead, ...a.members]) {
      if (!inFilter(s, f)) continue;
      row(keyFor(a, s)).suppliers.add(s.id);
      allSuppliers.add(s.id);
    }
  }
  const rows = [...out.entries()]
    .map(([key, r]) => ({ key, agreements: r.agreements, valueIdr: r.valueIdr, suppliers: r.suppliers.size }))
    .filter((r) => r.agreements > 0 || r.suppliers > 0)
    .sort((a, b) => a.key.localeCompare(b.key));
  return { rows, totalSuppliers: allSuppliers.size };
}

async function actual(g: GroupBy, f: StatsFilter) {
  const s = await getPartnershipStats(g, f, "id");
  return {
    rows: s.rows
      .filter((r) => r.agreements > 0 || r.suppliers > 0) // by-month fills empty months with zeros
      .map(({ key, agreements, valueIdr, suppliers }) => ({ key, agreements, valueIdr, suppliers }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    totalSuppliers: s.totals.suppliers,
  };
}

const FILTERS: StatsFilter[] = [
  {},
  { from: "2026-02", to: "2026-04" },
  { from: "2026-03" },
  { to: "2026-02" },
  { province: "33" },
  { kbliSection: "C" },
  { province: "51", kbliSection: "A" },
  { from: "2026-01", to: "2026-06", province: "33", kbliSection: "C" },
  { from: "2026-02", to: "2026-05", kbliSection: "C" },
  { from: "2026-03", to: "2026-03" },
];

async function expectAllMatch() {
  for (const g of GROUP_BYS) {
    for (const f of FILTERS) {
      expect(await actual(g, f), `groupBy=${g} filter=${JSON.stringify(f)}`).toEqual(expected(g, f));
    }
  }
}

async function snapshotRollups() {
  const q = (sql: string) => t.sql.query(sql);
  return {
    cells: await q(`SELECT * FROM "StatsCell" ORDER BY 1,2,3,4,5`),
    monthCells: await q(`SELECT * FROM "StatsSupplierMonthCell" ORDER BY 1,2,3,4`),
    suppliers: await q(`SELECT * FROM "StatsSupplier" ORDER BY 1`),
    schemes: await q(`SELECT * FROM "StatsSupplierScheme" ORDER BY 1,2`),
    months: await q(`SELECT * FROM "StatsSupplierMonth" ORDER BY 1,2,3`),
    statuses: await q(`SELECT * FROM "StatsAgreementStatus" WHERE agreements <> 0 ORDER BY 1`),
    umkm: await q(`SELECT * FROM "StatsUmkm" ORDER BY 1`),
    sizeUps: await q(`SELECT * FROM "StatsSizeUp" ORDER BY 1`),
    totals: await q(`SELECT * FROM "StatsSupplierTotal" ORDER BY 1`),
    steps: await q(`SELECT * FROM "StatsSchemeStep" ORDER BY 1,2,3,4`),
    payments: await q(`SELECT * FROM "StatsPayment" ORDER BY 1`),
    completedOpen: await q(`SELECT * FROM "StatsCompletedOpen" ORDER BY 1,2`),
    trackRecords: await q(`SELECT * FROM "SupplierTrackRecord" ORDER BY 1`),
  };
}

async function umkm(
  regencyCode: string,
  kbli: string,
  annualSalesIdr: bigint,
  province: string,
  section: string,
  size: string,
  verificationStatus: VerificationStatus = "verified",
) {
  const u = await createUmkm(t.db, { regencyCode, kbliCodes: [kbli], annualSalesIdr, verificationStatus });
  if (verificationStatus !== "verified") unverified.add(u.organization.id);
  const s = { id: u.organization.id, province, section, size };
  sups[s.id] = s;
  return s;
}

async function agreement(
  lead: Sup,
  opts: { scheme: PartnershipScheme; start: string; value: bigint; status: AgreementStatus; members?: Sup[]; buyer?: string },
) {
  const buyer = opts.buyer ?? buyerId;
  const a = await createAgreement(t.db, buyer, lead.id, {
    scheme: opts.scheme,
    startDate: d(opts.start),
    valueIdr: opts.value,
    status: opts.status,
  });
  for (const m of opts.members ?? []) {
    await t.db.agreementParty.create({ data: { agreementId: a.id, organizationId: m.id, role: "consortium_member" } });
  }
  const ag: Ag = {
    id: a.id,
    buyer,
    lead,
    members: opts.members ?? [],
    scheme: opts.scheme,
    start: d(opts.start),
    value: opts.value,
    status: opts.status,
  };
  ags.push(ag);
  return ag;
}

async function setStatus(ag: Ag, status: AgreementStatus) {
  await t.db.agreement.update({ where: { id: ag.id }, data: { status } });
  ag.status = status;
}

let batikA: Sup, batikB: Sup, metal: Sup, farm: Sup, farm2: Sup;
let codeA = "";

beforeAll(async () => {
  resetStatsCaches();
  const a = await t.db.kbliCode.findFirst({ where: { version: "2020", level: 5, section: "A" }, orderBy: { code: "asc" } });
  codeA = a!.code;
  buyerId = (await createBuyer(t.db, { isStateOwned: true })).organization.id;
  batikA = await umkm("33.75", "13134", 1_000_000_000n, "33", "C", "mikro"); // Pekalongan, batik, micro
  batikB = await umkm("33.75", "13134", 10_000_000_000n, "33", "C", "kecil");
  metal = await umkm("33.28", "25920", 30_000_000_000n, "33", "C", "menengah"); // Tegal, machining, medium
  farm = await umkm("51.71", codeA, 1_500_000_000n, "51", "A", "mikro"); // Denpasar, agriculture
  farm2 = await umkm("91.71", codeA, 3_000_000_000n, "91", "A", "kecil"); // Jayapura

  await agreement(batikA, { scheme: "rantai_pasok", start: "2026-01-15", value: 90_000_000n, status: "active" });
  await agreement(batikA, { scheme: "rantai_pasok", start: "2026-03-01", value: 10_000_000n, status: "completed" });
  await agreement(batikB, { scheme: "subkontrak", start: "2026-03-20", value: 250_000_000n, status: "active" });
  await agreement(metal, { scheme: "subkontrak", start: "2026-04-02", value: 1_200_000_000n, status: "active", members: [batikB, farm] });
  await agreement(farm, { scheme: "inti_plasma", start: "2026-02-10", value: 45_000_000n, status: "active", members: [farm2] });
  await agreement(farm2, { scheme: "inti_plasma", start: "2025-12-05", value: 5_000_000n, status: "completed" });
  await agreement(batikA, { scheme: "perdagangan_umum", start: "2026-05-05", value: 7_000_000n, status: "proposed" });
  await agreement(metal, { scheme: "rantai_pasok", start: "2026-06-01", value: 9_000_000n, status: "terminated" });
  await agreement(farm2, { scheme: "waralaba", start: "2026-02-01", value: 1n, status: "draft" });
});

describe("partnership statistics against an independent count", () => {
  it("every grouping and filter matches the count computed from the rows the test created", async () => {
    await expectAllMatch();
    // and spot-check a few figures by hand, so the reference itself is checked
    const byScheme = await getPartnershipStats("scheme", {}, "id");
    expect(byScheme.rows.find((r) => r.key === "subkontrak")).toMatchObject({ agreements: 2, valueIdr: 1_450_000_000n, suppliers: 3 });
    expect(byScheme.totals).toEqual({ agreements: 6, valueIdr: 1_600_000_000n, suppliers: 5 });
    const byProvince = await getPartnershipStats("province", {}, "id");
    expect(byProvince.rows.find((r) => r.key === "33")).toMatchObject({ label: "Jawa Tengah", agreements: 4, suppliers: 3 });
  });

  it("an agreement moves the figures of its scheme, province and sector when it is created, activated and completed", async () => {
    const before = {
      scheme: await getPartnershipStats("scheme", {}, "id"),
      province: await getPartnershipStats("province", {}, "id"),
      section: await getPartnershipStats("kbliSection", {}, "id"),
      summary: await getPublicSummary(),
    };
    const get = (s: Awaited<ReturnType<typeof getPartnershipStats>>, key: string) => s.rows.find((r) => r.key === key)?.agreements ?? 0;

    const ag = await agreement(farm2, { scheme: "bagi_hasil", start: "2026-04-10", value: 12_345n, status: "draft" });
    expect(get(await getPartnershipStats("scheme", {}, "id"), "bagi_hasil")).toBe(get(before.scheme, "bagi_hasil"));

    await setStatus(ag, "active");
    expect(get(await getPartnershipStats("scheme", {}, "id"), "bagi_hasil")).toBe(get(before.scheme, "bagi_hasil") + 1);
    expect(get(await getPartnershipStats("province", {}, "id"), "91")).toBe(get(before.province, "91") + 1);
    expect(get(await getPartnershipStats("kbliSection", {}, "id"), "A")).toBe(get(before.section, "A") + 1);
    const active = await getPublicSummary();
    expect(active.activeAgreements).toBe(before.summary.activeAgreements + 1);
    expect(active.activeAgreementValueIdr).toBe(before.summary.activeAgreementValueIdr + 12_345n);

    await setStatus(ag, "completed");
    const done = await getPublicSummary();
    expect(done.activeAgreements).toBe(before.summary.activeAgreements);
    expect(done.completedAgreements).toBe(before.summary.completedAgreements + 1);
    // still counted (it was a partnership): the scheme keeps its +1
    expect(get(await getPartnershipStats("scheme", {}, "id"), "bagi_hasil")).toBe(get(before.scheme, "bagi_hasil") + 1);
    await expectAllMatch();
  });

  it("terminating, editing the value and start date, and adding or removing a consortium member keep the figures exact", async () => {
    const first = ags[0];
    await setStatus(first, "terminated");
    const second = ags[2];
    await t.db.agreement.update({ where: { id: second.id }, data: { valueIdr: 260_000_000n, startDate: d("2026-05-31") } });
    second.value = 260_000_000n;
    second.start = d("2026-05-31");
    const consortium = ags[3];
    await t.db.agreementParty.create({ data: { agreementId: consortium.id, organizationId: farm2.id, role: "consortium_member" } });
    consortium.members.push(farm2);
    await t.db.agreementParty.deleteMany({ where: { agreementId: consortium.id, organizationId: farm.id } });
    consortium.members = consortium.members.filter((m) => m.id !== farm.id);
    await expectAllMatch();
  });

  it("a supplier that moves province, changes its primary KBLI or size class is counted where it is now", async () => {
    await t.db.supplierProfile.update({ where: { organizationId: batikB.id }, data: { regencyCode: "51.71" } });
    batikB.province = "51";
    await t.db.supplierKbli.deleteMany({ where: { supplierId: metal.id } });
    await t.db.supplierKbli.create({ data: { supplierId: metal.id, kbliVersion: "2020", kbliCode: codeA, isPrimary: true } });
    metal.section = "A";
    await t.db.supplierProfile.update({ where: { organizationId: farm.id }, data: { sizeClass: "kecil" } });
    farm.size = "kecil";
    await expectAllMatch();
  });

  it("the incrementally maintained rollups equal a full rebuild", async () => {
    const incremental = await snapshotRollups();
    await t.sql.query(`SELECT stats_rebuild()`);
    expect(await snapshotRollups()).toEqual(incremental);
    expect(incremental.cells.length).toBeGreaterThan(0);
  });

  it("the in-supply-chain rate counts verified UMKM with an active agreement, as lead or consortium member", async () => {
    // independent: verified UMKM that are a supplier-side party to an active agreement now
    const activeParties = new Set(ags.filter((a) => a.status === "active").flatMap((a) => [a.lead.id, ...a.members.map((m) => m.id)]));
    const all = Object.values(sups);
    const s = await getSupplyChainShare({});
    expect(s.umkmVerified).toBe(all.length);
    expect(s.umkmWithActiveAgreement).toBe(all.filter((x) => activeParties.has(x.id)).length);
    const jateng = await getSupplyChainShare({ province: "33" });
    const inJateng = all.filter((x) => x.province === "33");
    expect(jateng.umkmVerified).toBe(inJateng.length);
    expect(jateng.umkmWithActiveAgreement).toBe(inJateng.filter((x) => activeParties.has(x.id)).length);
    const agri = await getSupplyChainShare({ kbliSection: "A" });
    const inAgri = all.filter((x) => x.section === "A");
    expect(agri.umkmVerified).toBe(inAgri.length);
    expect(agri.umkmWithActiveAgreement).toBe(inAgri.filter((x) => activeParties.has(x.id)).length);
  });

  it("median days to pay and UMKM that moved up a size class", async () => {
    const ag = ags[3];
    const days = [10, 30, 45, 60];
    for (const [i, n] of days.entries()) {
      await t.db.payment.create({
        data: { agreementId: ag.id, amountIdr: 1_000n, invoicedOn: d("2026-05-01"), paidOn: d(`2026-0${5 + (i % 2)}-1${i}`), daysToPay: n },
      });
    }
    expect(await medianDaysToPay({})).toMatchObject({ median: 37.5, payments: 4 });
    expect(await medianDaysToPay({ from: "2026-06", to: "2026-06" })).toMatchObject({ median: 45, payments: 2 }); // 30, 60
    expect((await medianDaysToPay({ province: "91" })).payments).toBe(0);
    // metal: Tegal, section A since the move above
    expect(await medianDaysToPay({ province: "33", kbliSection: "A" })).toMatchObject({ median: 37.5, payments: 4 });
    // the lead supplier moves: its payments move with it (and equal a rebuild)
    await t.db.supplierProfile.update({ where: { organizationId: metal.id }, data: { regencyCode: "51.71" } });
    metal.province = "51";
    expect((await medianDaysToPay({ province: "33" })).payments).toBe(0);
    expect((await medianDaysToPay({ province: "51" })).payments).toBe(4);
    const payments = await t.sql.query(`SELECT * FROM "StatsPayment" ORDER BY 1`);
    await t.sql.query(`SELECT stats_rebuild()`);
    expect(await t.sql.query(`SELECT * FROM "StatsPayment" ORDER BY 1`)).toEqual(payments);
    await expectAllMatch();

    const before = await countMovedUp({});
    const grower = await createUmkm(t.db, {
      regencyCode: "33.75",
      annualSalesIdr: 9_000_000_000n, // kecil now
      sizeHistory: [{ annualSalesIdr: 1_000_000_000n, effectiveAt: d("2024-01-01") }], // was mikro
      sizeReportedAt: d("2026-03-01"),
    });
    await createUmkm(t.db, {
      regencyCode: "33.75",
      annualSalesIdr: 1_000_000_000n, // went down: not counted
      sizeHistory: [{ annualSalesIdr: 9_000_000_000n, effectiveAt: d("2024-01-01") }],
      sizeReportedAt: d("2026-03-01"),
    });
    expect(await countMovedUp({})).toBe(before + 1);
    expect(await countMovedUp({ from: "2026-03", to: "2026-03", province: "33" })).toBe(1);
    expect(await countMovedUp({ from: "2026-04" })).toBe(0);
    expect(await countMovedUp({ province: "51" })).toBe(0);
    expect(grower.organization.id).toBeTruthy();
  });

  it("the per-UMKM rollups stay exact after new agreements, verification, KBLI and size-class changes", async () => {
    const rate = async (f: { province?: string; kbliSection?: string }) => getSupplyChainShare(f);
    const before = await rate({ province: "33" });
    // a new verified UMKM in Central Java, section A: counted in the denominator at once
    const newcomer = await umkm("33.75", codeA, 1_000_000_000n, "33", "A", "mikro");
    expect(await rate({ province: "33" })).toMatchObject({
      umkmVerified: before.umkmVerified + 1,
      umkmWithActiveAgreement: before.umkmWithActiveAgreement,
    });
    // its first active agreement puts it in the numerator; completing it takes it out again
    const ag = await agreement(newcomer, { scheme: "rantai_pasok", start: "2026-07-01", value: 5_000_000n, status: "active" });
    expect((await rate({ province: "33", kbliSection: "A" })).umkmWithActiveAgreement).toBe(
      Object.values(sups).filter(
        (x) =>
          x.province === "33" &&
          x.section === "A" &&
          ags.some((a) => a.status === "active" && [a.lead.id, ...a.members.map((m) => m.id)].includes(x.id)),
      ).length,
    );
    expect((await rate({ province: "33" })).umkmWithActiveAgreement).toBe(before.umkmWithActiveAgreement + 1);
    await setStatus(ag, "completed");
    expect((await rate({ province: "33" })).umkmWithActiveAgreement).toBe(before.umkmWithActiveAgreement);
    // its primary KBLI changes section: the rate by section follows
    const agriBefore = await rate({ kbliSection: "A" });
    const manuBefore = await rate({ kbliSection: "C" });
    await t.db.supplierKbli.deleteMany({ where: { supplierId: newcomer.id } });
    await t.db.supplierKbli.create({ data: { supplierId: newcomer.id, kbliVersion: "2020", kbliCode: "25920", isPrimary: true } });
    newcomer.section = "C";
    expect((await rate({ kbliSection: "A" })).umkmVerified).toBe(agriBefore.umkmVerified - 1);
    expect((await rate({ kbliSection: "C" })).umkmVerified).toBe(manuBefore.umkmVerified + 1);
    // a supplier losing its verification leaves the denominator
    await t.db.supplierProfile.update({ where: { organizationId: newcomer.id }, data: { verificationStatus: "pending" } });
    expect((await rate({ province: "33" })).umkmVerified).toBe(before.umkmVerified);
    // size-class history: an up-move inserted before a later change, then removed
    const movedBefore = await countMovedUp({ from: "2025-01", to: "2025-12", province: "33" });
    await t.db.sizeClassChange.create({
      data: {
        supplierId: newcomer.id,
        sizeClass: "mikro",
        basis: "annual_sales",
        annualSalesIdr: 1_000_000_000n,
        effectiveAt: d("2025-01-01"),
      },
    });
    const up = await t.db.sizeClassChange.create({
      data: {
        supplierId: newcomer.id,
        sizeClass: "menengah",
        basis: "annual_sales",
        annualSalesIdr: 30_000_000_000n,
        effectiveAt: d("2025-06-01"),
      },
    });
    expect(await countMovedUp({ from: "2025-01", to: "2025-12", province: "33" })).toBe(movedBefore + 1);
    expect(await countMovedUp({ from: "2025-01", to: "2025-12", province: "33", kbliSection: "C" })).toBeGreaterThanOrEqual(1);
    // the rollups equal a rebuild
    const incremental = await snapshotRollups();
    await t.sql.query(`SELECT stats_rebuild()`);
    expect(await snapshotRollups()).toEqual(incremental);
    expect(incremental.umkm.length).toBeGreaterThan(Object.keys(sups).length - 1);
    await t.db.sizeClassChange.delete({ where: { id: up.id } });
    expect(await countMovedUp({ from: "2025-01", to: "2025-12", province: "33" })).toBe(movedBefore);
    const incremental2 = await snapshotRollups();
    await t.sql.query(`SELECT stats_rebuild()`);
    expect(await snapshotRollups()).toEqual(incremental2);
  });

  it("the overview's share of value to micro and small firms is that of the size-class rows", async () => {
    const o = await getStatisticsOverview({}, "en", "exact");
    const counted = ags.filter((a) => a.status === "active" || a.status === "completed");
    const total = counted.reduce((n, a) => n + a.value, 0n);
    const ms = counted.filter((a) => a.lead.size === "mikro" || a.lead.size === "kecil").reduce((n, a) => n + a.value, 0n);
    expect(o.microSmallValueShare).toBeCloseTo(Number(ms) / Number(total), 4);
    expect(o.partnerships.scheme.rows.find((r) => r.key === "subkontrak")?.label).toBe("Subcontracting");
  });
});

describe("statistics filters and the drill-down", () => {
  it("rejects bad filters with field messages", () => {
    const r = statsFilterSchema.safeParse({ from: "2026-13", province: "Jawa", kbliSection: "1" });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["from", "province", "kbliSection"]));
    const order = statsFilterSchema.safeParse({ from: "2026-05", to: "2026-01" });
    expect(order.error?.issues[0]).toMatchObject({ path: ["to"], message: "stats.errors.range" });
    expect(statsFilterSchema.parse({ from: "", kbliSection: "c" })).toEqual({ kbliSection: "C" });
  });

  it("names organizations to ministry staff only", async () => {
    const { organization: ministry } = await t.db.organization
      .create({ data: { type: "ministry", name: "Kementerian UMKM (uji)", verificationStatus: "verified" } })
      .then((organization) => ({ organization }));
    const staff = await createUser(t.db);
    await t.db.membership.create({ data: { userId: staff.id, organizationId: ministry.id, role: "member" } });
    const top = await getTopSuppliers(await actAs(staff, ministry.id), {});
    expect(top[0]).toMatchObject({ id: ags[3].lead.id, provinceCode: "51", provinceName: "Bali" }); // metal, moved to Denpasar above
    expect(top.map((s) => s.valueIdr)).toEqual([...top.map((s) => s.valueIdr)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));

    // every filter and limit equals the ranking computed from the rows the test created
    const actor = await actAs(staff, ministry.id);
    const filters: StatsFilter[] = [
      {},
      { from: "2026-01" },
      { from: "2026-02", to: "2026-04" },
      { to: "2026-01" },
      { province: "51" },
      { from: "2026-03", kbliSection: "A" },
    ];
    for (const f of filters) {
      for (const limit of [1, 2, 20]) {
        const lo = f.from ? monthOf(new Date(`${f.from}-01T00:00:00Z`)) : -Infinity;
        const hi = f.to ? monthOf(new Date(`${f.to}-01T00:00:00Z`)) : Infinity;
        const acc = new Map<string, { id: string; agreements: number; valueIdr: bigint; participations: number }>();
        const get = (id: string) => acc.get(id) ?? acc.set(id, { id, agreements: 0, valueIdr: 0n, participations: 0 }).get(id)!;
        for (const a of ags) {
          if (a.status !== "active" && a.status !== "completed") continue;
          const m = monthOf(a.start);
          if (m < lo || m > hi) continue;
          const lead = get(a.lead.id);
          lead.agreements += 1;
          lead.valueIdr += a.value;
          lead.participations += 1;
          for (const x of a.members) get(x.id).participations += 1;
        }
        const expected = [...acc.values()]
          .filter((r) => (!f.province || sups[r.id].province === f.province) && (!f.kbliSection || sups[r.id].section === f.kbliSection))
          .sort((a, b) =>
            a.valueIdr !== b.valueIdr ? (a.valueIdr > b.valueIdr ? -1 : 1) : b.participations - a.participations || (a.id < b.id ? -1 : 1),
          )
          .slice(0, limit);
        const got = await getTopSuppliers(actor, f, limit);
        expect(
          got.map(({ id, agreements, valueIdr, participations }) => ({ id, agreements, valueIdr, participations })),
          JSON.stringify(f),
        ).toEqual(expected);
      }
    }

    await expect(getTopSuppliers(null, {})).rejects.toMatchObject({ code: "unauthorized" });
    const buyerUser = await createUser(t.db);
    await t.db.membership.create({ data: { userId: buyerUser.id, organizationId: buyerId, role: "owner" } });
    await expect(getTopSuppliers(await actAs(buyerUser, buyerId), {})).rejects.toMatchObject({ code: "forbidden" });
  });
});

// Issue 11 item 8: every figure counts only agreements whose buyer and supplying party (the UMKM, cooperative or
// consortium lead) are verified, and follows verification both ways in the same transaction; stats_rebuild()
// computes the same. Item 16: agreements completed with open milestones are counted apart.
describe("only agreements between verified parties count", () => {
  async function setVerification(ids: string[], status: VerificationStatus) {
    await t.db.organization.updateMany({ where: { id: { in: ids } }, data: { verificationStatus: status } });
    for (const id of ids) {
      if (status === "verified") unverified.delete(id);
      else unverified.add(id);
    }
  }
  async function expectRebuildEqual() {
    const incremental = await snapshotRollups();
    await t.sql.query(`SELECT stats_rebuild()`);
    expect(await snapshotRollups()).toEqual(incremental);
  }
  async function expectSummary() {
    const s = await getPublicSummary();
    const active = ags.filter((a) => counts(a) && a.status === "active");
    expect(s.activeAgreements).toBe(active.length);
    expect(s.activeAgreementValueIdr).toBe(active.reduce((n, a) => n + a.value, 0n));
    expect(s.completedAgreements).toBe(ags.filter((a) => counts(a) && a.status === "completed").length);
    // "in supply chain": UMKM with a verified profile that are a party to a counted active agreement
    const verifiedProfiles = new Set(
      (await t.db.supplierProfile.findMany({ where: { verificationStatus: "verified" }, select: { organizationId: true } })).map(
        (p) => p.organizationId,
      ),
    );
    const inChain = new Set(active.flatMap((a) => [a.lead.id, ...a.members.map((m) => m.id)]).filter((id) => verifiedProfiles.has(id)));
    expect((await getSupplyChainShare({})).umkmWithActiveAgreement).toBe(inChain.size);
  }
  async function expectExact() {
    await expectAllMatch();
    await expectSummary();
    await expectRebuildEqual();
  }
  const totalAgreements = async () => (await getPartnershipStats("scheme", {}, "id")).totals.agreements;

  it("an agreement with an unverified buyer or supplier is not counted; verifying counts it; withdrawing removes it", async () => {
    const pendingBuyer = (await createBuyer(t.db, { verificationStatus: "pending" })).organization.id;
    unverified.add(pendingBuyer);
    const pendingLead = await umkm("33.75", "13134", 1_000_000_000n, "33", "C", "mikro", "pending");
    const before = await totalAgreements();
    const byUnverifiedBuyer = await agreement(batikA, {
      scheme: "waralaba",
      start: "2026-02-14",
      value: 70_000_000n,
      status: "active",
      buyer: pendingBuyer,
    });
    const byUnverifiedLead = await agreement(pendingLead, {
      scheme: "waralaba",
      start: "2026-03-14",
      value: 30_000_000n,
      status: "completed",
      members: [farm2],
    });
    expect(await totalAgreements()).toBe(before);
    expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "waralaba")).toBeUndefined();
    await expectExact();

    await setVerification([pendingBuyer], "verified");
    expect(await totalAgreements()).toBe(before + 1);
    expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "waralaba")).toMatchObject({
      agreements: 1,
      valueIdr: 70_000_000n,
    });
    await expectExact();

    await setVerification([pendingLead.id], "verified");
    expect(await totalAgreements()).toBe(before + 2);
    await expectExact();

    // returned, then (as a suspension would) set back to pending: its agreements leave the figures each time
    await setVerification([pendingBuyer], "returned");
    expect(await totalAgreements()).toBe(before + 1);
    await expectExact();
    await setVerification([pendingLead.id], "pending");
    expect(await totalAgreements()).toBe(before);
    expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "waralaba")).toBeUndefined();
    await expectExact();
    // a status change that keeps the verified-ness (pending → returned) moves nothing
    await setVerification([pendingLead.id], "returned");
    await expectExact();
    expect(byUnverifiedBuyer.id && byUnverifiedLead.id).toBeTruthy();
  });

  it("the consortium lead's verification gates the agreement; a member's does not", async () => {
    const member = await umkm("51.71", codeA, 1_000_000_000n, "51", "A", "mikro", "pending");
    const consortium = await agreement(batikB, {
      scheme: "kerja_sama_operasional",
      start: "2026-04-20",
      value: 40_000_000n,
      status: "active",
      members: [member],
    });
    // counted, and the unverified member is a partnering UMKM of it
    expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "kerja_sama_operasional")).toMatchObject({
      agreements: 1,
      suppliers: 2,
    });
    await expectExact();
    // the lead loses its verification: the agreement leaves with its member, and so do the lead's other agreements
    await setVerification([batikB.id], "returned");
    expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "kerja_sama_operasional")).toBeUndefined();
    await expectExact();
    await setVerification([batikB.id], "verified");
    await expectExact();
    // a member joining or leaving while the lead is unverified changes nothing; once verified, they count
    await setVerification([batikB.id], "pending");
    await t.db.agreementParty.create({ data: { agreementId: consortium.id, organizationId: farm.id, role: "consortium_member" } });
    consortium.members.push(farm);
    await expectExact();
    await setVerification([batikB.id], "verified");
    expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "kerja_sama_operasional")).toMatchObject({
      agreements: 1,
      suppliers: 3,
    });
    await expectExact();
  });

  it("one statement verifying both parties of an agreement counts it once", async () => {
    const buyer = (await createBuyer(t.db, { verificationStatus: "pending" })).organization.id;
    unverified.add(buyer);
    const lead = await umkm("91.71", codeA, 1_000_000_000n, "91", "A", "mikro", "pending");
    await agreement(lead, { scheme: "usaha_patungan", start: "2026-05-02", value: 11_000_000n, status: "active", buyer });
    await expectExact();
    await setVerification([buyer, lead.id], "verified");
    expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "usaha_patungan")).toMatchObject({
      agreements: 1,
      valueIdr: 11_000_000n,
    });
    await expectExact();
    // one statement withdrawing one organization and verifying another: one agreement leaves, another enters
    const buyer2 = (await createBuyer(t.db, { verificationStatus: "pending" })).organization.id;
    unverified.add(buyer2);
    await agreement(farm2, {
      scheme: "usaha_patungan",
      start: "2026-05-03",
      value: 4_000_000n,
      status: "active",
      buyer: buyer2,
      members: [batikA],
    });
    await t.sql.query(
      `UPDATE "Organization" SET "verificationStatus" = (CASE WHEN id = $1 THEN 'returned' ELSE 'verified' END)::"VerificationStatus" WHERE id IN ($1, $2)`,
      [lead.id, buyer2],
    );
    unverified.add(lead.id);
    unverified.delete(buyer2);
    expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "usaha_patungan")).toMatchObject({
      agreements: 1,
      valueIdr: 4_000_000n,
      suppliers: 2,
    });
    await expectExact();
    await setVerification([buyer, buyer2], "returned");
    expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "usaha_patungan")).toBeUndefined();
    await expectExact();
  });

  // Concurrent on PostgreSQL (PGlite has one connection): whichever commits first, the other sees it.
  for (const first of ["verification", "activation"] as const) {
    it.runIf(testBackend() === "postgres")(`an agreement activated while its buyer is verified is counted (${first} first)`, async () => {
      const buyer = (await createBuyer(t.db, { verificationStatus: "pending" })).organization.id;
      unverified.add(buyer);
      const ag = await agreement(farm2, { scheme: "penyumberluaran", start: "2026-05-09", value: 13_000_000n, status: "proposed", buyer });
      const before = (await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "penyumberluaran")?.agreements ?? 0;
      const verifier = new pg.Client({ connectionString: t.url! });
      const activator = new pg.Client({ connectionString: t.url! });
      await Promise.all([verifier.connect(), activator.connect()]);
      const [one, other] = first === "verification" ? [verifier, activator] : [activator, verifier];
      const write = (c: pg.Client) =>
        c === verifier
          ? c.query(`UPDATE "Organization" SET "verificationStatus" = 'verified' WHERE id = $1`, [buyer])
          : c.query(`UPDATE "Agreement" SET status = 'active', "activatedAt" = now() WHERE id = $1`, [ag.id]);
      try {
        await other.query("SET statement_timeout = '10s'");
        await one.query("BEGIN");
        await write(one);
        const second = write(other); // cannot see the first one's change until it commits
        await new Promise((r) => setTimeout(r, 300));
        await one.query("COMMIT");
        await second;
      } finally {
        await Promise.all([verifier.end(), activator.end()]);
      }
      unverified.delete(buyer);
      ag.status = "active";
      expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "penyumberluaran")?.agreements).toBe(before + 1);
      await expectExact();
    });
  }

  it.runIf(testBackend() === "postgres")(
    "an agreement whose buyer and supplier are verified by two transactions at once is counted",
    async () => {
      const buyer = (await createBuyer(t.db, { verificationStatus: "pending" })).organization.id;
      unverified.add(buyer);
      const lead = await umkm("51.71", codeA, 1_000_000_000n, "51", "A", "mikro", "pending");
      const ag = await agreement(lead, { scheme: "distribusi_keagenan", start: "2026-05-19", value: 17_000_000n, status: "active", buyer });
      const one = new pg.Client({ connectionString: t.url! });
      const other = new pg.Client({ connectionString: t.url! });
      await Promise.all([one.connect(), other.connect()]);
      try {
        await other.query("SET statement_timeout = '10s'");
        await one.query("BEGIN");
        await one.query(`UPDATE "Organization" SET "verificationStatus" = 'verified' WHERE id = $1`, [buyer]);
        const second = other.query(`UPDATE "Organization" SET "verificationStatus" = 'verified' WHERE id = $1`, [lead.id]);
        await new Promise((r) => setTimeout(r, 300));
        await one.query("COMMIT");
        await second;
      } finally {
        await Promise.all([one.end(), other.end()]);
      }
      unverified.delete(buyer);
      unverified.delete(lead.id);
      expect((await getPartnershipStats("scheme", {}, "id")).rows.find((r) => r.key === "distribusi_keagenan")).toMatchObject({
        agreements: 1,
        valueIdr: ag.value,
      });
      await expectExact();
    },
  );

  it("payments of agreements between unverified parties leave the days to pay", async () => {
    const withPayments = ags[3]; // metal's consortium agreement: four payments (above)
    const before = await medianDaysToPay({});
    expect(before.payments).toBeGreaterThanOrEqual(4);
    await setVerification([metal.id], "returned");
    expect((await medianDaysToPay({})).payments).toBe(before.payments - 4);
    // a payment recorded meanwhile is not counted either, until the lead is verified again
    await t.db.payment.create({
      data: { agreementId: withPayments.id, amountIdr: 1_000n, invoicedOn: d("2026-05-01"), paidOn: d("2026-07-01"), daysToPay: 5 },
    });
    expect((await medianDaysToPay({})).payments).toBe(before.payments - 4);
    await expectExact();
    await setVerification([metal.id], "verified");
    expect((await medianDaysToPay({})).payments).toBe(before.payments + 1);
    await expectExact();
  });

  it("agreements completed with open milestones are counted apart, and still as completed", async () => {
    const expectedOpen = (f: StatsFilter = {}) => {
      const open = ags.filter((a) => counts(a) && a.status === "completed" && a.open && inPeriod(a, f) && inFilter(a.lead, f));
      return {
        agreements: open.length,
        valueIdr: open.reduce((n, a) => n + a.value, 0n),
        suppliers: new Set(open.map((a) => a.lead.id)).size,
      };
    };
    const check = async () => {
      for (const f of FILTERS) expect(await getCompletedWithOpenMilestones(f), JSON.stringify(f)).toEqual(expectedOpen(f));
      await expectExact();
    };
    expect(await getCompletedWithOpenMilestones()).toEqual({ agreements: 0, valueIdr: 0n, suppliers: 0 });
    const completedBefore = (await getPublicSummary()).completedAgreements;

    // the first confirmation records the reason while the agreement is still active: not counted apart yet
    const ag = await agreement(farm, { scheme: "bagi_hasil", start: "2026-03-03", value: 21_000_000n, status: "active" });
    await t.db.agreement.update({ where: { id: ag.id }, data: { completionReason: "Tahap 3 dibatalkan bersama" } });
    expect(await getCompletedWithOpenMilestones()).toEqual({ agreements: 0, valueIdr: 0n, suppliers: 0 });
    await setStatus(ag, "completed");
    ag.open = true;
    expect(await getCompletedWithOpenMilestones()).toEqual({ agreements: 1, valueIdr: 21_000_000n, suppliers: 1 });
    expect((await getPublicSummary()).completedAgreements).toBe(completedBefore + 1);
    await check();

    // a completed agreement without open milestones is not; one of another lead is
    await agreement(batikA, { scheme: "bagi_hasil", start: "2026-04-03", value: 3_000_000n, status: "completed" });
    const other = await agreement(metal, { scheme: "bagi_hasil", start: "2026-06-03", value: 8_000_000n, status: "completed" });
    await t.db.agreement.update({ where: { id: other.id }, data: { completionReason: "Sisa pembayaran dihapus" } });
    other.open = true;
    expect(await getCompletedWithOpenMilestones()).toEqual({ agreements: 2, valueIdr: 29_000_000n, suppliers: 2 });
    await check();

    // the gate applies: its lead loses its verification
    await setVerification([farm.id], "returned");
    expect(await getCompletedWithOpenMilestones()).toEqual({ agreements: 1, valueIdr: 8_000_000n, suppliers: 1 });
    await check();
    await setVerification([farm.id], "verified");
    await check();
  });
});
