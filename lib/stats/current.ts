// "Now" figures (the period does not apply): agreements active and completed today and the UMKM registered
// and verified — nationally, or for the lead supplier's / UMKM's province and KBLI section when /statistik is
// filtered (issue 11, item 17: every card follows the filters). Protected for the public by
// lib/stats/disclosure.ts (the landing page, GET /api/v1/stats/summary and /statistik).
import "server-only";
import { onOneReadServer, Prisma, readReplica } from "@/lib/db";
import { DISCLOSURE_THRESHOLD, publishFigure, suppressTable, type Audience, type GroupFigures } from "./disclosure";
import { getPublicSummary, getSupplyChainShare, type PublicSummary } from "./public-summary";
import type { StatsFilter } from "./schemas";
import { inClusterMembers } from "@/lib/clusters/summary-queries";

type Dims = Pick<StatsFilter, "province" | "kbliSection" | "clusterId">;

export interface CurrentAgreements {
  active: number;
  activeValueIdr: bigint;
  completed: number;
  /** distinct lead UMKM of the active / completed agreements (national: counted up to DISCLOSURE_THRESHOLD) */
  activeLeads: number;
  completedLeads: number;
}

/**
 * Active and completed agreements now. National: the trigger-kept per-status rollup (the same figures as the
 * landing page). Filtered: the agreements whose lead supplier is in the province / section (the supplier's
 * dimensions now, "StatsSupplier" — the rule of every other figure on /statistik).
 */
// Only agreements whose buyer and supplying party are verified count (issue 11 item 8: the rule of the
// trigger-kept rollups, migration *_stats_verified_only), and none confirmed as a fake partnership (issue 13,
// migration *_fake_partnership_exclusion).
const VERIFIED_PARTIES = Prisma.sql`
  JOIN "Organization" vb ON vb.id = a."buyerId" AND vb."verificationStatus" = 'verified'
  JOIN "Organization" vs ON vs.id = a."supplierId" AND vs."verificationStatus" = 'verified' AND a."excludedAt" IS NULL`;

export async function getCurrentAgreements(f: Dims): Promise<CurrentAgreements> {
  if (!f.province && !f.kbliSection && !f.clusterId) {
    const [statuses, [leads]] = await Promise.all([
      readReplica().statsAgreementStatus.findMany({ where: { status: { in: ["active", "completed"] } } }),
      // only "fewer than the threshold or not" matters here: stop at the threshold
      readReplica().$queryRaw<{ active: number; completed: number }[]>`
        SELECT (SELECT count(*) FROM (SELECT DISTINCT a."supplierId" FROM "Agreement" a ${VERIFIED_PARTIES} WHERE a.status = 'active' LIMIT ${DISCLOSURE_THRESHOLD}) x)::int AS active,
               (SELECT count(*) FROM (SELECT DISTINCT a."supplierId" FROM "Agreement" a ${VERIFIED_PARTIES} WHERE a.status = 'completed' LIMIT ${DISCLOSURE_THRESHOLD}) y)::int AS completed`,
    ]);
    const status = (s: string) => statuses.find((x) => x.status === s);
    return {
      active: status("active")?.agreements ?? 0,
      activeValueIdr: status("active")?.valueIdr ?? 0n,
      completed: status("completed")?.agreements ?? 0,
      activeLeads: leads?.active ?? 0,
      completedLeads: leads?.completed ?? 0,
    };
  }
  const conds: Prisma.Sql[] = [Prisma.sql`a.status IN ('active', 'completed')`];
  if (f.province) conds.push(Prisma.sql`s."provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`s."kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`s."supplierId"`, f.clusterId));
  const [r] = await readReplica().$queryRaw<
    { active: number; value: bigint; completed: number; activeLeads: number; completedLeads: number }[]
  >`
    SELECT count(*) FILTER (WHERE a.status = 'active')::int AS active,
           coalesce(sum(a."valueIdr") FILTER (WHERE a.status = 'active'), 0)::bigint AS value,
           count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
           count(DISTINCT a."supplierId") FILTER (WHERE a.status = 'active')::int AS "activeLeads",
           count(DISTINCT a."supplierId") FILTER (WHERE a.status = 'completed')::int AS "completedLeads"
      FROM "Agreement" a JOIN "StatsSupplier" s ON s."supplierId" = a."supplierId" ${VERIFIED_PARTIES}
     WHERE ${Prisma.join(conds, " AND ")}`;
  return {
    active: r?.active ?? 0,
    activeValueIdr: r?.value ?? 0n,
    completed: r?.completed ?? 0,
    activeLeads: r?.activeLeads ?? 0,
    completedLeads: r?.completedLeads ?? 0,
  };
}

export type CurrentDim = "province" | "kbliSection";
type CurrentMeasure = "active" | "completed";

/** The "now" figures of one measure grouped by the lead supplier's province / section, within a view. */
async function currentTable(dim: CurrentDim, f: Dims, measure: CurrentMeasure): Promise<Map<string, GroupFigures>> {
  const conds: Prisma.Sql[] = [Prisma.sql`a.status = ${measure}::"AgreementStatus"`];
  if (f.province) conds.push(Prisma.sql`s."provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`s."kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`s."supplierId"`, f.clusterId));
  const key = dim === "province" ? Prisma.sql`s."provinceCode"` : Prisma.sql`s."kbliSection"`;
  const rows = await readReplica().$queryRaw<{ key: string; n: number; value: bigint; leads: number }[]>`
    SELECT ${key} AS key, count(*)::int AS n, coalesce(sum(a."valueIdr"), 0)::bigint AS value, count(DISTINCT a."supplierId")::int AS leads
      FROM "Agreement" a JOIN "StatsSupplier" s ON s."supplierId" = a."supplierId" ${VERIFIED_PARTIES}
     WHERE ${Prisma.join(conds, " AND ")} GROUP BY 1`;
  return new Map(rows.map((r) => [r.key, { agreements: r.n, valueIdr: BigInt(r.value), suppliers: r.leads, leads: r.leads }]));
}

/** One figure's table by province (section) within a view (what the view-hiding rule reads). */
export type DimTable = (dim: CurrentDim, parent: Dims) => Promise<Map<string, GroupFigures>>;

/**
 * Whether a filtered view's single figure is withheld from the public beyond its own primary rule: the rule
 * of lib/stats/disclosure.ts applied to the table of the same figure by province (section) within the parent
 * view — secondary suppression included, so that the national figure minus the other provinces' figures
 * never gives a withheld province back (issue 11 item 13) — recursively.
 */
export async function viewHiddenBy(f: Dims, table: DimTable): Promise<boolean> {
  for (const dim of ["province", "kbliSection"] as const) {
    const want = f[dim];
    if (!want) continue;
    const parent: Dims = { ...f, [dim]: undefined };
    if (await viewHiddenBy(parent, table)) return true;
    const byKey = await table(dim, parent);
    const keys = [...byKey.keys()];
    const rows = keys.map((k) => byKey.get(k)!);
    const totals = rows.reduce<GroupFigures>(
      (t, r) => ({
        agreements: t.agreements + r.agreements,
        valueIdr: t.valueIdr + r.valueIdr,
        suppliers: t.suppliers + r.suppliers,
        leads: t.leads + r.leads,
      }),
      { agreements: 0, valueIdr: 0n, suppliers: 0, leads: 0 },
    );
    const { suppressed, totalsSuppressed } = suppressTable(rows, totals);
    const i = keys.indexOf(want);
    if (i >= 0 && (totalsSuppressed || suppressed.has(i))) return true;
  }
  return false;
}

/** The "now" cards (active or completed agreements) of a filtered view: withheld by the rule above. */
export function currentViewHidden(f: Dims, measure: CurrentMeasure): Promise<boolean> {
  return viewHiddenBy(f, (dim, parent) => currentTable(dim, parent, measure));
}

export interface CurrentUmkm {
  /** UMKM registered (supplier profiles), in the province / section when filtered */
  registered: number;
  verified: number;
}

/** UMKM registered and verified, by the directory's province (profile's regency) and primary KBLI section. */
export async function getCurrentUmkm(f: Dims): Promise<CurrentUmkm> {
  if (!f.province && !f.kbliSection && !f.clusterId) {
    const [registered, share] = await Promise.all([readReplica().organization.count({ where: { type: "umkm" } }), getSupplyChainShare({})]);
    return { registered, verified: share.umkmVerified };
  }
  const conds: Prisma.Sql[] = [];
  if (f.province) conds.push(Prisma.sql`"provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`"kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`"supplierId"`, f.clusterId));
  const [r] = await readReplica().$queryRaw<{ registered: number; verified: number }[]>`
    SELECT count(*)::int AS registered, count(*) FILTER (WHERE verified)::int AS verified
      FROM "StatsUmkm" WHERE ${Prisma.join(conds, " AND ")}`;
  return { registered: r?.registered ?? 0, verified: r?.verified ?? 0 };
}

/** Active / completed agreements and value, protected for the audience (null: fewer than 3 lead UMKM behind it). */
export function protectCurrent(audience: Audience, c: CurrentAgreements) {
  // Active + completed is the partnerships total of the view over all periods (published): they are one
  // two-cell table, so when one is withheld the other is too (secondary suppression, issue 11 item 13).
  const sensitive = (n: number, leads: number) => n > 0 && leads > 0 && leads < DISCLOSURE_THRESHOLD;
  if (audience !== "exact" && (sensitive(c.active, c.activeLeads) || sensitive(c.completed, c.completedLeads))) {
    c = { ...c, activeLeads: Math.min(c.activeLeads, 1), completedLeads: Math.min(c.completedLeads, 1) };
  }
  return {
    active: publishFigure(audience, c.active, c.activeLeads),
    activeValueIdr: publishFigure(audience, c.activeValueIdr, c.activeLeads),
    completed: publishFigure(audience, c.completed, c.completedLeads),
  };
}

/** The "in supply chain" figures: the count of UMKM with an active agreement is itself what backs it. */
export function protectSupplyChain(audience: Audience, s: { umkmVerified: number; umkmWithActiveAgreement: number; share: number | null }) {
  const count = publishFigure(audience, s.umkmWithActiveAgreement, s.umkmWithActiveAgreement);
  return {
    umkmVerified: s.umkmVerified,
    umkmWithActiveAgreement: count,
    share: count === null ? null : s.share,
    suppressed: count === null,
  };
}

export type ProtectedSummary = Omit<
  PublicSummary,
  "activeAgreements" | "activeAgreementValueIdr" | "completedAgreements" | "umkmWithActiveAgreement" | "umkmWithActiveAgreementShare"
> & {
  activeAgreements: number | null;
  activeAgreementValueIdr: bigint | null;
  completedAgreements: number | null;
  umkmWithActiveAgreement: number | null;
  umkmWithActiveAgreementShare: number | null;
  /** which figures were withheld (fewer than 3 UMKM behind them) */
  suppressed: ("activeAgreements" | "completedAgreements" | "umkmWithActiveAgreement")[];
};

/** The landing page's and GET /api/v1/stats/summary's figures, protected for the audience. */
export async function getProtectedSummary(audience: Audience, now: Date = new Date()): Promise<ProtectedSummary> {
  return onOneReadServer(async () => {
    const [s, current] = await Promise.all([getPublicSummary(now), audience === "exact" ? null : getCurrentAgreements({})]);
    if (!current) return { ...s, suppressed: [] };
    const c = protectCurrent(audience, {
      ...current,
      active: s.activeAgreements,
      activeValueIdr: s.activeAgreementValueIdr,
      completed: s.completedAgreements,
    });
    const chain = protectSupplyChain(audience, {
      umkmVerified: s.umkmVerified,
      umkmWithActiveAgreement: s.umkmWithActiveAgreement,
      share: s.umkmWithActiveAgreementShare,
    });
    const suppressed: ProtectedSummary["suppressed"] = [];
    if (c.active === null) suppressed.push("activeAgreements");
    if (c.completed === null) suppressed.push("completedAgreements");
    if (chain.suppressed) suppressed.push("umkmWithActiveAgreement");
    return {
      ...s,
      activeAgreements: c.active,
      activeAgreementValueIdr: c.activeValueIdr,
      completedAgreements: c.completed,
      umkmWithActiveAgreement: chain.umkmWithActiveAgreement,
      umkmWithActiveAgreementShare: chain.share,
      suppressed,
    };
  });
}
