// The bulk CSV import engine shared by the cooperative member import (lib/cooperatives/import*.ts, ADR 0008)
// and the cluster bulk invitation (lib/clusters/bulk-invite.ts, ADR 0022). Pure (no database):
//  - parseCsvFile: UTF-8 with an optional BOM; a header row (trimmed, lower-cased); ";" or "," detected (Excel
//    in an Indonesian locale writes ";"); papaparse row by row; at most `maxRows` data rows and `maxBytes`
//    bytes (more → one file error, nothing imported); the required columns present.
//  - batchesOf: the valid rows cut into batches of the file's rows (row numbers as a spreadsheet shows them:
//    header = 1), each with how far the file has been processed — for one transaction per batch and a progress
//    line after each.
//  - errorReportCsv: the failed rows with their original columns plus "baris" and "kesalahan", for Excel
//    (lib/csv/excel.ts).
import Papa from "papaparse";
import { excelCsv, unwrapExcelText } from "./excel";

export type CsvFileErrorKey = "fileTooLarge" | "tooManyRows" | "empty" | "missingColumns" | "parse";

export type ParsedCsv =
  | { ok: true; headers: string[]; rows: Record<string, string>[]; delimiter: string }
  | { ok: false; key: CsvFileErrorKey; missing?: string[] };

export interface CsvLimits {
  requiredColumns: readonly string[];
  maxRows: number;
  maxBytes: number;
}

export function parseCsvFile(input: string, limits: CsvLimits): ParsedCsv {
  if (Buffer.byteLength(input, "utf8") > limits.maxBytes) return { ok: false, key: "fileTooLarge" };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === "") return { ok: false, key: "empty" };
  const rows: Record<string, string>[] = [];
  let headers: string[] = [];
  let delimiter = ",";
  let tooMany = false;
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    delimitersToGuess: [";", ","],
    transformHeader: (h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^\uFEFF/, ""),
    // Our templates' identifier cells (="9120301234567", lib/csv/excel.ts) read as their digits.
    transform: (value) => unwrapExcelText(value),
    step: (result, parser) => {
      if (result.meta.fields) headers = result.meta.fields;
      delimiter = result.meta.delimiter;
      if (rows.length >= limits.maxRows) {
        tooMany = true;
        parser.abort();
        return;
      }
      rows.push(result.data);
    },
  });
  if (tooMany) return { ok: false, key: "tooManyRows" };
  if (headers.length === 0) {
    // No data row: read the header line alone to report missing columns precisely.
    const head = Papa.parse<string[]>(text, { preview: 1, delimitersToGuess: [";", ","] });
    headers = (head.data[0] ?? []).map((h) => h.trim().toLowerCase());
    delimiter = head.meta.delimiter;
  }
  const missing = limits.requiredColumns.filter((c) => !headers.includes(c));
  if (missing.length > 0) return { ok: false, key: "missingColumns", missing };
  if (rows.length === 0) return { ok: false, key: "empty" };
  return { ok: true, headers, rows, delimiter };
}

/**
 * The valid rows (in file order, each with its spreadsheet `row`) in batches of `batchSize` FILE rows: a batch
 * holds the valid rows among rows [start, start + batchSize) and `processed` says how many file rows are done
 * once it is committed (invalid rows count as processed with their batch). Batches without valid rows are
 * yielded too (empty), so progress advances through a file of errors.
 */
export function* batchesOf<R extends { row: number }>(valid: readonly R[], total: number, batchSize: number) {
  let validIndex = 0;
  for (let start = 0; start < total; start += batchSize) {
    const endRow = Math.min(start + batchSize, total) + 2; // exclusive spreadsheet row
    const batch: R[] = [];
    while (validIndex < valid.length && valid[validIndex].row < endRow) batch.push(valid[validIndex++]);
    yield { batch, processed: Math.min(start + batchSize, total) };
  }
}

export interface ReportLine {
  row: number;
  column: string | null;
  message: string;
}

/**
 * The rows that failed (or carry a notice), with the known columns first, then any other column of the file,
 * plus "baris" (row) and "kesalahan" (all its messages), in row order. Empty when there is nothing to report.
 */
export function errorReportCsv(
  knownColumns: readonly string[],
  headers: string[],
  rows: Record<string, string>[],
  lines: ReportLine[],
): string {
  if (lines.length === 0) return "";
  const byRow = new Map<number, string[]>();
  for (const e of lines) {
    const list = byRow.get(e.row) ?? [];
    list.push(e.column ? `${e.column}: ${e.message}` : e.message);
    byRow.set(e.row, list);
  }
  const cols = [...knownColumns, ...headers.filter((h) => !knownColumns.includes(h) && h !== "baris" && h !== "kesalahan")];
  const data = [...byRow.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([row, msgs]) => {
      const raw = rows[row - 2] ?? {};
      return [...cols.map((c) => raw[c] ?? ""), row, msgs.join("; ")];
    });
  // opened in Excel from the import page, and re-readable by the importer (it detects ";")
  return excelCsv([...cols, "baris", "kesalahan"], data);
}
