// GET /anggota/templat.csv: the member import template (Indonesian headers and one example row with real codes).
import { templateCsv } from "@/lib/cooperatives/import-parse";
import { downloadResponse } from "@/lib/files/download";

export const dynamic = "force-static";

export function GET() {
  return downloadResponse({
    content: templateCsv(),
    filename: "templat-anggota-rantai.csv",
    mimeType: "text/csv; charset=utf-8",
    cache: "public",
  });
}
