// Formatting of money, numbers, dates and times for Rantai's two UI languages. Pure functions (no request
// state), usable in server components, client components, e-mails and tests. In components, bind them to
// the request's locale and the viewer's time zone (lib/i18n/time-zone.ts) with `formattersFor(locale, timeZone)`:
//   server: const f = formattersFor(await getLocale(), await getTimeZone());
//   client: const f = formattersFor(useLocale(), useTimeZone());
//
// Rules (see /work/shared/docs/domain.md "Money and formats"):
//  - Rupiah is an integer currency: amounts are bigint (or integral numbers). PUEBI spelling is "Rp100.000"
//    — no space after "Rp", "." between thousands. Intl's "Rp 100.000" (with a no-break space) is not used.
//    English UI keeps the "Rp" prefix but English digit grouping: "Rp100,000".
//  - Compact amounts: Indonesian uses the customary abbreviations rb (ribu, 10^3), jt (juta, 10^6),
//    M (miliar, 10^9), T (triliun, 10^12): "Rp1,5 jt", "Rp2,3 M". English spells the scale word out
//    ("Rp1.5 million", "Rp2.3 billion") because "M" means miliar (10^9) in Indonesian but million (10^6) in
//    English; an abbreviation would mislead a bilingual reader by a factor of 1,000. The number and its
//    unit are joined by a no-break space (NBSP) so a narrow column never separates them.
//  - Dates: "22 November 2026" in both languages. Times carry the Indonesian zone abbreviation of the
//    region they belong to: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9) — see timeZoneForProvince().
import type { Locale } from "./config";

export const NBSP = "\u00a0";

/** BCP 47 tags used with Intl. en-GB gives "22 November 2026" (day month year) and "1,234.5". */
const INTL_LOCALE: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

export type FormatLocale = Locale;
export type DateInput = Date | string | number;

function intlLocale(locale: FormatLocale): string {
  return INTL_LOCALE[locale] ?? INTL_LOCALE.id;
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

const numberFormatCache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: FormatLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let nf = numberFormatCache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormatCache.set(key, nf);
  }
  return nf;
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what}: expected a finite number, got ${value}`);
}

/** "1.234.567" (id) / "1,234,567" (en). bigint is formatted exactly, however large. */
export function formatNumber(
  value: number | bigint,
  locale: FormatLocale = "id",
  options: { maximumFractionDigits?: number; minimumFractionDigits?: number } = {},
): string {
  if (typeof value === "number") assertFinite(value, "formatNumber");
  const maximumFractionDigits = options.maximumFractionDigits ?? 2;
  const minimumFractionDigits = Math.min(options.minimumFractionDigits ?? 0, maximumFractionDigits);
  return numberFormat(locale, { maximumFractionDigits, minimumFractionDigits }).format(value);
}

/**
 * Percentages. By default `value` is a ratio (0.183 → "18,3%"); pass `{ scale: "points" }` for values that
 * are already percentages, e.g. TKDN stored as Decimal(5,2) (40 → "40%").
 */
export function formatPercent(
  value: number,
  locale: FormatLocale = "id",
  options: { scale?: "ratio" | "points"; maximumFractionDigits?: number } = {},
): string {
  assertFinite(value, "formatPercent");
  const ratio = options.scale === "points" ? value / 100 : value;
  return numberFormat(locale, { style: "percent", maximumFractionDigits: options.maximumFractionDigits ?? 1 }).format(ratio);
}

// ---------------------------------------------------------------------------------------------
// Rupiah
// ---------------------------------------------------------------------------------------------

/** Integer Rupiah from bigint or number (numbers are rounded half away from zero to whole Rupiah). */
function toWholeRupiah(value: bigint | number): bigint {
  if (typeof value === "bigint") return value;
  assertFinite(value, "formatRupiah");
  // Beyond 2^53 a number has already lost precision: pass such amounts as bigint.
  return BigInt(Math.sign(value) * Math.round(Math.abs(value)));
}

const abs = (v: bigint) => (v < 0n ? -v : v);

/** "Rp100.000" (id), "Rp100,000" (en), "-Rp100.000" for negative amounts. Exact for any bigint. */
export function formatRupiah(value: bigint | number, locale: FormatLocale = "id"): string {
  const v = toWholeRupiah(value);
  const digits = numberFormat(locale, { maximumFractionDigits: 0 }).format(abs(v));
  return `${v < 0n ? "-" : ""}Rp${digits}`;
}

interface CompactUnit {
  exponent: number; // power of ten
  id: string;
  en: string;
}
const COMPACT_UNITS: CompactUnit[] = [
  { exponent: 12, id: "T", en: "trillion" },
  { exponent: 9, id: "M", en: "billion" },
  { exponent: 6, id: "jt", en: "million" },
  { exponent: 3, id: "rb", en: "thousand" },
];

/**
 * Short amounts for cards and charts: "Rp250 rb", "Rp1,5 jt", "Rp2,3 M", "Rp1.250 T" (id);
 * "Rp250 thousand", "Rp1.5 million", "Rp2.3 billion" (en). One decimal at most, rounded half up;
 * amounts under a thousand are written in full ("Rp999"). Use formatRupiah for exact amounts
 * (e.g. in a `title` or screen-reader text next to the compact one).
 */
export function formatRupiahCompact(value: bigint | number, locale: FormatLocale = "id"): string {
  const v = toWholeRupiah(value);
  const sign = v < 0n ? "-" : "";
  const a = abs(v);
  for (let i = 0; i < COMPACT_UNITS.length; i++) {
    const unit = COMPACT_UNITS[i];
    const base = 10n ** BigInt(unit.exponent);
    if (a < base) continue;
    // tenths of the unit, rounded half up: (a * 10 + base / 2) / base
    let tenths = (a * 10n + base / 2n) / base;
    let chosen = unit;
    // 999.96 jt rounds to 1,000.0 jt: show it as 1 M instead.
    if (tenths >= 10_000n && i > 0) {
      chosen = COMPACT_UNITS[i - 1];
      const bigger = 10n ** BigInt(chosen.exponent);
      tenths = (a * 10n + bigger / 2n) / bigger;
    }
    const whole = tenths / 10n;
    const fraction = tenths % 10n;
    const wholeText = numberFormat(locale, { maximumFractionDigits: 0 }).format(whole);
    const decimalSeparator = locale === "en" ? "." : ",";
    const number = fraction === 0n ? wholeText : `${wholeText}${decimalSeparator}${fraction}`;
    return `${sign}Rp${number}${NBSP}${locale === "en" ? chosen.en : chosen.id}`;
  }
  return formatRupiah(v, locale);
}

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

export const WIB = "Asia/Jakarta";
export const WITA = "Asia/Makassar";
export const WIT = "Asia/Jayapura";
export type IndonesianTimeZone = typeof WIB | typeof WITA | typeof WIT;

/**
 * Kemendagri province codes outside WIB (Keppres 41/1987 zones; Kalimantan Barat 61 and Tengah 62 are WIB).
 * Papua after the 2022 split: 91 Papua, 92 Papua Barat, 93 Papua Selatan, 94 Papua Tengah,
 * 95 Papua Pegunungan, 96 Papua Barat Daya (data/regions.json); any further 9x code is in Papua too.
 */
const WITA_PROVINCES = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);
const WIT_PROVINCES = new Set(["81", "82"]);

/**
 * IANA time zone for a Kemendagri province code. Accepts a province ("51"), regency ("51.71" / "5171")
 * or district code: the first two digits decide. Unknown or empty codes fall back to WIB.
 */
export function timeZoneForProvince(code: string | null | undefined): IndonesianTimeZone {
  const province = (code ?? "").trim().slice(0, 2);
  if (!/^\d\d$/.test(province)) return WIB;
  if (WITA_PROVINCES.has(province)) return WITA;
  if (WIT_PROVINCES.has(province) || province.startsWith("9")) return WIT;
  return WIB;
}

/** "WIB" / "WITA" / "WIT" for Indonesian zones; other zones get Intl's short name (e.g. "UTC", "GMT+2"). */
export function timeZoneAbbreviation(timeZone: string, locale: FormatLocale = "id", at: Date = new Date()): string {
  switch (timeZone) {
    case "Asia/Jakarta":
    case "Asia/Pontianak":
      return "WIB";
    case "Asia/Makassar":
      return "WITA";
    case "Asia/Jayapura":
      return "WIT";
  }
  const part = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

// ---------------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------------

function toDate(value: DateInput): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid date: ${String(value)}`);
  return d;
}

function partsOf(date: Date, locale: FormatLocale, timeZone: string, withTime: boolean) {
  const parts = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
  } as Intl.DateTimeFormatOptions).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: get("day"), month: get("month"), year: get("year"), hour: get("hour"), minute: get("minute") };
}

/**
 * "22 November 2026" in both languages, as the calendar day in `timeZone` (default WIB).
 * For date-only database columns (`@db.Date`, stored as UTC midnight) use formatCalendarDate.
 */
export function formatDate(value: DateInput, locale: FormatLocale = "id", timeZone: string = WIB): string {
  const p = partsOf(toDate(value), locale, timeZone, false);
  return `${p.day} ${p.month} ${p.year}`;
}

/** A date-only value (Prisma `@db.Date`, "2026-11-22"): formatted in UTC so no zone shifts its day. */
export function formatCalendarDate(value: DateInput, locale: FormatLocale = "id"): string {
  return formatDate(value, locale, "UTC");
}

/**
 * "22 November 2026 pukul 10.05 WIB" (id; PUEBI writes times with a dot) /
 * "22 November 2026, 10:05 WIB" (en). `timeZone` defaults to WIB; for an event tied to a place use
 * timeZoneForProvince(regencyCode).
 */
export function formatDateTime(value: DateInput, locale: FormatLocale = "id", timeZone: string = WIB): string {
  const date = toDate(value);
  const p = partsOf(date, locale, timeZone, true);
  const zone = timeZoneAbbreviation(timeZone, locale, date);
  return locale === "en"
    ? `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${zone}`
    : `${p.day} ${p.month} ${p.year} pukul ${p.hour}.${p.minute} ${zone}`;
}

/** "10.05 WIB" (id) / "10:05 WIB" (en). */
export function formatTime(value: DateInput, locale: FormatLocale = "id", timeZone: string = WIB): string {
  const date = toDate(value);
  const p = partsOf(date, locale, timeZone, true);
  return `${p.hour}${locale === "en" ? ":" : "."}${p.minute} ${timeZoneAbbreviation(timeZone, locale, date)}`;
}

// ---------------------------------------------------------------------------------------------
// Bound helpers
// ---------------------------------------------------------------------------------------------

export interface Formatters {
  locale: FormatLocale;
  /** The zone dates and times are shown in unless a call names another. */
  timeZone: string;
  number: (value: number | bigint, options?: Parameters<typeof formatNumber>[2]) => string;
  percent: (value: number, options?: Parameters<typeof formatPercent>[2]) => string;
  rupiah: (value: bigint | number) => string;
  rupiahCompact: (value: bigint | number) => string;
  date: (value: DateInput, timeZone?: string) => string;
  calendarDate: (value: DateInput) => string;
  dateTime: (value: DateInput, timeZone?: string) => string;
  time: (value: DateInput, timeZone?: string) => string;
  /**
   * The same instant on another clock, for "(17.00 WITA buyer's time)" next to the viewer's: null when that
   * clock is the viewer's; the time alone on the same calendar day, else the date and time.
   */
  onOtherClock: (value: DateInput, timeZone: string) => string | null;
}

/**
 * All formatters bound to one locale (anything but "en" is treated as Indonesian) and the viewer's time zone
 * (default WIB, the zone of visitors and of organizations without a region). Times always name their zone.
 */
export function formattersFor(locale: string, timeZone: string = WIB): Formatters {
  const l: FormatLocale = locale === "en" ? "en" : "id";
  const zone = timeZone || WIB;
  return {
    locale: l,
    timeZone: zone,
    number: (v, o) => formatNumber(v, l, o),
    percent: (v, o) => formatPercent(v, l, o),
    rupiah: (v) => formatRupiah(v, l),
    rupiahCompact: (v) => formatRupiahCompact(v, l),
    date: (v, tz) => formatDate(v, l, tz ?? zone),
    calendarDate: (v) => formatCalendarDate(v, l),
    dateTime: (v, tz) => formatDateTime(v, l, tz ?? zone),
    time: (v, tz) => formatTime(v, l, tz ?? zone),
    onOtherClock: (v, tz) => {
      if (timeZoneAbbreviation(tz, l) === timeZoneAbbreviation(zone, l)) return null;
      return formatDate(v, l, tz) === formatDate(v, l, zone) ? formatTime(v, l, tz) : formatDateTime(v, l, tz);
    },
  };
}
