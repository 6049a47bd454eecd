// Agreements completed with milestones still undelivered or unpaid (issue 11 item 16): they count as completed
// in every figure, and this says how many of them there are and their value, apart. Read from the
// trigger-kept "StatsCompletedOpen" (per lead supplier and start month; only agreements the statistics count —
// buyer and supplying party verified; migration *_stats_verified_only, docs/decisions/0012).
import "server-only";
import { Prisma, readReplica } from "@/lib/db";
import { inClusterMembers } from "@/lib/clusters/summary-queries";
import { monthIndex, type StatsFilter } from "./schemas";

/** A figure backed by fewer distinct suppliers than this is published without its numbers (issue 11 item 13). */
const COMPLETED_OPEN_MIN_SUPPLIERS = 3;

export interface CompletedWithOpenMilestones {
  agreements: number;
  valueIdr: bigint;
  /** Distinct lead suppliers behind them (the disclosure threshold counts these). */
  suppliers: number;
}

/**
 * Completed agreements that closed with open milestones, by the month they started and their lead supplier's
 * province / KBLI section now (the rules of every other partnership figure).
 */
export async function getCompletedWithOpenMilestones(filter: StatsFilter = {}): Promise<CompletedWithOpenMilestones> {
  const conds: Prisma.Sql[] = [];
  if (filter.from) conds.push(Prisma.sql`c.month >= ${monthIndex(filter.from)}`);
  if (filter.to) conds.push(Prisma.sql`c.month <= ${monthIndex(filter.to)}`);
  if (filter.province) conds.push(Prisma.sql`s."provinceCode" = ${filter.province}`);
  if (filter.kbliSection) conds.push(Prisma.sql`s."kbliSection" = ${filter.kbliSection}`);
  if (filter.clusterId) conds.push(inClusterMembers(Prisma.sql`c."supplierId"`, filter.clusterId));
  const join = filter.province || filter.kbliSection ? Prisma.sql`JOIN "StatsSupplier" s ON s."supplierId" = c."supplierId"` : Prisma.empty;
  const where = conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const [r] = await readReplica().$queryRaw<{ agreements: number; value: bigint; suppliers: number }[]>`
    SELECT coalesce(sum(c.agreements), 0)::int AS agreements, coalesce(sum(c."valueIdr"), 0)::bigint AS value,
           count(DISTINCT c."supplierId")::int AS suppliers
      FROM "StatsCompletedOpen" c ${join} ${where}`;
  return { agreements: r?.agreements ?? 0, valueIdr: BigInt(r?.value ?? 0), suppliers: r?.suppliers ?? 0 };
}

/**
 * The public form (API, the page for anyone but ministry and platform staff): the numbers only when at least
 * COMPLETED_OPEN_MIN_SUPPLIERS distinct suppliers stand behind them, so no single contract's value shows.
 * Zero agreements is published as zero.
 */
export function publicCompletedWithOpenMilestones(x: CompletedWithOpenMilestones) {
  const suppressed = x.agreements > 0 && x.suppliers < COMPLETED_OPEN_MIN_SUPPLIERS;
  return suppressed
    ? { agreements: null, valueIdr: null, suppressed: true as const }
    : { agreements: x.agreements, valueIdr: x.valueIdr, suppressed: false as const };
}
