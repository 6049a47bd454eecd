// Rupiah amounts typed by people or sent by systems: integer, never negative, never fractional. Pure and
// client-safe (the size-class step shows the class live from the same parser the server uses).

/** Upper bound accepted for any Rupiah figure (Rp10.000 triliun): far above any UMKM, far below bigint limits. */
const MAX_RUPIAH = 10_000_000_000_000_000n;

export type RupiahParse =
  | { ok: true; value: bigint | null }
  | {
      ok: false;
      error:
        | "suppliers.errors.rupiahNegative"
        | "suppliers.errors.rupiahFraction"
        | "suppliers.errors.rupiahFormat"
        | "suppliers.errors.rupiahTooLarge";
    };

/**
 * Parses a Rupiah amount typed in a form or sent in JSON:
 *  - numbers: whole and ≥ 0 (JSON numbers above 2^53 lose precision: send those as a string of digits);
 *  - strings: digits ("1500000"), or Indonesian thousands grouping with dots where EVERY group has three
 *    digits ("1.500.000"); an optional "Rp" prefix is ignored. "1,5", "1.5", "1.50" and "1.500,00" are refused
 *    (a comma or a short group is a decimal fraction, or a typo: Rupiah amounts are whole numbers);
 *  - "" / null → null (not reported).
 */
export function parseRupiahInput(input: unknown): RupiahParse {
  if (input === null || input === undefined) return { ok: true, value: null };
  let value: bigint;
  if (typeof input === "bigint") {
    value = input;
  } else if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, error: "suppliers.errors.rupiahFormat" };
    if (input < 0) return { ok: false, error: "suppliers.errors.rupiahNegative" };
    if (!Number.isInteger(input)) return { ok: false, error: "suppliers.errors.rupiahFraction" };
    if (!Number.isSafeInteger(input)) return { ok: false, error: "suppliers.errors.rupiahTooLarge" };
    value = BigInt(input);
  } else if (typeof input === "string") {
    const s = input.replace(/[\s\u00a0]+/g, "").replace(/^rp\.?/i, "");
    if (s === "") return { ok: true, value: null };
    if (/^[-−]/.test(s)) return { ok: false, error: "suppliers.errors.rupiahNegative" };
    // issue 11 (review): BigInt() of a megabytes-long digit string blocks the event loop for seconds
    if (/^[\d.]+$/.test(s) && s.replace(/\./g, "").replace(/^0+(?=\d)/, "").length > 20)
      return { ok: false, error: "suppliers.errors.rupiahTooLarge" };
    if (/^\d+$/.test(s)) value = BigInt(s);
    else if (/^\d{1,3}(\.\d{3})+$/.test(s)) value = BigInt(s.replace(/\./g, ""));
    else if (s.includes(",") || /^\d+\.\d+$/.test(s)) return { ok: false, error: "suppliers.errors.rupiahFraction" };
    else return { ok: false, error: "suppliers.errors.rupiahFormat" };
  } else {
    return { ok: false, error: "suppliers.errors.rupiahFormat" };
  }
  if (value < 0n) return { ok: false, error: "suppliers.errors.rupiahNegative" };
  if (value > MAX_RUPIAH) return { ok: false, error: "suppliers.errors.rupiahTooLarge" };
  return { ok: true, value };
}
