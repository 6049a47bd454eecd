// Partnership statistics against an independent count: the test keeps its own list of the agreements it
// created (lead, consortium members, scheme, start month, value, status) and of each supplier's province,
// KBLI section and size class, computes the expected figures in plain TypeScript, and compares them with
// what lib/stats reads from the trigger-maintained rollups — through the life cycle (draft → active →
// completed / terminated), consortium members, a supplier moving province, and the rollups' full rebuild.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { createAgreement, createBuyer, createUmkm, createUser } from "@/lib/seed/factories";
import { getPartnershipStats, resetStatsCaches } from "@/lib/stats/partnerships";
import { getPublicSummary, getSupplyChainShare } from "@/lib/stats/public-summary";
import { countMovedUp, getStatisticsOverview, medianDaysToPay } from "@/lib/stats/overview";
import { getTopSuppliers } from "@/lib/stats/drilldown";
import { GROUP_BYS, monthKey, monthOf, statsFilterSchema, type GroupBy, type StatsFilter } from "@/lib/stats/schemas";
import { actAs } from "@/tests/helpers/act-as";
import type { PartnershipScheme, AgreementStatus } from "@/lib/db/generated/enums";

const t = useTestDatabase();

interface Sup {
  id: string;
  province: string;
  section: string;
  size: string;
}
interface Ag {
  id: string;
  lead: Sup;
  members: Sup[];
  scheme: PartnershipScheme;
  start: Date;
  value: bigint;
  status: AgreementStatus;
}

const ags: Ag[] = [];
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
  const counted = ags.filter((a) => (a.status === "active" || a.status === "completed") && inPeriod(a, f));
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
  };
}

async function umkm(regencyCode: string, kbli: string, annualSalesIdr: bigint, province: string, section: string, size: string) {
  const u = await createUmkm(t.db, { regencyCode, kbliCodes: [kbli], annualSalesIdr });
  const s = { id: u.organization.id, province, section, size };
  sups[s.id] = s;
  return s;
}

async function agreement(lead: Sup, opts: { scheme: PartnershipScheme; start: string; value: bigint; status: AgreementStatus; members?: Sup[] }) {
  const a = await createAgreement(t.db, buyerId, lead.id, { scheme: opts.scheme, startDate: d(opts.start), valueIdr: opts.value, status: opts.status });
  for (const m of opts.members ?? []) {
    await t.db.agreementParty.create({ data: { agreementId: a.id, organizationId: m.id, role: "consortium_member" } });
  }
  const ag: Ag = { id: a.id, lead, members: opts.members ?? [], scheme: opts.scheme, start: d(opts.start), value: opts.value, status: opts.status };
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
    expect(await medianDaysToPay({ province: "33", kbliSection: "A" })).toMatchObject({ median: 37.5, payments: 4 }); // metal: Tegal, section A since the move above
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
    expect(await rate({ province: "33" })).toMatchObject({ umkmVerified: before.umkmVerified + 1, umkmWithActiveAgreement: before.umkmWithActiveAgreement });
    // its first active agreement puts it in the numerator; completing it takes it out again
    const ag = await agreement(newcomer, { scheme: "rantai_pasok", start: "2026-07-01", value: 5_000_000n, status: "active" });
    expect((await rate({ province: "33", kbliSection: "A" })).umkmWithActiveAgreement).toBe(
      Object.values(sups).filter((x) => x.province === "33" && x.section === "A" && ags.some((a) => a.status === "active" && [a.lead.id, ...a.members.map((m) => m.id)].includes(x.id))).length,
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
      data: { supplierId: newcomer.id, sizeClass: "mikro", basis: "annual_sales", annualSalesIdr: 1_000_000_000n, effectiveAt: d("2025-01-01") },
    });
    const up = await t.db.sizeClassChange.create({
      data: { supplierId: newcomer.id, sizeClass: "menengah", basis: "annual_sales", annualSalesIdr: 30_000_000_000n, effectiveAt: d("2025-06-01") },
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
    const filters: StatsFilter[] = [{}, { from: "2026-01" }, { from: "2026-02", to: "2026-04" }, { to: "2026-01" }, { province: "51" }, { from: "2026-03", kbliSection: "A" }];
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
          .sort((a, b) => (a.valueIdr !== b.valueIdr ? (a.valueIdr > b.valueIdr ? -1 : 1) : b.participations - a.participations || (a.id < b.id ? -1 : 1)))
          .slice(0, limit);
        const got = await getTopSuppliers(actor, f, limit);
        expect(got.map(({ id, agreements, valueIdr, participations }) => ({ id, agreements, valueIdr, participations })), JSON.stringify(f)).toEqual(expected);
      }
    }

    await expect(getTopSuppliers(null, {})).rejects.toMatchObject({ code: "unauthorized" });
    const buyerUser = await createUser(t.db);
    await t.db.membership.create({ data: { userId: buyerUser.id, organizationId: buyerId, role: "owner" } });
    await expect(getTopSuppliers(await actAs(buyerUser, buyerId), {})).rejects.toMatchObject({ code: "forbidden" });
  });
});
