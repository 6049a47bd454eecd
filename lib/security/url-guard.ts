// Addresses holding a NUL character (U+0000, "%00" in a URL) are refused before the app sees them (issue 14
// attack review): PostgreSQL text cannot hold NUL, so `/klaster?q=%00` reached a Prisma `contains` and came back
// as a 500. No Rantai address or query needs one. scripts/serve.ts answers 400 here, in the reader's language
// (a JSON error in the API's shape under /api/), at the cost of one string search per request.
import { localeFromAcceptLanguage, translate } from "@/lib/i18n/translate";

/** Whether the raw request target (path and query, still percent-encoded) holds a NUL character. */
export function urlHasNul(rawUrl: string | undefined): boolean {
  if (!rawUrl) return false;
  return rawUrl.includes("\u0000") || /%00/i.test(rawUrl);
}

/** The 400 answer for such an address. */
export function nulUrlRefusal(rawUrl: string, acceptLanguage: string | undefined) {
  const locale = localeFromAcceptLanguage(acceptLanguage ?? null);
  const message = translate(locale, "errors.nulInAddress");
  if (rawUrl.startsWith("/api/"))
    return {
      status: 400,
      contentType: "application/json; charset=utf-8",
      body: JSON.stringify({ error: { code: "invalid_input", message } }),
    };
  return { status: 400, contentType: "text/plain; charset=utf-8", body: message };
}
