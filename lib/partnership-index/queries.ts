// Reading the Indeks Kemitraan (docs/decisions/0024-partnership-index.md). The settled counts come from the
// rollups the triggers keep ("PartnershipIndexPeriod": a primary-key read per buyer and year or quarter);
// what turned late with time alone (milestones unpaid past their term, deliveries waiting for review longer
// than 7 days) is counted from "PartnershipIndexOpen" at read time. The rolling 12 months are computed for one
// buyer by the same SQL function the rollups use (pindex_compute). No access checks here: callers
// (lib/partnership-index/visibility.ts, the Laporan Kemitraan) decide who may see what.
import "server-only";
import { db } from "@/lib/db";
import { EMPTY_COUNTS, scoreIndex, type IndexCounts, type Scored } from "./score";
import { quarterRange, rangeOf, type IndexPeriod, type PeriodRange } from "./periods";
import { MIN_PARTNERS } from "./weights";

export type { IndexPeriod, PeriodRange } from "./periods";

export interface IndexBuyer {
  id: string;
  name: string;
  isStateOwned: boolean;
  industryKbli: string | null;
  regencyCode: string | null;
  provinceCode: string | null;
  verified: boolean;
  suspended: boolean;
  publishedAt: Date | null;
}

export interface PartnershipIndex extends Scored {
  buyer: IndexBuyer;
  period: PeriodRange;
  counts: IndexCounts;
  asOf: Date;
}

interface PeriodRow {
  partners: number;
  agreementsActive: number;
  agreementsCompleted: number;
  agreementsTerminated: number;
  valueIdr: bigint;
  microSmallValueIdr: bigint;
  paymentsMeasured: number;
  paymentsLate: number;
  daysMedian: number | null;
  daysP90: number | null;
  deliveriesReviewed: number;
  deliveriesOnTime: number;
  partnersMovedUp: number;
  ratings: number;
  ratingSum: number;
}

export function countsOf(row: PeriodRow | null | undefined, open: { payments: number; deliveries: number }): IndexCounts {
  if (!row) row = { ...EMPTY_COUNTS, paymentsMeasured: 0, deliveriesReviewed: 0 };
  return {
    partners: row.partners,
    agreementsActive: row.agreementsActive,
    agreementsCompleted: row.agreementsCompleted,
    agreementsTerminated: row.agreementsTerminated,
    valueIdr: BigInt(row.valueIdr),
    microSmallValueIdr: BigInt(row.microSmallValueIdr),
    paymentsCounted: row.paymentsMeasured + open.payments,
    paymentsLate: row.paymentsLate + open.payments,
    unpaidPastTerm: open.payments,
    daysMedian: row.daysMedian,
    daysP90: row.daysP90,
    deliveriesCounted: row.deliveriesReviewed + open.deliveries,
    deliveriesOnTime: row.deliveriesOnTime,
    partnersMovedUp: row.partnersMovedUp,
    ratings: row.ratings,
    ratingSum: row.ratingSum,
  };
}

const asDate = (s: string) => new Date(`${s}T00:00:00Z`);

/** The buyer organization behind an index, or null when the id is not a buyer. */
export async function getIndexBuyer(buyerId: string): Promise<IndexBuyer | null> {
  const o = await db.organization.findUnique({
    where: { id: buyerId },
    select: {
      id: true,
      name: true,
      type: true,
      isStateOwned: true,
      industryKbli: true,
      regencyCode: true,
      regency: { select: { provinceCode: true } },
      verificationStatus: true,
      suspendedAt: true,
      indexPublishedAt: true,
    },
  });
  if (!o || o.type !== "buyer") return null;
  return {
    id: o.id,
    name: o.name,
    isStateOwned: o.isStateOwned,
    industryKbli: o.industryKbli,
    regencyCode: o.regencyCode,
    provinceCode: o.regency?.provinceCode ?? null,
    verified: o.verificationStatus === "verified",
    suspended: o.suspendedAt !== null,
    publishedAt: o.indexPublishedAt,
  };
}

/** Milestones unpaid past their term and deliveries unreviewed past 7 days, dated in [from, to], late by now. */
async function openCounts(buyerId: string, from: string, to: string): Promise<{ payments: number; deliveries: number }> {
  const rows = await db.$queryRaw<{ kind: string; n: number }[]>`
    SELECT kind, count(*)::int AS n FROM "PartnershipIndexOpen"
     WHERE "buyerId" = ${buyerId} AND "periodDate" BETWEEN ${asDate(from)}::date AND ${asDate(to)}::date
       AND deadline <= (now() AT TIME ZONE 'UTC')
     GROUP BY kind`;
  const n = (k: string) => rows.find((r) => r.kind === k)?.n ?? 0;
  return { payments: n("payment"), deliveries: n("delivery") };
}

async function liveRow(buyerId: string, r: PeriodRange): Promise<PeriodRow | null> {
  const rows = await db.$queryRaw<PeriodRow[]>`
    SELECT partners, "agreementsActive", "agreementsCompleted", "agreementsTerminated", "valueIdr", "microSmallValueIdr",
           "paymentsMeasured", "paymentsLate", "daysMedian", "daysP90", "deliveriesReviewed", "deliveriesOnTime",
           "partnersMovedUp", ratings, "ratingSum"
      FROM pindex_compute(ARRAY[${buyerId}]::text[], ARRAY['R']::text[], ARRAY[${asDate(r.from)}::date], ARRAY[${asDate(r.to)}::date])`;
  return rows[0] ?? null;
}

/** The counts of one buyer for a range (a stored year or quarter, or computed live for rolling 12 months). */
async function countsFor(buyerId: string, r: PeriodRange): Promise<IndexCounts> {
  const [row, open] = await Promise.all([
    r.key ? db.partnershipIndexPeriod.findUnique({ where: { buyerId_period: { buyerId, period: r.key } } }) : liveRow(buyerId, r),
    openCounts(buyerId, r.from, r.to),
  ]);
  return countsOf(row, open);
}

/**
 * The Indeks Kemitraan of one buyer for a year or the rolling 12 months: counts, components, score and grade
 * (null with fewer than 3 UMKM partners). Null when `buyerId` is not a buyer organization. Stable signature
 * (the Laporan Kemitraan builds on it).
 */
export async function getPartnershipIndex(buyerId: string, period: IndexPeriod): Promise<PartnershipIndex | null> {
  const buyer = await getIndexBuyer(buyerId);
  if (!buyer) return null;
  const range = rangeOf(period);
  const counts = await countsFor(buyerId, range);
  return { buyer, period: range, counts, asOf: new Date(), ...scoreIndex(counts) };
}

export interface QuarterPoint extends Scored {
  period: PeriodRange;
  counts: IndexCounts;
}

/** The four quarters of a year (the firm's trend). */
export async function getQuarterTrend(buyerId: string, year: number): Promise<QuarterPoint[]> {
  const ranges = [1, 2, 3, 4].map((q) => quarterRange(year, q));
  const [rows, open] = await Promise.all([
    db.partnershipIndexPeriod.findMany({ where: { buyerId, period: { in: ranges.map((r) => r.key!) } } }),
    db.$queryRaw<{ kind: string; q: number; n: number }[]>`
      SELECT kind, extract(quarter FROM "periodDate")::int AS q, count(*)::int AS n FROM "PartnershipIndexOpen"
       WHERE "buyerId" = ${buyerId} AND "periodDate" BETWEEN ${asDate(`${year}-01-01`)}::date AND ${asDate(`${year}-12-31`)}::date
         AND deadline <= (now() AT TIME ZONE 'UTC')
       GROUP BY 1, 2`,
  ]);
  return ranges.map((r) => {
    const n = (k: string) => open.find((o) => o.kind === k && o.q === r.quarter)?.n ?? 0;
    const counts = countsOf(
      rows.find((x) => x.period === r.key),
      { payments: n("payment"), deliveries: n("delivery") },
    );
    return { period: r, counts, ...scoreIndex(counts) };
  });
}

export interface IndexPartnership {
  id: string;
  number: string;
  title: string;
  scheme: string;
  status: string;
  valueIdr: bigint;
  startDate: Date;
  endDate: Date;
  supplier: { id: string; name: string; sizeClass: string | null };
}

/**
 * The partnerships the index of `year` counts for this buyer (in force at some time in the year, verified
 * parties, not excluded as fake): scheme, value and status. Stable signature (the Laporan Kemitraan lists them).
 */
export async function listIndexPartnerships(buyerId: string, year: number): Promise<IndexPartnership[]> {
  const from = asDate(`${year}-01-01`);
  const to = asDate(`${year}-12-31`);
  const rows = await db.$queryRaw<
    {
      id: string;
      number: string;
      title: string;
      scheme: string;
      status: string;
      valueIdr: bigint;
      startDate: Date;
      endDate: Date;
      supplierId: string;
      supplierName: string;
      sizeClass: string | null;
    }[]
  >`
    SELECT a.id, a.number, a.title, a.scheme::text AS scheme, a.status::text AS status, a."valueIdr", a."startDate", a."endDate",
           o.id AS "supplierId", o.name AS "supplierName", sp."sizeClass"::text AS "sizeClass"
      FROM pindex_counted(ARRAY[${buyerId}]::text[]) c
      JOIN "Agreement" a ON a.id = c.id
      JOIN "Organization" o ON o.id = c.lead
      LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
     WHERE c.s <= ${to}::date AND c.e >= ${from}::date
     ORDER BY a."startDate", a.number`;
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    scheme: r.scheme,
    status: r.status,
    valueIdr: BigInt(r.valueIdr),
    startDate: r.startDate,
    endDate: r.endDate,
    supplier: { id: r.supplierId, name: r.supplierName, sizeClass: r.sizeClass },
  }));
}

/**
 * A buyer's payment behaviour from its index (this calendar year): what a bank sees next to a request. With
 * fewer than MIN_PARTNERS UMKM partners in the year no figure is given (enoughData false, "belum cukup
 * data"): the disclosure rule the public index follows.
 */
export interface BuyerPaymentBehaviour {
  year: number;
  enoughData: boolean;
  daysToPayMedian: number | null;
  daysToPayP90: number | null;
  latePaymentShare: number | null;
  paymentsCounted: number | null;
}

export async function getBuyerPaymentBehaviour(buyerId: string, year = new Date().getUTCFullYear()): Promise<BuyerPaymentBehaviour> {
  const c = await countsFor(buyerId, rangeOf({ kind: "year", year }));
  if (c.partners < MIN_PARTNERS) {
    return { year, enoughData: false, daysToPayMedian: null, daysToPayP90: null, latePaymentShare: null, paymentsCounted: null };
  }
  return {
    year,
    enoughData: true,
    daysToPayMedian: c.daysMedian,
    daysToPayP90: c.daysP90,
    latePaymentShare: c.paymentsCounted > 0 ? c.paymentsLate / c.paymentsCounted : null,
    paymentsCounted: c.paymentsCounted,
  };
}
