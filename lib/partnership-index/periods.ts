// The periods of the Indeks Kemitraan: a calendar year, a quarter, or the rolling 12 months up to today (UTC).
export type IndexPeriod = { kind: "year"; year: number } | { kind: "rolling12" };

export interface PeriodRange {
  kind: "year" | "quarter" | "rolling12";
  /** The rollup key ("Y2026", "Q2026-4"); null for rolling 12 months (computed on read). */
  key: string | null;
  year: number | null;
  quarter: number | null;
  /** Inclusive dates, YYYY-MM-DD. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const currentYear = (now = new Date()) => now.getUTCFullYear();

export function yearRange(year: number): PeriodRange {
  return { kind: "year", key: `Y${year}`, year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31` };
}

export function quarterRange(year: number, quarter: number): PeriodRange {
  const first = 3 * quarter - 2;
  const last = new Date(Date.UTC(year, first + 2, 0));
  return { kind: "quarter", key: `Q${year}-${quarter}`, year, quarter, from: `${year}-${pad(first)}-01`, to: iso(last) };
}

function rollingRange(now = new Date()): PeriodRange {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { kind: "rolling12", key: null, year: null, quarter: null, from: iso(from), to: iso(now) };
}

export function rangeOf(period: IndexPeriod, now = new Date()): PeriodRange {
  return period.kind === "year" ? yearRange(period.year) : rollingRange(now);
}
