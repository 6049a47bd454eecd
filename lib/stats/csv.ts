// CSV of partnership statistics rows: the same columns as the JSON API (key, label, agreements, valueIdr,
// suppliers), integer Rupiah, UTF-8 with a byte-order mark so spreadsheet programs read the labels right.
// A withheld figure (fewer than 3 UMKM behind it, lib/stats/disclosure.ts) is an empty cell; 0 is a real zero.
import Papa from "papaparse";
import type { PublishedRow } from "./disclosure";

const CSV_COLUMNS = ["key", "label", "agreements", "valueIdr", "suppliers"] as const;

export function partnershipsCsv(rows: PublishedRow[]): string {
  return (
    "\uFEFF" +
    Papa.unparse(
      {
        fields: [...CSV_COLUMNS],
        data: rows.map((r) => [r.key, r.label, r.agreements ?? "", r.valueIdr?.toString() ?? "", r.suppliers ?? ""]),
      },
      { newline: "\r\n" },
    ) +
    "\r\n"
  );
}

export function csvFilename(groupBy: string, from?: string, to?: string): string {
  return `rantai-kemitraan-${groupBy}${from ? `-${from}` : ""}${to ? `-${to}` : ""}.csv`;
}
