// GET /daerah/tindak-lanjut.csv: the region's follow-up list for field staff, for Excel (lib/csv/excel.ts: ";"
// separated, UTF-8 with BOM, headers in the reader's language). The signed-in government (its region, or
// ?wilayah= inside its scope), ministry staff and platform admins (?wilayah= required); others 401/403/404
// (lib/regions/scope.ts).
import { apiRoute } from "@/lib/api/route";
import { getActor } from "@/lib/auth/session";
import { excelCsvResponse, readerLocale } from "@/lib/csv/excel";
import { followUpDownload } from "@/lib/regions/service";
import { regionQuerySchema } from "@/lib/regions/schemas";

export const GET = apiRoute({ auth: "none", query: regionQuerySchema }, async ({ req, query }) => {
  const file = await followUpDownload(await getActor(), query, readerLocale(req));
  return excelCsvResponse({ content: file.content, filename: file.filename, headers: { "x-row-count": String(file.rows) } });
});
