// GET /api/v1/stats/partnerships?groupBy=…: partnership statistics by one dimension, as JSON or CSV
// (Accept: text/csv or ?format=csv). Public: aggregates only (lib/stats/partnerships.ts).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { partnershipsCsvResponse, getPartnershipsForApi } from "@/lib/stats/api";
import { partnershipsQuerySchema, PartnershipsResponseSchema } from "@/lib/stats/schemas";

export const GET = apiRoute(
  {
    auth: "none",
    query: partnershipsQuerySchema,
    openapi: {
      method: "get",
      path: "/api/v1/stats/partnerships",
      summary: "Partnership statistics by province, KBLI section, scheme, size class or month",
      description:
        "Agreements counted (active or completed; by the month they start), their value and the distinct UMKM in them " +
        "(lead suppliers and consortium members), grouped by `groupBy` and filtered by period (`from`, `to`: YYYY-MM), " +
        "`province` and `kbliSection`. Agreements and value are attributed to the lead supplier's province, primary KBLI " +
        "section and size class; each UMKM is counted in its own. `Accept: text/csv` (or `format=csv`) returns the same " +
        "rows as CSV with the header `key,label,agreements,valueIdr,suppliers`. Labels follow Accept-Language.",
      tags: ["Statistics"],
      responses: {
        200: {
          description: "Rows and totals",
          schema: PartnershipsResponseSchema,
          content: { "text/csv": z.string().openapi({ example: "key,label,agreements,valueIdr,suppliers\r\n33,Jawa Tengah,4,1350000000,3\r\n" }) },
        },
      },
    },
  },
  async ({ query, req, locale }) => {
    const wantsCsv = query.format === "csv" || (query.format !== "json" && (req.headers.get("accept") ?? "").includes("text/csv"));
    if (wantsCsv) return partnershipsCsvResponse(query, locale);
    return getPartnershipsForApi(query, locale);
  },
);
