// GET /anggota/templat.csv: the member import template (Indonesian headers and one example row with real codes).
import { templateCsv } from "@/lib/cooperatives/import-parse";

export const dynamic = "force-static";

export function GET() {
  return new Response(templateCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="templat-anggota-rantai.csv"',
    },
  });
}
