// Indonesian business identifiers: NIB and NPWP. Pure and client-safe (the onboarding form checks as you
// type; lib/suppliers/schemas.ts uses the same functions for the server action and the API).
//
// Rules (docs: /work/shared/docs/domain.md "Identifiers"):
//  - NIB (Nomor Induk Berusaha, OSS): exactly 13 digits; no public checksum.
//  - NPWP, old form: 15 digits `XX.XXX.XXX.X-XXX.XXX`. The first 8 digits are the taxpayer's serial, the 9th is
//    a Luhn check digit over them (so the first 9 digits pass the Luhn test), then 3 digits tax office (KPP)
//    and 3 digits branch status ("000" = head office).
//  - NPWP since 2024 (PMK 112/2022): 16 digits. Entities: "0" + the old 15 (check the embedded Luhn digit).
//    Individuals: their NIK, which starts with a province code (11–96, Kemendagri) and has no check digit.
//  - Stored as digits only, normalised to 16 (15 → "0" + 15).

/** Kemendagri province codes (38 provinces, Kepmendagri 300.2.2-2138/2025; same list as data/regions.json). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "16",
  "17",
  "18",
  "19",
  "21",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "51",
  "52",
  "53",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "72",
  "73",
  "74",
  "75",
  "76",
  "81",
  "82",
  "91",
  "92",
  "93",
  "94",
  "95",
  "96",
]);

/** True when the digit string passes the Luhn (mod 10) test, its last digit being the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------
// NIB
// ---------------------------------------------------------------------------------------------

export type NibResult = { ok: true; value: string } | { ok: false; reason: "format" };

/** Accepts 13 digits, optionally typed with spaces; returns the digits. */
export function parseNib(input: string): NibResult {
  const s = input.replace(/\s+/g, "");
  return /^\d{13}$/.test(s) ? { ok: true, value: s } : { ok: false, reason: "format" };
}

// ---------------------------------------------------------------------------------------------
// NPWP
// ---------------------------------------------------------------------------------------------

export type NpwpKind = "entity" | "nik";

export type NpwpResult =
  | { ok: true; value: string; kind: NpwpKind }
  | {
      ok: false;
      /** format: not 15/16 digits in an accepted layout; checksum: the Luhn digit does not match; province: a NIK
       *  whose first two digits are not a province code. */
      reason: "format" | "checksum" | "province";
    };

// Accepted layouts (spaces anywhere are ignored): digits only (15 or 16), the old printed form
// "XX.XXX.XXX.X-XXX.XXX", and the same with the leading "0" of the 16-digit entity form.
const NPWP_FORMATTED = /^0?\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}$/;

/** Validates an NPWP in any accepted layout and normalises it to 16 digits. */
export function parseNpwp(input: string): NpwpResult {
  const s = input.replace(/\s+/g, "");
  let digits: string;
  if (/^\d{15,16}$/.test(s)) digits = s;
  else if (NPWP_FORMATTED.test(s)) digits = s.replace(/[.-]/g, "");
  else return { ok: false, reason: "format" };

  if (digits.length === 15) digits = `0${digits}`;
  if (digits.startsWith("0")) {
    // Entity: "0" + old 15 digits, whose first 9 carry the Luhn check digit.
    return luhnValid(digits.slice(1, 10)) ? { ok: true, value: digits, kind: "entity" } : { ok: false, reason: "checksum" };
  }
  // Individual: the NIK. No check digit; the first two digits must be a province code.
  return PROVINCE_CODES.has(digits.slice(0, 2)) ? { ok: true, value: digits, kind: "nik" } : { ok: false, reason: "province" };
}

/** For display: an entity NPWP as its old printed form ("0" + "XX.XXX.XXX.X-XXX.XXX"), a NIK in groups of four. */
export function formatNpwp(normalised: string): string {
  if (!/^\d{16}$/.test(normalised)) return normalised;
  if (normalised.startsWith("0")) {
    const d = normalised.slice(1);
    return `0${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d.slice(8, 9)}-${d.slice(9, 12)}.${d.slice(12, 15)}`;
  }
  return normalised.replace(/(\d{4})(?=\d)/g, "$1 ");
}
