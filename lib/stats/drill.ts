// Drilling down in /statistik (issue 17, item 11): a province's partnerships by regency (there are no regency
// boundaries to draw, so a table) and a KBLI section's by division (golongan pokok). Read live from the
// per-supplier rollup "StatsSupplierMonth" (the cluster figures' source, ADR 0028) with each supplier's regency
// and primary KBLI code read the way stats_dims() reads its province and section, so the rows of a province
// add up to that province's row.
//
// Disclosure (lib/stats/disclosure.ts, ADR 0017) holds at the finer level:
//  - the drill table is a table of its own whose totals are its parent view (the province, the section):
//    primary suppression (fewer than 3 UMKM behind a regency or division) and secondary suppression (never a
//    single withheld row, which the parent's figure would give back);
//  - it inherits: a province (section) withheld in the national table withholds every row below it;
//  - periods: the public gets whole quarters, and a regency (division) whose withheld quarters a period splits
//    is withheld for that period (the overlapping-period rule);
//  - the public drills from the national level only: a regency table under a section filter (or a cluster)
//    would cut the province's regencies twice, so regency×section cells could be had by differencing the two
//    cuts; only ministry and platform staff (exact figures) may combine filters with a drill-down.
import "server-only";
import { onOneReadServer, Prisma, readReplica } from "@/lib/db";
import { inClusterMembers } from "@/lib/clusters/summary-queries";
import type { Locale } from "@/lib/i18n/config";
import {
  type Audience,
  type Disclosure,
  type GroupFigures,
  isEmpty,
  periodHidesGroup,
  publish,
  type PublishedRow,
  type PublishedTotals,
  type QuarterFigures,
  suppressTable,
} from "./disclosure";
import { getSectionTitles } from "./partnerships";
import { monthIndex, UNKNOWN, type StatsFilter } from "./schemas";

export const DRILL_BYS = ["regency", "kbliDivision"] as const;
export type DrillBy = (typeof DRILL_BYS)[number];

export interface PublishedDrill {
  drillBy: DrillBy;
  audience: Audience;
  /** The parent's code (the province, the section) and name. */
  parent: { code: string; label: string };
  period: { from: string | null; to: string | null };
  rows: PublishedRow[];
  totals: PublishedTotals;
}

/** Which drill-down a filtered view offers to an audience (null: none). */
export function drillFor(f: StatsFilter, audience: Audience): DrillBy | null {
  const exact = audience === "exact";
  if (f.province && (exact || (!f.kbliSection && !f.clusterId))) return "regency";
  if (f.kbliSection && (exact || (!f.province && !f.clusterId))) return "kbliDivision";
  return null;
}

/** Each supplier of the view with its drill key (its regency, its primary KBLI code's division). */
function keyedSuppliers(drillBy: DrillBy, f: StatsFilter): Prisma.Sql {
  const conds: Prisma.Sql[] = [Prisma.sql`true`];
  if (f.province) conds.push(Prisma.sql`s."provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`s."kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`s."supplierId"`, f.clusterId));
  const key =
    drillBy === "regency"
      ? Prisma.sql`coalesce(sp."regencyCode", o."regencyCode", ${UNKNOWN})`
      : Prisma.sql`coalesce((SELECT CASE WHEN k.level >= 2 THEN left(k.code, 2) END
                               FROM "SupplierKbli" sk
                               JOIN "KbliCode" k ON k.version = sk."kbliVersion" AND k.code = sk."kbliCode"
                              WHERE sk."supplierId" = s."supplierId"
                              ORDER BY sk."isPrimary" DESC, sk."kbliVersion" DESC, sk."kbliCode" LIMIT 1), ${UNKNOWN})`;
  return Prisma.sql`
    SELECT s."supplierId" AS id, ${key} AS key
      FROM "StatsSupplier" s
      JOIN "Organization" o ON o.id = s."supplierId"
      LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = s."supplierId"
     WHERE ${Prisma.join(conds, " AND ")}`;
}

type FigureRow = { key: string | null; agreements: number; value: bigint; suppliers: number; leads: number };

/** Exact figures per drill key and in total (key null) for the filter (its period included). */
async function drillFigures(drillBy: DrillBy, f: StatsFilter): Promise<FigureRow[]> {
  const months: Prisma.Sql[] = [Prisma.sql`true`];
  if (f.from) months.push(Prisma.sql`m.month >= ${monthIndex(f.from)}`);
  if (f.to) months.push(Prisma.sql`m.month <= ${monthIndex(f.to)}`);
  return readReplica().$queryRaw<FigureRow[]>`
    WITH d AS (${keyedSuppliers(drillBy, f)})
    SELECT d.key, sum(m."leadAgreements")::int AS agreements, coalesce(sum(m."leadValueIdr"), 0)::bigint AS value,
           count(DISTINCT m."supplierId") FILTER (WHERE m.participations > 0)::int AS suppliers,
           count(DISTINCT m."supplierId") FILTER (WHERE m."leadAgreements" > 0)::int AS leads
      FROM "StatsSupplierMonth" m JOIN d ON d.id = m."supplierId"
     WHERE ${Prisma.join(months, " AND ")}
     GROUP BY GROUPING SETS ((d.key), ())`;
}

/** The same per calendar quarter over all time (what the overlapping-period rule reads). */
async function drillQuarters(drillBy: DrillBy, f: StatsFilter): Promise<Map<string | null, QuarterFigures[]>> {
  const rows = await readReplica().$queryRaw<(FigureRow & { quarter: number })[]>`
    WITH d AS (${keyedSuppliers(drillBy, f)})
    SELECT d.key, (m.month / 3)::int AS quarter, sum(m."leadAgreements")::int AS agreements,
           coalesce(sum(m."leadValueIdr"), 0)::bigint AS value,
           count(DISTINCT m."supplierId")::int AS suppliers,
           count(DISTINCT m."supplierId") FILTER (WHERE m."leadAgreements" > 0)::int AS leads
      FROM "StatsSupplierMonth" m JOIN d ON d.id = m."supplierId"
     GROUP BY GROUPING SETS ((d.key, 2), (2))`;
  const out = new Map<string | null, QuarterFigures[]>();
  for (const r of rows) {
    out.set(r.key, [
      ...(out.get(r.key) ?? []),
      { quarter: r.quarter, agreements: r.agreements, valueIdr: BigInt(r.value), suppliers: r.suppliers, leads: r.leads },
    ]);
  }
  return out;
}

/** Every regency of the province / division of the section, named (rows with no partnership show as zero). */
async function drillLabels(drillBy: DrillBy, f: StatsFilter, locale: Locale): Promise<Map<string, string>> {
  if (drillBy === "regency") {
    const rs = await readReplica().regency.findMany({
      where: { provinceCode: f.province },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    });
    return new Map(rs.map((r) => [r.code, r.name]));
  }
  const ks = await readReplica().kbliCode.findMany({
    where: { version: "2020", level: 2, section: f.kbliSection },
    select: { code: true, titleId: true, titleEn: true },
    orderBy: { code: "asc" },
  });
  return new Map(ks.map((k) => [k.code, `${k.code} — ${locale === "en" && k.titleEn ? k.titleEn : k.titleId}`]));
}

async function parentLabel(drillBy: DrillBy, f: StatsFilter, locale: Locale) {
  if (drillBy === "regency") {
    const p = await readReplica().province.findUnique({ where: { code: f.province! }, select: { name: true } });
    return { code: f.province!, label: p?.name ?? f.province! };
  }
  const s = (await getSectionTitles()).get(f.kbliSection!);
  return { code: f.kbliSection!, label: s ? `${f.kbliSection} — ${locale === "en" && s.en ? s.en : s.id}` : f.kbliSection! };
}

/**
 * The drill-down table of a view for the disclosure's audience, or null when the view offers none to it
 * (drillFor). `filter` is the caller's; the public answer covers whole quarters like every other table.
 */
export async function getDrillTable(disclosure: Disclosure, filter: StatsFilter): Promise<PublishedDrill | null> {
  return onOneReadServer(async () => {
    const drillBy = drillFor(filter, disclosure.audience);
    if (!drillBy) return null;
    const f = disclosure.filterFor(filter);
    const hasPeriod = Boolean(f.from || f.to);
    const publicAudience = disclosure.audience === "public";
    const [figures, labels, parent, inherited, series] = await Promise.all([
      drillFigures(drillBy, f),
      drillLabels(drillBy, f, disclosure.locale),
      parentLabel(drillBy, f, disclosure.locale),
      disclosure.viewSuppressed(f),
      publicAudience && hasPeriod ? drillQuarters(drillBy, f) : Promise.resolve(new Map<string | null, QuarterFigures[]>()),
    ]);
    const zero: GroupFigures = { agreements: 0, valueIdr: 0n, suppliers: 0, leads: 0 };
    const byKey = new Map<string, GroupFigures>();
    let totals = zero;
    for (const r of figures) {
      const g = { agreements: r.agreements, valueIdr: BigInt(r.value), suppliers: r.suppliers, leads: r.leads };
      if (r.key === null) totals = g;
      else byKey.set(r.key, g);
    }
    const keys = [...new Set([...labels.keys(), ...byKey.keys()])].sort(
      (a, b) => Number(a === UNKNOWN) - Number(b === UNKNOWN) || a.localeCompare(b),
    );
    const rows = keys.map((key) => ({ key, label: labels.get(key) ?? key, ...(byKey.get(key) ?? zero) }));
    const period = { from: f.from ?? null, to: f.to ?? null };
    if (!publicAudience) {
      return {
        drillBy,
        audience: disclosure.audience,
        parent,
        period,
        rows: rows.map((r) => ({ key: r.key, label: r.label, ...publish(r, false) })),
        totals: publish(totals, false),
      };
    }
    const qlo = f.from ? Math.floor(monthIndex(f.from) / 3) : null;
    const qhi = f.to ? Math.floor(monthIndex(f.to) / 3) : null;
    const cut = rows.map((r) =>
      hasPeriod && !isEmpty(r) && periodHidesGroup(series.get(r.key), qlo, qhi)
        ? { ...r, leads: 0, suppliers: Math.min(r.suppliers, 1) }
        : r,
    );
    const { suppressed, totalsSuppressed } = suppressTable(cut, totals);
    const allHidden = inherited || totalsSuppressed || (hasPeriod && periodHidesGroup(series.get(null), qlo, qhi));
    return {
      drillBy,
      audience: disclosure.audience,
      parent,
      period,
      rows: rows.map((r, i) => ({ key: r.key, label: r.label, ...publish(r, !isEmpty(r) && (allHidden || suppressed.has(i))) })),
      totals: publish(totals, allHidden && !isEmpty(totals)),
    };
  }, disclosure);
}
