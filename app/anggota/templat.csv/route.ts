// GET /anggota/templat.csv: the member import template (Indonesian headers and one example row with real codes).
import { templateCsv } from "@/lib/cooperatives/import-parse";
import { excelCsvResponse } from "@/lib/csv/excel";

export const dynamic = "force-static";

export function GET() {
  return excelCsvResponse({
    content: templateCsv(),
    filename: "templat-anggota-rantai.csv",
    cache: "public",
  });
}
