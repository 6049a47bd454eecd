// Everything /statistik shows, for one filter: totals, the "in supply chain" rate, partnerships by
// province, KBLI section, scheme, size class and month, UMKM that moved up a size class, median days to
// pay, and the share of agreement value going to micro and small firms. Aggregates only (public).
import "server-only";
import { onOneReadServer, Prisma, readReplica } from "@/lib/db";
import { inClusterMembers } from "@/lib/clusters/summary-queries";
import type { Locale } from "@/lib/i18n/config";
import { getCompletedWithOpenMilestones, publicCompletedWithOpenMilestones } from "./completed-open";
import {
  currentViewHidden,
  viewHiddenBy,
  type CurrentDim,
  getCurrentAgreements,
  getCurrentUmkm,
  protectCurrent,
  protectSupplyChain,
  type CurrentUmkm,
} from "./current";
import { Disclosure, publishFigure, type Audience, type PublishedStats } from "./disclosure";
import { getSupplyChainShare } from "./public-summary";
import { monthIndex, type GroupBy, type StatsFilter } from "./schemas";

/**
 * Everything /statistik shows, protected for the audience (lib/stats/disclosure.ts): null figures are
 * withheld ("< 3": fewer than 3 UMKM behind them). Every figure follows the province and section filters;
 * the "now" figures (current, umkm, supplyChain) ignore the period, which the page says.
 */
export interface StatisticsOverview {
  /** The filter the figures answer (public: the period widened to whole quarters). */
  filter: StatsFilter;
  audience: Audience;
  asOf: Date;
  /** Agreements active / completed now (lead supplier in the province / section). */
  current: { active: number | null; activeValueIdr: bigint | null; completed: number | null };
  /** UMKM registered / verified now, in the province / section. */
  umkm: CurrentUmkm;
  /** The "in supply chain" rate for the filter's province / section. */
  supplyChain: { umkmVerified: number; umkmWithActiveAgreement: number | null; share: number | null; suppressed: boolean };
  partnerships: Record<GroupBy, PublishedStats>;
  movedUp: number | null;
  daysToPay: { median: number | null; payments: number | null };
  /** Value of counted agreements with micro or small lead suppliers ÷ all counted value (0..1), null when none or withheld. */
  microSmallValueShare: number | null;
  /**
   * Completed agreements that closed with open milestones (item 16). Ministry and platform staff: for the
   * filter. The public: the national, all-period figure only (`scope: "national"`) — a figure this small per
   * province, section or quarter would give single contracts back by differencing (item 13).
   */
  completedOpen: { agreements: number | null; valueIdr: bigint | null; suppressed: boolean; scope: "filter" | "national" };
}

/**
 * UMKM whose size class went up (e.g. mikro → kecil) at a change dated in the period, in the province /
 * section (the supplier's dimensions now, the rule of stats_dims()). From "StatsSizeUp" (one row per up-move,
 * kept by a trigger on "SizeClassChange") and "StatsUmkm" for the dimensions.
 */
export async function countMovedUp(f: StatsFilter): Promise<number> {
  const conds: Prisma.Sql[] = [];
  if (f.from) conds.push(Prisma.sql`c.month >= ${monthIndex(f.from)}`);
  if (f.to) conds.push(Prisma.sql`c.month <= ${monthIndex(f.to)}`);
  if (f.province) conds.push(Prisma.sql`u."dimProvinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`u."kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`c."supplierId"`, f.clusterId));
  const join = f.province || f.kbliSection ? Prisma.sql`JOIN "StatsUmkm" u ON u."supplierId" = c."supplierId"` : Prisma.empty;
  const where = conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const [r] = await readReplica().$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT c."supplierId")::int AS n FROM "StatsSizeUp" c ${join} ${where}`;
  return r?.n ?? 0;
}

/** UMKM that moved up, by province (section) within a view: what viewHiddenBy reads (one UMKM = one group member). */
async function movedUpTable(dim: CurrentDim, f: StatsFilter) {
  const conds: Prisma.Sql[] = [Prisma.sql`true`];
  if (f.from) conds.push(Prisma.sql`c.month >= ${monthIndex(f.from)}`);
  if (f.to) conds.push(Prisma.sql`c.month <= ${monthIndex(f.to)}`);
  if (f.province) conds.push(Prisma.sql`u."dimProvinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`u."kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`c."supplierId"`, f.clusterId));
  const key = dim === "province" ? Prisma.sql`u."dimProvinceCode"` : Prisma.sql`u."kbliSection"`;
  const rows = await readReplica().$queryRaw<{ key: string; n: number }[]>`
    SELECT ${key} AS key, count(DISTINCT c."supplierId")::int AS n
      FROM "StatsSizeUp" c JOIN "StatsUmkm" u ON u."supplierId" = c."supplierId"
     WHERE ${Prisma.join(conds, " AND ")} GROUP BY 1`;
  return new Map(rows.map((r) => [String(r.key), { agreements: r.n, valueIdr: 0n, suppliers: r.n, leads: r.n }]));
}

/** Payments by province (section) within a view, backed by their distinct lead suppliers (for viewHiddenBy). */
async function paymentsTable(dim: CurrentDim, f: StatsFilter) {
  const conds: Prisma.Sql[] = [Prisma.sql`true`];
  if (f.from) conds.push(Prisma.sql`month >= ${monthIndex(f.from)}`);
  if (f.to) conds.push(Prisma.sql`month <= ${monthIndex(f.to)}`);
  if (f.province) conds.push(Prisma.sql`"provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`"kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`"supplierId"`, f.clusterId));
  const key = dim === "province" ? Prisma.sql`"provinceCode"` : Prisma.sql`"kbliSection"`;
  const rows = await readReplica().$queryRaw<{ key: string; n: number; suppliers: number }[]>`
    SELECT ${key} AS key, count(*)::int AS n, count(DISTINCT "supplierId")::int AS suppliers
      FROM "StatsPayment" WHERE ${Prisma.join(conds, " AND ")} GROUP BY 1`;
  return new Map(rows.map((r) => [String(r.key), { agreements: r.n, valueIdr: 0n, suppliers: r.suppliers, leads: r.suppliers }]));
}

/**
 * Median days from invoice to payment over payments made (paidOn) in the period, on agreements whose lead
 * supplier is in the province / section — from "StatsPayment" (one narrow row per payment, kept by triggers).
 */
export async function medianDaysToPay(f: StatsFilter): Promise<{ median: number | null; payments: number; suppliers: number }> {
  const conds: Prisma.Sql[] = [];
  if (f.from) conds.push(Prisma.sql`month >= ${monthIndex(f.from)}`);
  if (f.to) conds.push(Prisma.sql`month <= ${monthIndex(f.to)}`);
  if (f.province) conds.push(Prisma.sql`"provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`"kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`"supplierId"`, f.clusterId));
  const where = conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const [r] = await readReplica().$queryRaw<{ median: number | null; n: number; suppliers: number }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "daysToPay")::float8 AS median, count(*)::int AS n,
           count(DISTINCT "supplierId")::int AS suppliers
      FROM "StatsPayment" ${where}`;
  return { median: r?.median ?? null, payments: r?.n ?? 0, suppliers: r?.suppliers ?? 0 };
}

/** Needs every size-class row and the total published: a share over withheld cells would give them back. */
function microSmallShare(bySizeClass: PublishedStats): number | null {
  if (bySizeClass.totals.suppressed || bySizeClass.rows.some((r) => r.suppressed)) return null;
  const total = bySizeClass.rows.reduce((n, r) => n + (r.valueIdr ?? 0n), 0n);
  if (total === 0n) return null;
  const ms = bySizeClass.rows.filter((r) => r.key === "mikro" || r.key === "kecil").reduce((n, r) => n + (r.valueIdr ?? 0n), 0n);
  // both are integer Rupiah; the ratio is a display figure (basis points, then a fraction)
  return Number((ms * 10_000n) / total) / 10_000;
}

/** The page's figures for the audience ("public" unless the caller is ministry or platform staff). */
export async function getStatisticsOverview(
  filter: StatsFilter,
  locale: Locale,
  audience: Audience = "public",
  now: Date = new Date(),
): Promise<StatisticsOverview> {
  return onOneReadServer(async () => {
    const d = new Disclosure(audience, locale);
    const f = d.filterFor(filter);
    const dims = { province: f.province, kbliSection: f.kbliSection, clusterId: f.clusterId };
    const isPublic = audience === "public";
    const [
      current,
      umkm,
      supplyChain,
      viewHidden,
      province,
      kbliSection,
      scheme,
      sizeClass,
      month,
      movedUp,
      daysToPay,
      activeHidden,
      completedHidden,
      completedOpen,
      movedUpHidden,
      paymentsHidden,
    ] = await Promise.all([
      getCurrentAgreements(dims),
      getCurrentUmkm(dims),
      getSupplyChainShare(dims),
      // the "now" figures of a view whose province / section is withheld in its parent table are withheld too
      d.viewSuppressed({ province: f.province, kbliSection: f.kbliSection, clusterId: f.clusterId }),
      d.partnerships("province", f),
      d.partnerships("kbliSection", f),
      d.partnerships("scheme", f),
      d.partnerships("sizeClass", f),
      d.partnerships("month", f),
      countMovedUp(f),
      medianDaysToPay(f),
      // the "now" cards per province / section get their own secondary suppression (national minus the rest)
      isPublic ? currentViewHidden(dims, "active") : false,
      isPublic ? currentViewHidden(dims, "completed") : false,
      getCompletedWithOpenMilestones(isPublic ? {} : f),
      isPublic ? viewHiddenBy(dims, (dim, parent) => movedUpTable(dim, { ...f, ...parent })) : false,
      isPublic ? viewHiddenBy(dims, (dim, parent) => paymentsTable(dim, { ...f, ...parent })) : false,
    ]);
    const hideAll = isPublic && viewHidden;
    const cur = protectCurrent(audience, {
      ...current,
      activeLeads: hideAll || activeHidden ? 1 : current.activeLeads,
      completedLeads: hideAll || completedHidden ? 1 : current.completedLeads,
    });
    const chain = protectSupplyChain(
      audience,
      hideAll || activeHidden ? { ...supplyChain, umkmWithActiveAgreement: Math.min(supplyChain.umkmWithActiveAgreement, 1) } : supplyChain,
    );
    const payBacking = (hideAll || paymentsHidden) && daysToPay.suppliers > 0 ? 1 : daysToPay.suppliers;
    const payHidden = publishFigure(audience, daysToPay.payments, payBacking) === null;
    return {
      filter: f,
      audience,
      asOf: now,
      current: {
        active: current.active === 0 ? 0 : cur.active,
        activeValueIdr: current.active === 0 ? 0n : cur.activeValueIdr,
        completed: current.completed === 0 ? 0 : cur.completed,
      },
      umkm,
      supplyChain: chain,
      partnerships: { province, kbliSection, scheme, sizeClass, month },
      movedUp: publishFigure(audience, movedUp, movedUpHidden && movedUp > 0 ? 1 : movedUp),
      daysToPay: payHidden ? { median: null, payments: null } : { median: daysToPay.median, payments: daysToPay.payments },
      microSmallValueShare: microSmallShare(sizeClass),
      completedOpen: isPublic
        ? { ...publicCompletedWithOpenMilestones(completedOpen), scope: "national" }
        : { agreements: completedOpen.agreements, valueIdr: completedOpen.valueIdr, suppressed: false, scope: "filter" },
    };
  });
}
