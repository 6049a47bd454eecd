// Statistical disclosure control for every partnership figure Rantai publishes (issue 11, item 13;
// docs/decisions/0017-statistical-disclosure-control.md). One rule, reused by /statistik, the map, the CSV,
// GET /api/v1/stats/*, the landing page and any later page that publishes partnership figures (clusters,
// estates, indexes):
//
//  - who sees exact figures: ministry staff and platform staff (the holders of "stats:drilldown", who already
//    see the named suppliers behind the figures); everybody else — anonymous visitors, UMKM, buyers,
//    cooperatives, banks — gets the protected figures ("public" audience);
//  - primary suppression: a group (a row of a table, or a table's totals) with counted agreements backed by
//    fewer than DISCLOSURE_THRESHOLD distinct lead UMKM, or with 1..THRESHOLD-1 partnering UMKM, is published
//    as `suppressed: true` with its agreements, value and UMKM count null ("< 3" on pages, empty in CSV);
//  - secondary suppression: within each table (and each quarter of the month table, whose quarter totals are
//    published as quarter views), a single suppressed row would be recomputable from the totals, so the next
//    smallest non-empty row is suppressed too; a table whose totals are suppressed has every non-empty row
//    suppressed;
//  - views inherit: a view filtered by province (or KBLI section) is suppressed entirely when that province's
//    row is suppressed in the table of its parent view (the same view without that filter), recursively — so
//    "province=P" cannot give back the figure the national province table hides;
//  - the cluster filter (issue 12): a row's complement (the same view without the cluster, minus the row) is
//    protected as a table of its own, and the cluster row is withheld when its complement is;
//  - periods: public callers get whole calendar quarters (from → the first month of its quarter, to → the
//    last); answers say which period was used.
// Pure functions here, plus the small SQL they need (distinct lead UMKM per group); the figures themselves
// come from lib/stats/partnerships.ts.
import "server-only";
import { onOneReadServer, Prisma, readReplica } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/config";
import { inClusterMembers } from "@/lib/clusters/summary-queries";
import { getPartnershipStats, type StatsRow } from "./partnerships";
import { monthIndex, monthKey, type GroupBy, type StatsFilter } from "./schemas";

/** A group must be backed by at least this many distinct UMKM to be published to the public. */
export const DISCLOSURE_THRESHOLD = 3;

/** "exact": ministry and platform staff; "public": everybody else. */
export type Audience = "exact" | "public";

export function audienceOf(actor: Pick<Actor, "membership"> | null | undefined): Audience {
  return can(actor?.membership, "stats:drilldown") ? "exact" : "public";
}

// ---- periods ------------------------------------------------------------------------------------------

export interface Period {
  from: string | null;
  to: string | null;
}

/** The filter's period widened to whole calendar quarters ("2026-02" – "2026-04" → "2026-01" – "2026-06"). */
function snapToQuarters<F extends Pick<StatsFilter, "from" | "to">>(f: F): F {
  const out = { ...f };
  if (f.from) {
    const m = monthIndex(f.from);
    out.from = monthKey(m - ((m % 12) % 3));
  }
  if (f.to) {
    const m = monthIndex(f.to);
    out.to = monthKey(m - ((m % 12) % 3) + 2);
  }
  return out;
}

/** The period an answer covers, for the audience: exact callers get what they asked for. */
function periodFor<F extends Pick<StatsFilter, "from" | "to">>(audience: Audience, f: F): F {
  return audience === "exact" ? f : snapToQuarters(f);
}

// ---- primary and secondary suppression -------------------------------------------------------------------

/** A group's exact figures and what backs them. */
export interface GroupFigures {
  agreements: number;
  valueIdr: bigint;
  /** distinct partnering UMKM (leads and consortium members) */
  suppliers: number;
  /** distinct lead UMKM of the counted agreements (a consortium counts once: its lead) */
  leads: number;
}

export function isEmpty(g: Pick<GroupFigures, "agreements" | "suppliers">): boolean {
  return g.agreements === 0 && g.suppliers === 0;
}

/** Primary rule: fewer than THRESHOLD distinct UMKM behind the agreements or among the partnering UMKM. */
function isSensitive(g: GroupFigures, threshold = DISCLOSURE_THRESHOLD): boolean {
  return (g.agreements > 0 && g.leads < threshold) || (g.suppliers > 0 && g.suppliers < threshold);
}

/** Smaller first: the cell whose suppression hides the least. */
function smaller(a: GroupFigures, b: GroupFigures): number {
  return (
    a.leads - b.leads ||
    a.agreements - b.agreements ||
    (a.valueIdr < b.valueIdr ? -1 : a.valueIdr > b.valueIdr ? 1 : 0) ||
    a.suppliers - b.suppliers
  );
}

/**
 * Which rows of one table to suppress: primary, then secondary within each partition (rows whose sum is
 * published elsewhere: the whole table, and for the month table each quarter). Returns the suppressed row
 * indexes and whether the totals are suppressed.
 */
export function suppressTable(
  rows: GroupFigures[],
  totals: GroupFigures,
  partitions: number[][] = [rows.map((_, i) => i)],
  threshold = DISCLOSURE_THRESHOLD,
) {
  const suppressed = new Set<number>();
  const totalsSuppressed = isSensitive(totals, threshold);
  rows.forEach((r, i) => {
    if (isEmpty(r)) return;
    if (totalsSuppressed || isSensitive(r, threshold)) suppressed.add(i);
  });
  const whole = rows.map((_, i) => i);
  // each partition, then the whole table again (a partition's second cell may be the table's only one)
  for (const part of [...partitions, whole]) {
    const inPart = part.filter((i) => suppressed.has(i));
    if (inPart.length !== 1) continue;
    const candidates = part.filter((i) => !suppressed.has(i) && !isEmpty(rows[i])).sort((a, b) => smaller(rows[a], rows[b]));
    if (candidates.length > 0) suppressed.add(candidates[0]);
  }
  return { suppressed, totalsSuppressed };
}

// ---- published tables ------------------------------------------------------------------------------------

export interface PublishedRow {
  key: string;
  label: string;
  suppressed: boolean;
  agreements: number | null;
  valueIdr: bigint | null;
  suppliers: number | null;
}

export interface PublishedTotals {
  suppressed: boolean;
  agreements: number | null;
  valueIdr: bigint | null;
  suppliers: number | null;
}

export interface PublishedStats {
  groupBy: GroupBy;
  audience: Audience;
  /** The period the figures cover (public: widened to whole quarters); nulls are open bounds. */
  period: Period;
  rows: PublishedRow[];
  totals: PublishedTotals;
}

const hidden = { suppressed: true, agreements: null, valueIdr: null, suppliers: null } as const;

export function publish<R extends { agreements: number; valueIdr: bigint; suppliers: number }>(r: R, suppress: boolean) {
  return suppress ? { ...hidden } : { suppressed: false, agreements: r.agreements, valueIdr: r.valueIdr, suppliers: r.suppliers };
}

/** Distinct lead UMKM per group and in total, for the same filter as getPartnershipStats (exact filter). */
async function leadCounts(groupBy: GroupBy, f: StatsFilter): Promise<{ byKey: Map<string, number>; total: number }> {
  const conds: Prisma.Sql[] = [Prisma.sql`m."leadAgreements" > 0`];
  if (f.from) conds.push(Prisma.sql`m.month >= ${monthIndex(f.from)}`);
  if (f.to) conds.push(Prisma.sql`m.month <= ${monthIndex(f.to)}`);
  if (f.province) conds.push(Prisma.sql`s."provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`s."kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`m."supplierId"`, f.clusterId));
  const where = Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}`;
  const key: Record<GroupBy, Prisma.Sql> = {
    province: Prisma.sql`s."provinceCode"`,
    kbliSection: Prisma.sql`s."kbliSection"`,
    sizeClass: Prisma.sql`s."sizeClass"`,
    scheme: Prisma.sql`m.scheme`,
    month: Prisma.sql`m.month`,
  };
  const [groups, [total]] = await Promise.all([
    readReplica().$queryRaw<{ key: string | number; n: number }[]>`
      SELECT ${key[groupBy]} AS key, count(DISTINCT m."supplierId")::int AS n
        FROM "StatsSupplierMonth" m JOIN "StatsSupplier" s ON s."supplierId" = m."supplierId" ${where} GROUP BY 1`,
    readReplica().$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT m."supplierId")::int AS n
        FROM "StatsSupplierMonth" m JOIN "StatsSupplier" s ON s."supplierId" = m."supplierId" ${where}`,
  ]);
  const byKey = new Map(groups.map((g) => [groupBy === "month" ? monthKey(Number(g.key)) : String(g.key), g.n]));
  return { byKey, total: total?.n ?? 0 };
}

export interface QuarterFigures extends GroupFigures {
  quarter: number;
}

/**
 * Each group's figures per calendar quarter over all time, for the dims of the filter (the period is left
 * out), and the same for the totals (key null) — what the overlapping-period rule reads.
 */
async function quarterSeries(groupBy: GroupBy, f: StatsFilter): Promise<Map<string | null, QuarterFigures[]>> {
  const conds: Prisma.Sql[] = [Prisma.sql`true`];
  if (f.province) conds.push(Prisma.sql`s."provinceCode" = ${f.province}`);
  if (f.kbliSection) conds.push(Prisma.sql`s."kbliSection" = ${f.kbliSection}`);
  if (f.clusterId) conds.push(inClusterMembers(Prisma.sql`m."supplierId"`, f.clusterId));
  const key: Record<GroupBy, Prisma.Sql> = {
    province: Prisma.sql`s."provinceCode"`,
    kbliSection: Prisma.sql`s."kbliSection"`,
    sizeClass: Prisma.sql`s."sizeClass"`,
    scheme: Prisma.sql`m.scheme`,
    month: Prisma.sql`m.month::text`,
  };
  const rows = await readReplica().$queryRaw<
    { key: string | null; quarter: number; agreements: number; value: bigint; suppliers: number; leads: number }[]
  >`
    SELECT ${key[groupBy]} AS key, (m.month / 3)::int AS quarter,
           sum(m."leadAgreements")::int AS agreements, sum(m."leadValueIdr")::bigint AS value,
           count(DISTINCT m."supplierId")::int AS suppliers,
           count(DISTINCT m."supplierId") FILTER (WHERE m."leadAgreements" > 0)::int AS leads
      FROM "StatsSupplierMonth" m JOIN "StatsSupplier" s ON s."supplierId" = m."supplierId"
     WHERE ${Prisma.join(conds, " AND ")}
     GROUP BY GROUPING SETS ((1, 2), (2))`;
  const out = new Map<string | null, QuarterFigures[]>();
  for (const r of rows) {
    const k = r.key === null ? null : groupBy === "month" ? monthKey(Number(r.key)) : r.key;
    out.set(k, [
      ...(out.get(k) ?? []),
      { quarter: r.quarter, agreements: r.agreements, valueIdr: r.value, suppliers: r.suppliers, leads: r.leads },
    ]);
  }
  return out;
}

/**
 * Overlapping periods: a group's figure for a run of quarters minus its figure for a shorter run gives the
 * quarters between. So the group's quarters are a table of their own (primary and secondary suppression, its
 * all-time figure as the total), and a period that holds some but not all of the group's withheld quarters
 * is withheld for that group: every published period then holds none of them (their figures never enter a
 * difference) or all of them (only their sum, which the all-time figure already gives).
 */
export function periodHidesGroup(series: QuarterFigures[] | undefined, lo: number | null, hi: number | null): boolean {
  if (!series || series.length === 0 || (lo === null && hi === null)) return false;
  const all = series.reduce(
    (t, q) => ({
      agreements: t.agreements + q.agreements,
      valueIdr: t.valueIdr + q.valueIdr,
      suppliers: Math.max(t.suppliers, q.suppliers),
      leads: Math.max(t.leads, q.leads),
    }),
    { agreements: 0, valueIdr: 0n, suppliers: 0, leads: 0 },
  );
  // the all-time distinct counts are at least the largest quarter's: treating them so never publishes more
  const { suppressed } = suppressTable(series, {
    ...all,
    suppliers: Math.max(all.suppliers, DISCLOSURE_THRESHOLD),
    leads: Math.max(all.leads, DISCLOSURE_THRESHOLD),
  });
  const hidden = [...suppressed].map((i) => series[i].quarter);
  const inside = hidden.filter((q) => (lo === null || q >= lo) && (hi === null || q <= hi));
  return inside.length > 0 && inside.length < hidden.length;
}

/** Rows of the month table grouped by calendar quarter (each quarter's total is a published view). */
function quarterPartitions(rows: StatsRow[]): number[][] {
  const byQuarter = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const m = monthIndex(r.key);
    const q = Math.floor(m / 3);
    byQuarter.set(q, [...(byQuarter.get(q) ?? []), i]);
  });
  return [...byQuarter.values()];
}

/**
 * A request's disclosure context: one audience and locale, with the protected tables it has computed so far
 * (a view's suppression depends on its parent views' tables; the page computes several tables at once).
 */
export class Disclosure {
  private tables = new Map<string, Promise<PublishedStats>>();
  private views = new Map<string, Promise<boolean>>();

  constructor(
    readonly audience: Audience,
    readonly locale: Locale,
  ) {}

  static for(actor: Pick<Actor, "membership"> | null | undefined, locale: Locale): Disclosure {
    return new Disclosure(audienceOf(actor), locale);
  }

  /** The filter as it will be answered (public: whole quarters). */
  filterFor(f: StatsFilter): StatsFilter {
    return periodFor(this.audience, f);
  }

  /** One table, protected for the audience. */
  async partnerships(groupBy: GroupBy, filter: StatsFilter): Promise<PublishedStats> {
    // All of this object's tables and checks read one server (lib/db onOneReadServer): figures and the
    // counts that decide their suppression must describe one state of the data.
    return onOneReadServer(() => this.table(groupBy, this.filterFor(filter)), this);
  }

  private table(groupBy: GroupBy, f: StatsFilter) {
    const k = `${groupBy}|${f.from ?? ""}|${f.to ?? ""}|${f.province ?? ""}|${f.kbliSection ?? ""}|${f.clusterId ?? ""}`;
    let t = this.tables.get(k);
    if (!t) {
      t = this.computeTable(groupBy, f);
      this.tables.set(k, t);
    }
    return t;
  }

  private async computeTable(groupBy: GroupBy, f: StatsFilter): Promise<PublishedStats> {
    const period: Period = { from: f.from ?? null, to: f.to ?? null };
    const stats = await getPartnershipStats(groupBy, f, this.locale);
    if (this.audience === "exact") {
      return {
        groupBy,
        audience: this.audience,
        period,
        rows: stats.rows.map((r) => ({ key: r.key, label: r.label, ...publish(r, false) })),
        totals: publish(stats.totals, false),
      };
    }
    const hasPeriod = Boolean(f.from || f.to);
    const [leads, inherited, series] = await Promise.all([
      leadCounts(groupBy, f),
      this.viewSuppressed(f),
      hasPeriod ? quarterSeries(groupBy, f) : Promise.resolve(new Map<string | null, QuarterFigures[]>()),
    ]);
    const qlo = f.from ? Math.floor(monthIndex(f.from) / 3) : null;
    const qhi = f.to ? Math.floor(monthIndex(f.to) / 3) : null;
    // a month row lies inside or outside a whole-quarter period: differences of periods never split it
    const temporal = (k: string | null) => groupBy !== "month" && hasPeriod && periodHidesGroup(series.get(k), qlo, qhi);
    const figures = stats.rows.map((r) => {
      const g = { ...r, leads: leads.byKey.get(r.key) ?? 0 };
      // a group withheld for this period is treated as sensitive, so secondary suppression covers it too
      return temporal(r.key) && !isEmpty(g) ? { ...g, leads: 0, suppliers: Math.min(g.suppliers, 1) } : g;
    });
    const totals = { ...stats.totals, leads: leads.total };
    const partitions = groupBy === "month" ? quarterPartitions(stats.rows) : undefined;
    const complement = f.clusterId
      ? await this.complementHidden(
          groupBy,
          f,
          stats.rows.map((r) => ({ ...r, leads: leads.byKey.get(r.key) ?? 0 })),
          totals,
          partitions,
        )
      : { suppressed: new Set<number>(), totalsSuppressed: false };
    // a row whose complement is withheld is treated as sensitive, so secondary suppression covers it too
    const protectedFigures = figures.map((g, i) =>
      complement.suppressed.has(i) && !isEmpty(g) ? { ...g, leads: 0, suppliers: Math.min(g.suppliers, 1) } : g,
    );
    const { suppressed, totalsSuppressed } = suppressTable(protectedFigures, totals, partitions);
    const allHidden =
      inherited || totalsSuppressed || complement.totalsSuppressed || (hasPeriod && periodHidesGroup(series.get(null), qlo, qhi));
    return {
      groupBy,
      audience: this.audience,
      period,
      rows: stats.rows.map((r, i) => ({ key: r.key, label: r.label, ...publish(r, !isEmpty(r) && (allHidden || suppressed.has(i))) })),
      totals: publish(stats.totals, allHidden && !isEmpty(stats.totals)),
    };
  }

  /**
   * The cluster filter (issue 12) and differencing: the same view without the cluster is published too, so each
   * row's complement (the row without the cluster minus the row with it: the UMKM outside the cluster) is a
   * figure anyone can work out. The complements are protected as a table of their own (primary and secondary
   * suppression, with their totals); a cluster row whose complement is withheld is withheld, and the cluster
   * totals are withheld when the complement's totals are. Membership is per UMKM, so the distinct counts of
   * the complement are exact differences.
   */
  private async complementHidden(
    groupBy: GroupBy,
    f: StatsFilter,
    rows: (StatsRow & { leads: number })[],
    totals: GroupFigures,
    partitions: number[][] | undefined,
  ): Promise<{ suppressed: Set<number>; totalsSuppressed: boolean }> {
    const parent: StatsFilter = { ...f, clusterId: undefined };
    const [whole, wholeLeads] = await Promise.all([getPartnershipStats(groupBy, parent, this.locale), leadCounts(groupBy, parent)]);
    const byKey = new Map(whole.rows.map((r) => [r.key, r]));
    const minus = (a: GroupFigures, b: GroupFigures): GroupFigures => ({
      agreements: a.agreements - b.agreements,
      valueIdr: a.valueIdr - b.valueIdr,
      suppliers: a.suppliers - b.suppliers,
      leads: a.leads - b.leads,
    });
    const comp = rows.map((r) => {
      const w = byKey.get(r.key);
      return w ? minus({ ...w, leads: wholeLeads.byKey.get(r.key) ?? 0 }, r) : { agreements: 0, valueIdr: 0n, suppliers: 0, leads: 0 };
    });
    const compTotals = minus({ ...whole.totals, leads: wholeLeads.total }, totals);
    const { suppressed, totalsSuppressed } = suppressTable(comp, compTotals, partitions);
    return { suppressed, totalsSuppressed: totalsSuppressed && !isEmpty(compTotals) };
  }

  /**
   * Whether a filtered view is suppressed as a whole: its province (section) row is suppressed in the table of
   * the same view without the province (section) filter, or that parent view is itself suppressed.
   */
  viewSuppressed(f: StatsFilter): Promise<boolean> {
    if (this.audience === "exact" || (!f.province && !f.kbliSection)) return Promise.resolve(false);
    return onOneReadServer(() => this.viewSuppressedOnOne(f), this);
  }

  private viewSuppressedOnOne(f: StatsFilter): Promise<boolean> {
    const k = `${f.from ?? ""}|${f.to ?? ""}|${f.province ?? ""}|${f.kbliSection ?? ""}|${f.clusterId ?? ""}`;
    let v = this.views.get(k);
    if (!v) {
      v = this.computeViewSuppressed(f);
      this.views.set(k, v);
    }
    return v;
  }

  private async computeViewSuppressed(f: StatsFilter): Promise<boolean> {
    const checks = (["province", "kbliSection"] as const)
      .filter((dim) => f[dim])
      .map(async (dim) => {
        const parent: StatsFilter = { ...f, [dim]: undefined };
        if (await this.viewSuppressed(parent)) return true;
        const table = await this.table(dim, parent);
        const row = table.rows.find((r) => r.key === f[dim]);
        return row?.suppressed === true;
      });
    return (await Promise.all(checks)).some(Boolean);
  }
}

// ---- single figures (summary cards, the landing page) ----------------------------------------------------

/** A count or amount published only when backed by at least THRESHOLD distinct UMKM (exact audience: always). */
export function publishFigure<T>(audience: Audience, value: T, backingUmkm: number): T | null {
  if (audience === "exact") return value;
  return backingUmkm > 0 && backingUmkm < DISCLOSURE_THRESHOLD ? null : value;
}
