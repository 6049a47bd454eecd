// The one way a PAGE hands out a CSV (issue 17, item 8): the file people open in Excel on an Indonesian
// Windows, where a double-click must give columns and readable names without an import wizard:
//  - UTF-8 with a byte-order mark (without it Excel reads "Kopi Gayo Â·…");
//  - ";" between cells (the list separator of the Indonesian locale, where "," is the decimal comma), CRLF;
//  - headers in the reader's language (`localizedExcelCsv` translates message keys);
//  - formula injection neutralised: a text cell starting with = + - @ (or a tab/CR) gets a leading ' so a
//    supplier named "=HYPERLINK(…)" is shown, never run. Numbers and bigints pass unchanged (a negative number
//    is a number, not a formula).
// The HTTP API keeps its own machine-readable CSV (","-separated, fixed English column keys: lib/stats/csv.ts).
import Papa from "papaparse";
import { downloadResponse } from "@/lib/files/download";
import { LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/config";
import { localeFromAcceptLanguage, translate } from "@/lib/i18n/translate";

/**
 * An identifier made of digits (NIB, NPWP, a member number): Excel would read it as a number and show 13 or
 * more digits as "9,12E+12" — and write them back that way when the user saves — and drop leading zeros. The
 * file carries it as a text formula (="9120301234567"), which Excel shows and saves as the digits themselves.
 */
export interface ExcelText {
  excelText: string;
}

/** `value` as an Excel text cell; only digits and the separators identifiers are written with are allowed. */
export function excelText(value: string): ExcelText {
  if (!/^[0-9 .\-]*$/.test(value)) throw new Error("excelText is for digit identifiers only");
  return { excelText: value };
}

export type ExcelCell = string | number | bigint | boolean | ExcelText | null | undefined;

const EXCEL_CSV_MIME = "text/csv; charset=utf-8";
const EXCEL_SEPARATOR = ";";
const BOM = "\uFEFF";

/** Leading characters a spreadsheet treats as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(v: ExcelCell): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v ? "1" : "0";
  if (typeof v === "object") return v.excelText === "" ? "" : `="${v.excelText}"`;
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/**
 * The importers' side of `excelText`: the template uploaded as downloaded (not re-saved by a spreadsheet)
 * still carries ="…" around its identifiers; the digits inside are what the user meant.
 */
export function unwrapExcelText(value: string): string {
  const m = /^\s*="([0-9 .\-]*)"\s*$/.exec(value);
  return m ? m[1] : value;
}

/**
 * A cell a spreadsheet turned into a number in scientific notation ("9,12E+12", "9.12036E+12"): the digits
 * beyond the first few are lost, so an importer says so instead of "not 13 digits" (issue 17: the user then
 * formats the column as Text, or starts from the template, whose identifier cells are text).
 */
export function isSpreadsheetScientific(value: string): boolean {
  return /^\s*\d+(?:[.,]\d+)?\s*e\s*\+?\s*\d+\s*$/i.test(value);
}

/** The file: BOM, `headers` as given, one line per row, ";" separated, CRLF line ends (a final CRLF too). */
export function excelCsv(headers: readonly string[], rows: readonly (readonly ExcelCell[])[]): string {
  const body = Papa.unparse(
    { fields: headers.map((h) => cell(h)) as string[], data: rows.map((r) => r.map(cell)) },
    { delimiter: EXCEL_SEPARATOR, newline: "\r\n", quotes: false },
  );
  // (papaparse ends a header-only file with a newline of its own)
  return BOM + body.replace(/\r\n$/, "") + "\r\n";
}

/** The same with each header a message key translated into `locale` (the reader's language). */
export function localizedExcelCsv(locale: Locale, headerKeys: readonly string[], rows: readonly (readonly ExcelCell[])[]): string {
  return excelCsv(
    headerKeys.map((k) => translate(locale, k)),
    rows,
  );
}

/** The download itself (attachment, nosniff, private unless `cache: "public"`). */
export function excelCsvResponse(file: {
  content: string;
  filename: string;
  cache?: "private" | "public";
  headers?: Record<string, string>;
}): Response {
  return downloadResponse({
    content: file.content,
    filename: file.filename,
    mimeType: EXCEL_CSV_MIME,
    cache: file.cache,
    headers: file.headers,
  });
}

/**
 * The reader's language for a file they download from a page: the language switcher's cookie, else the
 * browser's Accept-Language.
 */
export function readerLocale(req: Request): Locale {
  const match = (req.headers.get("cookie") ?? "").match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  return match && isLocale(match[1]) ? match[1] : localeFromAcceptLanguage(req.headers.get("accept-language"));
}
