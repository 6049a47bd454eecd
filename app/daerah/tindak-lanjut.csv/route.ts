// GET /daerah/tindak-lanjut.csv: the region's follow-up list for field staff, for Excel (";" separated, UTF-8 with
// BOM, headers in the reader's language). The signed-in government (its region, or ?wilayah= inside its scope),
// ministry staff and platform admins (?wilayah= required); others 401/403/404 (lib/regions/scope.ts).
import { apiRoute } from "@/lib/api/route";
import { getActor } from "@/lib/auth/session";
import { downloadResponse } from "@/lib/files/download";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { followUpDownload } from "@/lib/regions/service";
import { regionQuerySchema } from "@/lib/regions/schemas";

/** The reader's language: the language switcher's cookie, else the browser's (apiRoute's Accept-Language). */
function readerLocale(req: Request, fallback: string): string {
  const match = (req.headers.get("cookie") ?? "").match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  return match && isLocale(match[1]) ? match[1] : fallback;
}

export const GET = apiRoute({ auth: "none", query: regionQuerySchema }, async ({ req, query, locale }) => {
  const file = await followUpDownload(await getActor(), query, readerLocale(req, locale));
  return downloadResponse({
    content: file.content,
    filename: file.filename,
    mimeType: "text/csv; charset=utf-8",
    headers: { "x-row-count": String(file.rows) },
  });
});
