// The ranking of buyers by their Indeks Kemitraan for a calendar year: every verified buyer for ministry staff
// (with filters: BUMN or private, sector, province), the buyers that published their grade for the public.
// One read of the year's rollup rows (at most one per buyer) and the open items that turned late by now.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { countsOf } from "./queries";
import { scoreIndex, type IndexCounts, type Scored } from "./score";
import { yearRange } from "./periods";

export interface RankingFilter {
  year: number;
  stateOwned?: boolean;
  kbliSection?: string;
  province?: string;
}

export interface RankingRow extends Scored {
  rank: number | null;
  buyer: {
    id: string;
    name: string;
    isStateOwned: boolean;
    kbliSection: string | null;
    provinceCode: string | null;
    provinceName: string | null;
    published: boolean;
  };
  counts: IndexCounts;
}

interface Row {
  id: string;
  name: string;
  isStateOwned: boolean;
  section: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  publishedAt: Date | null;
  partners: number | null;
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
  openPayments: number;
  openDeliveries: number;
}

/**
 * Buyers ranked by score (highest first; firms without a score — fewer than 3 UMKM partners — last, unranked,
 * by name). `publishedOnly`: only firms that chose to publish their grade (the public ranking).
 */
export async function getRanking(f: RankingFilter, opts: { publishedOnly: boolean }): Promise<RankingRow[]> {
  const r = yearRange(f.year);
  const from = new Date(`${r.from}T00:00:00Z`);
  const to = new Date(`${r.to}T00:00:00Z`);
  const conds: Prisma.Sql[] = [
    Prisma.sql`o.type = 'buyer'`,
    Prisma.sql`o."verificationStatus" = 'verified'`,
    Prisma.sql`o."suspendedAt" IS NULL`,
  ];
  if (opts.publishedOnly) conds.push(Prisma.sql`o."indexPublishedAt" IS NOT NULL`);
  if (f.stateOwned !== undefined) conds.push(Prisma.sql`o."isStateOwned" = ${f.stateOwned}`);
  if (f.province) conds.push(Prisma.sql`rg."provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`sec.section = ${f.kbliSection}`);
  const rows = await db.$queryRaw<Row[]>`
    WITH open AS (
      SELECT "buyerId", count(*) FILTER (WHERE kind = 'payment')::int AS pay, count(*) FILTER (WHERE kind = 'delivery')::int AS del
        FROM "PartnershipIndexOpen"
       WHERE "periodDate" BETWEEN ${from}::date AND ${to}::date AND deadline <= (now() AT TIME ZONE 'UTC')
       GROUP BY 1)
    SELECT o.id, o.name, o."isStateOwned", sec.section, rg."provinceCode", pv.name AS "provinceName", o."indexPublishedAt" AS "publishedAt",
           p.partners, coalesce(p."agreementsActive", 0) AS "agreementsActive", coalesce(p."agreementsCompleted", 0) AS "agreementsCompleted",
           coalesce(p."agreementsTerminated", 0) AS "agreementsTerminated", coalesce(p."valueIdr", 0) AS "valueIdr",
           coalesce(p."microSmallValueIdr", 0) AS "microSmallValueIdr", coalesce(p."paymentsMeasured", 0) AS "paymentsMeasured",
           coalesce(p."paymentsLate", 0) AS "paymentsLate", p."daysMedian", p."daysP90",
           coalesce(p."deliveriesReviewed", 0) AS "deliveriesReviewed", coalesce(p."deliveriesOnTime", 0) AS "deliveriesOnTime",
           coalesce(p."partnersMovedUp", 0) AS "partnersMovedUp", coalesce(p.ratings, 0) AS ratings, coalesce(p."ratingSum", 0) AS "ratingSum",
           coalesce(op.pay, 0) AS "openPayments", coalesce(op.del, 0) AS "openDeliveries"
      FROM "Organization" o
      LEFT JOIN "PartnershipIndexPeriod" p ON p."buyerId" = o.id AND p.period = ${r.key}
      LEFT JOIN open op ON op."buyerId" = o.id
      LEFT JOIN "Regency" rg ON rg.code = o."regencyCode"
      LEFT JOIN "Province" pv ON pv.code = rg."provinceCode"
      LEFT JOIN LATERAL (
        SELECT CASE WHEN o."industryKbli" ~ '^[A-Z]$' THEN o."industryKbli"
                    ELSE (SELECT k.section FROM "KbliCode" k WHERE k.code = o."industryKbli" ORDER BY k.version DESC LIMIT 1) END AS section) sec ON true
     WHERE ${Prisma.join(conds, " AND ")}`;
  const scored = rows.map((x) => {
    const counts = countsOf(x.partners === null ? null : { ...x, partners: x.partners }, {
      payments: x.openPayments,
      deliveries: x.openDeliveries,
    });
    return {
      rank: null as number | null,
      buyer: {
        id: x.id,
        name: x.name,
        isStateOwned: x.isStateOwned,
        kbliSection: x.section,
        provinceCode: x.provinceCode,
        provinceName: x.provinceName,
        published: x.publishedAt !== null,
      },
      counts,
      ...scoreIndex(counts),
    };
  });
  scored.sort((a, b) => {
    if (a.score !== null && b.score !== null) return b.score - a.score || a.buyer.name.localeCompare(b.buyer.name, "id");
    if (a.score !== null) return -1;
    if (b.score !== null) return 1;
    return a.buyer.name.localeCompare(b.buyer.name, "id");
  });
  let rank = 0;
  for (const s of scored) if (s.score !== null) s.rank = ++rank;
  return scored;
}
