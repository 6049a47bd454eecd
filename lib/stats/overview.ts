// Everything /statistik shows, for one filter: totals, the "in supply chain" rate, partnerships by
// province, KBLI section, scheme, size class and month, UMKM that moved up a size class, median days to
// pay, and the share of agreement value going to micro and small firms. Aggregates only (public).
import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { getPartnershipStats, type PartnershipStats } from "./partnerships";
import { getPublicSummary, getSupplyChainShare, type PublicSummary, type SupplyChainShare } from "./public-summary";
import { monthIndex, type GroupBy, type StatsFilter } from "./schemas";

export interface StatisticsOverview {
  filter: StatsFilter;
  summary: PublicSummary;
  /** The "in supply chain" rate for the filter's province / section. */
  supplyChain: SupplyChainShare;
  partnerships: Record<GroupBy, PartnershipStats>;
  movedUp: number;
  daysToPay: { median: number | null; payments: number };
  /** Value of counted agreements with micro or small lead suppliers ÷ all counted value (0..1), null when none. */
  microSmallValueShare: number | null;
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
  const join = f.province || f.kbliSection ? Prisma.sql`JOIN "StatsUmkm" u ON u."supplierId" = c."supplierId"` : Prisma.empty;
  const where = conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const [r] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT c."supplierId")::int AS n FROM "StatsSizeUp" c ${join} ${where}`;
  return r?.n ?? 0;
}

/**
 * Median days from invoice to payment over payments made (paidOn) in the period, on agreements whose lead
 * supplier is in the province / section — from "StatsPayment" (one narrow row per payment, kept by triggers).
 */
export async function medianDaysToPay(f: StatsFilter): Promise<{ median: number | null; payments: number }> {
  const conds: Prisma.Sql[] = [];
  if (f.from) conds.push(Prisma.sql`month >= ${monthIndex(f.from)}`);
  if (f.to) conds.push(Prisma.sql`month <= ${monthIndex(f.to)}`);
  if (f.province) conds.push(Prisma.sql`"provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`"kbliSection" = ${f.kbliSection}`);
  const where = conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const [r] = await db.$queryRaw<{ median: number | null; n: number }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "daysToPay")::float8 AS median, count(*)::int AS n
      FROM "StatsPayment" ${where}`;
  return { median: r?.median ?? null, payments: r?.n ?? 0 };
}

export function microSmallShare(bySizeClass: PartnershipStats): number | null {
  const total = bySizeClass.rows.reduce((n, r) => n + r.valueIdr, 0n);
  if (total === 0n) return null;
  const ms = bySizeClass.rows.filter((r) => r.key === "mikro" || r.key === "kecil").reduce((n, r) => n + r.valueIdr, 0n);
  // both are integer Rupiah; the ratio is a display figure (basis points, then a fraction)
  return Number((ms * 10_000n) / total) / 10_000;
}

export async function getStatisticsOverview(filter: StatsFilter, locale: Locale): Promise<StatisticsOverview> {
  const [summary, supplyChain, province, kbliSection, scheme, sizeClass, month, movedUp, daysToPay] = await Promise.all([
    getPublicSummary(),
    getSupplyChainShare(filter),
    getPartnershipStats("province", filter, locale),
    getPartnershipStats("kbliSection", filter, locale),
    getPartnershipStats("scheme", filter, locale),
    getPartnershipStats("sizeClass", filter, locale),
    getPartnershipStats("month", filter, locale),
    countMovedUp(filter),
    medianDaysToPay(filter),
  ]);
  return {
    filter,
    summary,
    supplyChain,
    partnerships: { province, kbliSection, scheme, sizeClass, month },
    movedUp,
    daysToPay,
    microSmallValueShare: microSmallShare(sizeClass),
  };
}
