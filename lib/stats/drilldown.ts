// The named organizations behind the aggregates: ministry (and platform) staff only — the permission
// "stats:drilldown" is checked here, in lib/, so no page or route can leak the list by forgetting it.
import "server-only";
import { onOneReadServer, Prisma, readReplica } from "@/lib/db";
import { inClusterMembers } from "@/lib/clusters/summary-queries";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { getProvinceNames } from "./partnerships";
import { monthIndex, type StatsFilter } from "./schemas";

export interface TopSupplier {
  id: string;
  name: string;
  provinceCode: string;
  provinceName: string | null;
  kbliSection: string;
  sizeClass: string;
  /** Agreements it leads (counted: active or completed, starting in the period) */
  agreements: number;
  valueIdr: bigint;
  /** Agreements it is a party to, as lead or consortium member */
  participations: number;
}

type Row = {
  id: string;
  provinceCode: string;
  kbliSection: string;
  sizeClass: string;
  agreements: number;
  valueIdr: bigint;
  participations: number;
};

/** Best first: value, then participations, then id (the order the page shows). */
function better(a: Row, b: Row): number {
  if (a.valueIdr !== b.valueIdr) return a.valueIdr > b.valueIdr ? -1 : 1;
  if (a.participations !== b.participations) return b.participations - a.participations;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const BATCH = 250;
const MAX_CANDIDATES = 2_000;

/**
 * The suppliers with the largest counted agreement value in the filter (lead supplier's value), best first.
 * Candidates come from "StatsSupplierTotal" in order of total lead value (trigger-kept sums over every month).
 * Without a period that order is the answer. With one, a supplier's total bounds its value in the period, so
 * candidates are summed over the period in batches until the k-th best period value exceeds the next
 * candidate's total (nobody further down can reach the list); when that takes too many candidates (narrow
 * periods), the period's supplier-month rows are aggregated directly. Either way the list is exact.
 */
export async function getTopSuppliers(actor: Actor | null, filter: StatsFilter, limit = 20): Promise<TopSupplier[]> {
  return onOneReadServer(async () => {
    authorize(actor, { permission: "stats:drilldown" });
    const k = Math.max(1, Math.min(100, limit));
    const lo = filter.from ? monthIndex(filter.from) : null;
    const hi = filter.to ? monthIndex(filter.to) : null;
    const dims: Prisma.Sql[] = [];
    if (filter.province) dims.push(Prisma.sql`s."provinceCode" = ${filter.province}`);
    if (filter.kbliSection) dims.push(Prisma.sql`s."kbliSection" = ${filter.kbliSection}`);
    if (filter.clusterId) dims.push(inClusterMembers(Prisma.sql`s."supplierId"`, filter.clusterId));
    const dimWhere = dims.length ? Prisma.sql`AND ${Prisma.join(dims, " AND ")}` : Prisma.empty;

    let top: Row[];
    if (lo === null && hi === null) {
      top = await readReplica().$queryRaw<Row[]>`
      SELECT t."supplierId" AS id, s."provinceCode", s."kbliSection", s."sizeClass",
             t."leadAgreements" AS agreements, t."leadValueIdr" AS "valueIdr", t.participations
        FROM "StatsSupplierTotal" t JOIN "StatsSupplier" s ON s."supplierId" = t."supplierId"
       WHERE true ${dimWhere}
       ORDER BY t."leadValueIdr" DESC, t.participations DESC, t."supplierId"
       LIMIT ${k}`;
    } else {
      top = (await boundedTop(k, lo, hi, dimWhere)) ?? (await periodTop(k, lo, hi, dimWhere));
    }
    if (top.length === 0) return [];
    const names = await getProvinceNames();
    const orgs = await readReplica().organization.findMany({
      where: { id: { in: top.map((r) => r.id) } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
    return top
      .filter((r) => nameOf.has(r.id))
      .map((r) => ({ ...r, name: nameOf.get(r.id)!, provinceName: names.get(r.provinceCode) ?? null }));
  });
}

function monthConds(lo: number | null, hi: number | null): Prisma.Sql {
  const c: Prisma.Sql[] = [];
  if (lo !== null) c.push(Prisma.sql`m.month >= ${lo}`);
  if (hi !== null) c.push(Prisma.sql`m.month <= ${hi}`);
  return c.length ? Prisma.sql`AND ${Prisma.join(c, " AND ")}` : Prisma.empty;
}

/** Threshold walk over candidates by total value; null when it would take more than MAX_CANDIDATES. */
async function boundedTop(k: number, lo: number | null, hi: number | null, dimWhere: Prisma.Sql): Promise<Row[] | null> {
  let best: Row[] = [];
  let after: { value: bigint; participations: number; id: string } | null = null;
  for (let seen = 0; seen < MAX_CANDIDATES; seen += BATCH) {
    // candidates in descending total value (keyset pagination on the same order)
    const cands: { id: string; total: bigint; participations: number }[] = await readReplica().$queryRaw<
      { id: string; total: bigint; participations: number }[]
    >`
      SELECT t."supplierId" AS id, t."leadValueIdr" AS total, t.participations
        FROM "StatsSupplierTotal" t JOIN "StatsSupplier" s ON s."supplierId" = t."supplierId"
       WHERE true ${dimWhere} ${after ? Prisma.sql`AND (t."leadValueIdr" < ${after.value}::bigint OR (t."leadValueIdr" = ${after.value}::bigint AND (t.participations < ${after.participations}::int OR (t.participations = ${after.participations}::int AND t."supplierId" > ${after.id}))))` : Prisma.empty}
       ORDER BY t."leadValueIdr" DESC, t.participations DESC, t."supplierId"
       LIMIT ${BATCH}`;
    if (cands.length === 0) return best;
    const sums = await readReplica().$queryRaw<Row[]>`
      SELECT s."supplierId" AS id, s."provinceCode", s."kbliSection", s."sizeClass",
             sum(m."leadAgreements")::int AS agreements, sum(m."leadValueIdr")::bigint AS "valueIdr",
             sum(m.participations)::int AS participations
        FROM "StatsSupplierMonth" m JOIN "StatsSupplier" s ON s."supplierId" = m."supplierId"
       WHERE m."supplierId" = ANY(${cands.map((c: { id: string }) => c.id)}::text[]) ${monthConds(lo, hi)}
       GROUP BY s."supplierId", s."provinceCode", s."kbliSection", s."sizeClass"`;
    best = [...best, ...sums].sort(better).slice(0, k);
    const last: { id: string; total: bigint; participations: number } = cands[cands.length - 1];
    after = { value: last.total, participations: last.participations, id: last.id };
    if (cands.length < BATCH) return best;
    // every later candidate's period value ≤ its total ≤ last.total
    if (best.length === k && best[k - 1].valueIdr > last.total) return best;
  }
  return null;
}

/** The period's supplier-month rows aggregated directly (narrow periods). */
async function periodTop(k: number, lo: number | null, hi: number | null, dimWhere: Prisma.Sql): Promise<Row[]> {
  return readReplica().$queryRaw<Row[]>`
    SELECT s."supplierId" AS id, s."provinceCode", s."kbliSection", s."sizeClass",
           sum(m."leadAgreements")::int AS agreements, sum(m."leadValueIdr")::bigint AS "valueIdr",
           sum(m.participations)::int AS participations
      FROM "StatsSupplierMonth" m JOIN "StatsSupplier" s ON s."supplierId" = m."supplierId"
     WHERE true ${monthConds(lo, hi)} ${dimWhere}
     GROUP BY s."supplierId", s."provinceCode", s."kbliSection", s."sizeClass"
     ORDER BY "valueIdr" DESC, participations DESC, s."supplierId"
     LIMIT ${k}`;
}
