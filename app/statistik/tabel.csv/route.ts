// GET /statistik/tabel.csv?tabel=province|kbliSection|scheme|sizeClass|month|regency|kbliDivision&<filters>: one
// table of /statistik for Excel (lib/stats/export.ts), protected for the reader like the page (public: "< 3"
// cells empty, whole quarters). Anyone may download it; the API's machine-readable CSV is
// /api/v1/stats/partnerships?format=csv.
import { apiRoute } from "@/lib/api/route";
import { getActor } from "@/lib/auth/session";
import { excelCsvResponse, readerLocale } from "@/lib/csv/excel";
import { statsTableCsv, statsTableCsvQuerySchema } from "@/lib/stats/export";

export const GET = apiRoute({ auth: "none", query: statsTableCsvQuerySchema }, async ({ req, query }) =>
  excelCsvResponse(await statsTableCsv(await getActor(), query, readerLocale(req))),
);
