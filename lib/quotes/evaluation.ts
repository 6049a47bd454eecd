// Comparing quotes: the TKDN price preference and "best value per line". Pure functions (client-safe, no
// database), so the comparison table, the award service and the unit tests all use the same rule.
//
// The rule — Perpres 46/2025 (Pengadaan Barang/Jasa Pemerintah, amending Perpres 16/2018), on domestic
// products: goods with a TKDN of at least 25% get a price preference of at most 25%. The evaluation uses the
// "Harga Evaluasi Akhir" (HEA) formula that the procurement rules and LKPP guidance have used since Perpres
// 16/2018:
//     HEA = HP / (1 + KP),   KP (koefisien preferensi) = TKDN × preferensi tertinggi (25% for goods)
// e.g. TKDN 40% → KP = 0.40 × 25% = 10% → a Rp1.100.000 offer is evaluated at Rp1.000.000.
// Below 25% TKDN there is no preference (KP = 0). HEA only ranks offers; the contract is at the offered price.
//
// Offers are compared on the same tax basis: a price that includes PPN is first brought to its price before
// PPN (÷ 1,11 — PPN 11%, UU HPP 7/2021; from 2025 12% on a tax base of 11/12, so 11% effective for ordinary
// goods), since BUMN buyers often collect the VAT themselves.
//
// Money stays in integer Rupiah: TKDN is read in hundredths of a percent (the database keeps 2 decimals),
// KP in millionths, and HEA is rounded half up to a whole Rupiah with BigInt arithmetic (no floats).
import { WIB } from "@/lib/i18n/format";
import { calendarDayIn } from "@/lib/i18n/zoned-time";

/** Minimum offered TKDN (%) for a price preference (Perpres 46/2025). */
export const TKDN_PREFERENCE_MIN_PERCENT = 25;
/** The highest price preference for goods (Perpres 46/2025): 25%. */
const TKDN_MAX_PREFERENCE_PERCENT = 25;

const MICRO = 1_000_000n;

/** TKDN percent (number, decimal string or null) → hundredths of a percent, clamped to 0..10000. */
function tkdnHundredths(tkdn: number | string | null | undefined): number {
  if (tkdn === null || tkdn === undefined || tkdn === "") return 0;
  const n = typeof tkdn === "number" ? tkdn : Number(tkdn);
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(10_000, Math.round(n * 100));
}

/**
 * KP, the preference coefficient, in millionths (100000 = 10%): TKDN × 25% when TKDN ≥ 25%, otherwise 0.
 * At most 250000 (25%, for TKDN 100%).
 */
export function tkdnPreferenceMicro(tkdn: number | string | null | undefined): number {
  const h = tkdnHundredths(tkdn);
  if (h < TKDN_PREFERENCE_MIN_PERCENT * 100) return 0;
  // h / 10000 × 25/100 × 1e6 = h × 25
  return h * TKDN_MAX_PREFERENCE_PERCENT;
}

/** KP as a percentage for display (e.g. 10 for TKDN 40%). */
export function tkdnPreferencePercent(tkdn: number | string | null | undefined): number {
  return tkdnPreferenceMicro(tkdn) / 10_000;
}

// ---------------------------------------------------------------------------------------------------------
// Declared or certified TKDN (issue 11)
// ---------------------------------------------------------------------------------------------------------
//
// A quote's offered TKDN is a declaration. It earns the price preference only when the supplier holds a TKDN
// certificate (Certification of type tkdn) that a Rantai admin has verified, that is valid on the RFQ's
// deadline (validFrom ≤ the deadline's date ≤ validUntil; that date on the buyer organization's clock, WIB by
// default) and whose value is at least the
// offered TKDN. Otherwise the comparison shows the TKDN as declared, unverified, with no preference. A
// consortium's quote is its lead's (the lead signs the agreement and answers for the offer), so the lead's
// certificates count, not the members'.

interface TkdnCertificateInput {
  tkdnPercent: number | string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  /** Verified by a platform admin before the RFQ's deadline (lib/suppliers/certificate-trust.ts verifiedBy). */
  verified: boolean;
}

export interface TkdnAssessment {
  /** The TKDN the quote declares (%), or null. */
  offered: number | null;
  /** "verified": a certificate covers the declared value; "unverified": declared only; null: nothing declared. */
  status: "verified" | "unverified" | null;
  /** The highest TKDN (%) of the supplier's verified certificates valid on the deadline, or null. */
  certifiedPercent: number | null;
  /** The TKDN the preference is computed from: the offered one when verified, otherwise null (no preference). */
  preferenceTkdn: number | null;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10); // @db.Date columns come back as UTC midnight

/** Is the declared TKDN covered by a verified TKDN certificate valid on `deadline`? (see above) */
export function assessTkdn(
  offered: number | string | null | undefined,
  certificates: readonly TkdnCertificateInput[],
  deadline: Date,
  buyerZone: string = WIB,
): TkdnAssessment {
  const day = calendarDayIn(deadline, buyerZone);
  let best: number | null = null;
  for (const c of certificates) {
    if (!c.verified || c.tkdnPercent === null) continue;
    if (c.validFrom && isoDay(c.validFrom) > day) continue;
    if (c.validUntil && isoDay(c.validUntil) < day) continue;
    const h = tkdnHundredths(c.tkdnPercent);
    if (best === null || h > best) best = h;
  }
  const declared = tkdnHundredths(offered);
  const offeredValue = offered === null || offered === undefined || offered === "" ? null : declared / 100;
  if (offeredValue === null)
    return { offered: null, status: null, certifiedPercent: best === null ? null : best / 100, preferenceTkdn: null };
  const verified = best !== null && best >= declared;
  return {
    offered: offeredValue,
    status: verified ? "verified" : "unverified",
    certifiedPercent: best === null ? null : best / 100,
    preferenceTkdn: verified ? offeredValue : null,
  };
}

/** Effective PPN rate used to bring a VAT-inclusive price to its price before VAT (see above). */
const PPN_EFFECTIVE_PERCENT = 11;

/** HEA: the offered price (before PPN when `includesVat`) divided by (1 + KP), rounded half up to whole Rupiah. */
export function evaluatedPriceIdr(priceIdr: bigint, tkdn: number | string | null | undefined, includesVat = false): bigint {
  const kp = BigInt(tkdnPreferenceMicro(tkdn));
  if (kp === 0n && !includesVat) return priceIdr;
  // price × 1e6 × 100 / ((1e6 + KP) × (100 + PPN)) — one rounding, at the end
  const numerator = priceIdr * MICRO * 100n;
  const denominator = (MICRO + kp) * (includesVat ? 100n + BigInt(PPN_EFFECTIVE_PERCENT) : 100n);
  return (numerator * 2n + denominator) / (denominator * 2n);
}

// ---------------------------------------------------------------------------------------------------------
// Side-by-side comparison
// ---------------------------------------------------------------------------------------------------------

interface ComparisonLineInput {
  id: string;
  quantity: number;
}

interface ComparisonQuoteInput {
  id: string;
  offeredTkdn: number | string | null;
  /** Prices include PPN: evaluated before PPN so every offer is compared on the same basis. */
  includesVat?: boolean;
  leadTimeDays: number | null;
  /** unit price per RFQ line id (lines the supplier did not price are absent) */
  prices: Record<string, bigint>;
}

interface ComparisonCell {
  unitPriceIdr: bigint;
  lineTotalIdr: bigint;
  evaluatedUnitPriceIdr: bigint;
  evaluatedLineTotalIdr: bigint;
  /** Lowest evaluated price for this line (ties: every tied quote is marked). */
  best: boolean;
}

export interface ComparisonColumn {
  quoteId: string;
  cells: Record<string, ComparisonCell | null>;
  /** Σ quantity × unit price over the lines this quote priced */
  totalIdr: bigint;
  evaluatedTotalIdr: bigint;
  preferencePercent: number;
  linesPriced: number;
  /** Prices every line and has the lowest evaluated total among those that do. */
  bestOverall: boolean;
  /** Lines on which this quote is the best value. */
  bestLines: number;
}

/** One column per quote; per line, the lowest evaluated unit price is the best value. */
export function compareQuotes(lines: readonly ComparisonLineInput[], quotes: readonly ComparisonQuoteInput[]): ComparisonColumn[] {
  const bestByLine = new Map<string, bigint>();
  for (const line of lines) {
    for (const q of quotes) {
      const price = q.prices[line.id];
      if (price === undefined) continue;
      const ev = evaluatedPriceIdr(price, q.offeredTkdn, q.includesVat);
      const cur = bestByLine.get(line.id);
      if (cur === undefined || ev < cur) bestByLine.set(line.id, ev);
    }
  }
  const columns = quotes.map((q): ComparisonColumn => {
    const cells: Record<string, ComparisonCell | null> = {};
    let total = 0n;
    let evTotal = 0n;
    let priced = 0;
    let bestLines = 0;
    for (const line of lines) {
      const price = q.prices[line.id];
      if (price === undefined) {
        cells[line.id] = null;
        continue;
      }
      const ev = evaluatedPriceIdr(price, q.offeredTkdn, q.includesVat);
      const qty = BigInt(line.quantity);
      const best = bestByLine.get(line.id) === ev;
      cells[line.id] = { unitPriceIdr: price, lineTotalIdr: price * qty, evaluatedUnitPriceIdr: ev, evaluatedLineTotalIdr: ev * qty, best };
      total += price * qty;
      evTotal += ev * qty;
      priced++;
      if (best) bestLines++;
    }
    return {
      quoteId: q.id,
      cells,
      totalIdr: total,
      evaluatedTotalIdr: evTotal,
      preferencePercent: tkdnPreferencePercent(q.offeredTkdn),
      linesPriced: priced,
      bestOverall: false,
      bestLines,
    };
  });
  const complete = columns.filter((c) => c.linesPriced === lines.length && lines.length > 0);
  if (complete.length) {
    const min = complete.reduce((m, c) => (c.evaluatedTotalIdr < m ? c.evaluatedTotalIdr : m), complete[0].evaluatedTotalIdr);
    for (const c of complete) if (c.evaluatedTotalIdr === min) c.bestOverall = true;
  }
  return columns;
}

/** The line → quote split that takes the best evaluated value on every line (first quote wins a tie). */
export function bestValueSplit(lines: readonly ComparisonLineInput[], columns: readonly ComparisonColumn[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const winner = columns.find((c) => c.cells[line.id]?.best);
    if (winner) out[line.id] = winner.quoteId;
  }
  return out;
}
