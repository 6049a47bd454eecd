// GET /statistik/pemasok.csv?<filters>: the named suppliers with the largest partnership value (the table ministry
// staff see on /statistik) for Excel. Ministry and platform staff only (stats:drilldown, checked in lib/): 401
// without a session, 403 for everyone else.
import { apiRoute } from "@/lib/api/route";
import { getActor } from "@/lib/auth/session";
import { excelCsvResponse, readerLocale } from "@/lib/csv/excel";
import { topSuppliersCsv } from "@/lib/stats/export";
import { statsFilterSchema } from "@/lib/stats/schemas";

export const GET = apiRoute({ auth: "none", query: statsFilterSchema }, async ({ req, query }) =>
  excelCsvResponse(await topSuppliersCsv(await getActor(), query, readerLocale(req))),
);
