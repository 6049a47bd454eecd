// Issue 11 (large numbers): every Rupiah sum Rantai computes from quantities × unit prices — a quote's line
// totals and total, an award's agreement value and its milestone amounts, an RFQ's target value — is checked
// by zod against what it is stored in and reported as, so absurd input is a 400 on its field and never a
// PostgreSQL "out of range" (500). Client-safe: no server imports.
import { z } from "zod";

/**
 * The largest Rupiah sum (a line total, a quote's total, an agreement's value): Number.MAX_SAFE_INTEGER, about
 * Rp9 kuadriliun. Inside PostgreSQL bigint, and exact as a JSON number (lib/api/json.ts would otherwise send a
 * string): far above any real procurement (the whole national budget is ~Rp3.600 triliun).
 */
const MAX_TOTAL_IDR = BigInt(Number.MAX_SAFE_INTEGER);

interface PricedLine {
  quantity: number | bigint;
  unitPriceIdr: bigint;
}

/**
 * zod: each line's quantity × unit price and their sum stay within MAX_TOTAL_IDR. An issue on a line goes to
 * `[index, priceField]` (e.g. items.3.unitPriceIdr); the sum's to the array itself. `lineMessage`/`totalMessage`
 * are i18n keys.
 */
export function pricedLinesSchema<T extends PricedLine>(opts: { priceField: string; lineMessage: string; totalMessage: string }) {
  return z
    .custom<T[]>((v) => Array.isArray(v))
    .superRefine((lines, ctx) => {
      let total = 0n;
      let lineTooLarge = false;
      lines.forEach((l, i) => {
        // zod runs refinements even when a line already failed its own checks: judge only well-formed lines
        const q = l?.quantity;
        if (typeof l?.unitPriceIdr !== "bigint" || !(typeof q === "bigint" || (typeof q === "number" && Number.isSafeInteger(q)))) return;
        const line = BigInt(q) * l.unitPriceIdr;
        if (line > MAX_TOTAL_IDR) {
          lineTooLarge = true;
          ctx.addIssue({ code: "custom", path: [i, opts.priceField], message: opts.lineMessage });
        }
        total += line;
      });
      if (!lineTooLarge && total > MAX_TOTAL_IDR) ctx.addIssue({ code: "custom", path: [], message: opts.totalMessage });
    });
}
