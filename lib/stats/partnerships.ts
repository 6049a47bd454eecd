// Partnership statistics by one dimension (province, KBLI section, scheme, size class or month), read from
// the rollup tables the database triggers keep exact (docs/decisions/0012-partnership-statistics.md):
//  - agreements and value: "StatsCell" (counted agreements by their lead supplier's dimensions);
//  - distinct suppliers: "StatsSupplier" / "StatsSupplierScheme" (one row per supplier, the months it has
//    counted agreements in: `months && [from..to]`), and "StatsSupplierMonthCell" by month.
// Aggregates only: nothing here names an organization, so no authorization is needed (see drilldown.ts).
import "server-only";
import { Prisma, readReplica } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { SIZE_CLASSES } from "@/lib/enums";
import { inClusterMembers } from "@/lib/clusters/summary-queries";
import { monthKey, monthIndex, UNKNOWN, type GroupBy, type StatsFilter } from "./schemas";

export interface StatsRow {
  key: string;
  label: string;
  agreements: number;
  valueIdr: bigint;
  suppliers: number;
}

export interface PartnershipStats {
  groupBy: GroupBy;
  rows: StatsRow[];
  totals: { agreements: number; valueIdr: bigint; suppliers: number };
}

const CELL_COLUMN: Record<GroupBy, Prisma.Sql> = {
  province: Prisma.sql`"provinceCode"`,
  kbliSection: Prisma.sql`"kbliSection"`,
  scheme: Prisma.sql`scheme`,
  sizeClass: Prisma.sql`"sizeClass"`,
  month: Prisma.sql`month::text`,
};

/** The filter's months as indexes; null bounds stay open. */
function monthBounds(f: StatsFilter) {
  return { lo: f.from ? monthIndex(f.from) : null, hi: f.to ? monthIndex(f.to) : null };
}

function and(parts: Prisma.Sql[]): Prisma.Sql {
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

function dimensionConditions(f: StatsFilter): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (f.province) out.push(Prisma.sql`"provinceCode" = ${f.province}`);
  if (f.kbliSection) out.push(Prisma.sql`"kbliSection" = ${f.kbliSection}`);
  return out;
}

function cellConditions(f: StatsFilter): Prisma.Sql[] {
  const { lo, hi } = monthBounds(f);
  const out = dimensionConditions(f);
  if (lo !== null) out.push(Prisma.sql`month >= ${lo}`);
  if (hi !== null) out.push(Prisma.sql`month <= ${hi}`);
  return out;
}

/**
 * Conditions on a per-supplier table with a `months` array: the supplier has a counted agreement starting in
 * the period. An open bound is closed with the earliest/latest month that has any agreement.
 */
async function supplierConditions(f: StatsFilter): Promise<Prisma.Sql[]> {
  const out = dimensionConditions(f);
  const period = await closedPeriod(f);
  if (period === null) return out;
  if (period.lo > period.hi) return [...out, Prisma.sql`false`];
  out.push(Prisma.sql`months && ARRAY(SELECT generate_series(${period.lo}::int, ${period.hi}::int))`);
  return out;
}

/** The filter's period as month indexes, an open bound closed with the earliest/latest month of any agreement; null without one. */
async function closedPeriod(f: StatsFilter): Promise<{ lo: number; hi: number } | null> {
  let { lo, hi } = monthBounds(f);
  if (lo === null && hi === null) return null;
  if (lo === null || hi === null) {
    const [b] = await readReplica().$queryRaw<
      { lo: number | null; hi: number | null }[]
    >`SELECT min(month) AS lo, max(month) AS hi FROM "StatsCell"`;
    lo ??= b?.lo ?? 0;
    hi ??= b?.hi ?? 0;
  }
  return { lo, hi };
}

/**
 * Conditions on "StatsSchemeStep" (distinct suppliers by scheme without a province): a (supplier, scheme) has an
 * agreement in [lo, hi] exactly when one of its month steps has prev < lo <= cur <= hi; without a period, every
 * (supplier, scheme) is counted once, by its first step (prev = -1).
 */
async function stepConditions(f: StatsFilter): Promise<Prisma.Sql[]> {
  const out: Prisma.Sql[] = f.kbliSection ? [Prisma.sql`"kbliSection" = ${f.kbliSection}`] : [];
  const period = await closedPeriod(f);
  if (period === null) return [...out, Prisma.sql`prev = -1`];
  if (period.lo > period.hi) return [...out, Prisma.sql`false`];
  return [...out, Prisma.sql`prev < ${period.lo}`, Prisma.sql`cur BETWEEN ${period.lo} AND ${period.hi}`];
}

/** Rows grouped by `groupBy`, with labels in `locale`, plus totals over the same filter. */
export async function getPartnershipStats(groupBy: GroupBy, filter: StatsFilter, locale: Locale): Promise<PartnershipStats> {
  if (filter.clusterId) return clusterPartnershipStats(groupBy, filter, filter.clusterId, locale);
  const col = CELL_COLUMN[groupBy];
  const cellWhere = and(cellConditions(filter));
  const supplierWhere = and(await supplierConditions(filter));

  const cellQuery = readReplica().$queryRaw<{ key: string; agreements: bigint; value: bigint }[]>`
    SELECT ${col} AS key, sum(agreements)::bigint AS agreements, sum("valueIdr")::bigint AS value
      FROM "StatsCell" ${cellWhere} GROUP BY 1`;
  let supplierQuery: Promise<{ key: string; suppliers: bigint }[]>;
  if (groupBy === "month") {
    supplierQuery = readReplica().$queryRaw`
      SELECT month::text AS key, sum(suppliers)::bigint AS suppliers FROM "StatsSupplierMonthCell" ${cellWhere} GROUP BY 1`;
  } else if (groupBy === "scheme" && filter.province) {
    // one province: its rows through the province index
    supplierQuery = readReplica().$queryRaw`
      SELECT scheme AS key, count(*)::bigint AS suppliers FROM "StatsSupplierScheme" ${supplierWhere} GROUP BY 1`;
  } else if (groupBy === "scheme") {
    supplierQuery = readReplica().$queryRaw`
      SELECT scheme AS key, sum(suppliers)::bigint AS suppliers FROM "StatsSchemeStep" ${and(await stepConditions(filter))} GROUP BY 1`;
  } else {
    supplierQuery = readReplica().$queryRaw`
      SELECT ${col} AS key, count(*)::bigint AS suppliers FROM "StatsSupplier" ${supplierWhere} GROUP BY 1`;
  }
  const totalSuppliersQuery = readReplica().$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM "StatsSupplier" ${supplierWhere}`;

  const [cells, suppliers, [total]] = await Promise.all([cellQuery, supplierQuery, totalSuppliersQuery]);
  const byKey = new Map<string, StatsRow>();
  const row = (key: string) => {
    let r = byKey.get(key);
    if (!r) byKey.set(key, (r = { key, label: key, agreements: 0, valueIdr: 0n, suppliers: 0 }));
    return r;
  };
  for (const c of cells) Object.assign(row(c.key), { agreements: Number(c.agreements), valueIdr: c.value });
  for (const s of suppliers) row(s.key).suppliers = Number(s.suppliers);

  let rows = [...byKey.values()];
  if (groupBy === "month") rows = fillMonths(rows, filter);
  await labelRows(groupBy, rows, locale);
  sortRows(groupBy, rows);

  return {
    groupBy,
    rows,
    totals: {
      agreements: rows.reduce((n, r) => n + r.agreements, 0),
      valueIdr: rows.reduce((n, r) => n + r.valueIdr, 0n),
      suppliers: Number(total?.n ?? 0),
    },
  };
}

const SUPPLIER_MONTH_COLUMN: Record<GroupBy, Prisma.Sql> = {
  province: Prisma.sql`s."provinceCode"`,
  kbliSection: Prisma.sql`s."kbliSection"`,
  scheme: Prisma.sql`m.scheme`,
  sizeClass: Prisma.sql`s."sizeClass"`,
  month: Prisma.sql`m.month::text`,
};

/**
 * The same table for a cluster's members only (issue 12; docs/decisions/0028-cluster-figures.md): from the
 * per-supplier rollup "StatsSupplierMonth" (agreements and value as lead, participations) with the supplier's
 * dimensions ("StatsSupplier"), restricted to the cluster's member organizations — the figures of the national
 * table, summed over the members instead of read from the cells.
 */
async function clusterPartnershipStats(
  groupBy: GroupBy,
  filter: StatsFilter,
  clusterId: string,
  locale: Locale,
): Promise<PartnershipStats> {
  const { lo, hi } = monthBounds(filter);
  const conds: Prisma.Sql[] = [inClusterMembers(Prisma.sql`m."supplierId"`, clusterId)];
  if (lo !== null) conds.push(Prisma.sql`m.month >= ${lo}`);
  if (hi !== null) conds.push(Prisma.sql`m.month <= ${hi}`);
  if (filter.province) conds.push(Prisma.sql`s."provinceCode" = ${filter.province}`);
  if (filter.kbliSection) conds.push(Prisma.sql`s."kbliSection" = ${filter.kbliSection}`);
  const rowsQ = await readReplica().$queryRaw<{ key: string | null; agreements: number; value: bigint; suppliers: number }[]>`
    SELECT ${SUPPLIER_MONTH_COLUMN[groupBy]} AS key, sum(m."leadAgreements")::int AS agreements,
           coalesce(sum(m."leadValueIdr"), 0)::bigint AS value,
           count(DISTINCT m."supplierId") FILTER (WHERE m.participations > 0)::int AS suppliers
      FROM "StatsSupplierMonth" m JOIN "StatsSupplier" s ON s."supplierId" = m."supplierId"
     WHERE ${Prisma.join(conds, " AND ")}
     GROUP BY GROUPING SETS ((1), ())`;
  let rows: StatsRow[] = rowsQ
    .filter((r) => r.key !== null)
    .map((r) => ({ key: r.key!, label: r.key!, agreements: r.agreements, valueIdr: BigInt(r.value), suppliers: r.suppliers }));
  const total = rowsQ.find((r) => r.key === null);
  if (groupBy === "month") rows = fillMonths(rows, filter);
  await labelRows(groupBy, rows, locale);
  sortRows(groupBy, rows);
  return {
    groupBy,
    rows,
    totals: {
      agreements: rows.reduce((n, r) => n + r.agreements, 0),
      valueIdr: rows.reduce((n, r) => n + r.valueIdr, 0n),
      suppliers: total?.suppliers ?? 0,
    },
  };
}

/** Month rows use "YYYY-MM" keys; months without agreements inside the span are shown as zero. */
function fillMonths(rows: StatsRow[], filter: StatsFilter): StatsRow[] {
  const byIndex = new Map(rows.map((r) => [Number(r.key), r]));
  const present = [...byIndex.keys()];
  const { lo, hi } = monthBounds(filter);
  const first = lo ?? (present.length ? Math.min(...present) : null);
  const last = hi ?? (present.length ? Math.max(...present) : null);
  if (first === null || last === null || last - first > 240) {
    return rows.map((r) => ({ ...r, key: monthKey(Number(r.key)) }));
  }
  const out: StatsRow[] = [];
  for (let m = first; m <= last; m++) {
    const r = byIndex.get(m);
    out.push({ key: monthKey(m), label: "", agreements: r?.agreements ?? 0, valueIdr: r?.valueIdr ?? 0n, suppliers: r?.suppliers ?? 0 });
  }
  return out;
}

let provinceNames: Promise<Map<string, string>> | null = null;
let sectionTitles: Promise<Map<string, { id: string; en: string | null }>> | null = null;

/** Province names (reference data; read once per process). */
export function getProvinceNames(): Promise<Map<string, string>> {
  provinceNames ??= readReplica()
    .province.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } })
    .then((ps) => new Map(ps.map((p) => [p.code, p.name])))
    .catch((err) => {
      provinceNames = null;
      throw err;
    });
  return provinceNames;
}

/** KBLI 2020 section titles (reference data; read once per process). */
export function getSectionTitles(): Promise<Map<string, { id: string; en: string | null }>> {
  sectionTitles ??= readReplica()
    .kbliCode.findMany({
      where: { version: "2020", level: 1 },
      select: { code: true, titleId: true, titleEn: true },
      orderBy: { code: "asc" },
    })
    .then((ks) => new Map(ks.map((k) => [k.code, { id: k.titleId, en: k.titleEn }])))
    .catch((err) => {
      sectionTitles = null;
      throw err;
    });
  return sectionTitles;
}

/** Tests reset the reference caches between databases. */
export function resetStatsCaches() {
  provinceNames = null;
  sectionTitles = null;
}

/** "2026-03" → "Maret 2026" / "March 2026" (issue 17: people read months, not ISO keys). */
export function monthLabel(key: string, locale: Locale): string {
  const [y, m] = key.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** A plain message (no ICU arguments) by its dotted key; the key itself when missing. Kept free of next-intl so
 * the benchmark script can load this module outside Next.js. */
function message(locale: Locale, key: string): string {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : key;
}

export async function labelFor(groupBy: GroupBy, key: string, locale: Locale): Promise<string> {
  if (key === UNKNOWN) return message(locale, "stats.unknown");
  switch (groupBy) {
    case "province":
      return (await getProvinceNames()).get(key) ?? key;
    case "kbliSection": {
      const t = (await getSectionTitles()).get(key);
      return t ? `${key} — ${locale === "en" && t.en ? t.en : t.id}` : key;
    }
    case "scheme":
      return message(locale, `schemes.${key}.name`);
    case "sizeClass":
      return message(locale, `sizeClasses.${key}`);
    case "month":
      return monthLabel(key, locale);
  }
}

async function labelRows(groupBy: GroupBy, rows: StatsRow[], locale: Locale) {
  for (const r of rows) r.label = await labelFor(groupBy, r.key, locale);
}

function sortRows(groupBy: GroupBy, rows: StatsRow[]) {
  const unknownLast = (a: StatsRow, b: StatsRow) => Number(a.key === UNKNOWN) - Number(b.key === UNKNOWN);
  if (groupBy === "sizeClass") {
    const order = (k: string) => {
      const i = (SIZE_CLASSES as readonly string[]).indexOf(k);
      return i < 0 ? 99 : i;
    };
    rows.sort((a, b) => order(a.key) - order(b.key));
  } else if (groupBy === "scheme") {
    rows.sort((a, b) => b.agreements - a.agreements || a.key.localeCompare(b.key));
  } else {
    rows.sort((a, b) => unknownLast(a, b) || a.key.localeCompare(b.key));
  }
}
