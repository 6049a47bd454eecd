// GET /api/v1/stats/partnerships?groupBy=…: partnership statistics by one dimension, as JSON or CSV
// (Accept: text/csv or ?format=csv). Public: aggregates only (lib/stats/partnerships.ts), protected by
// lib/stats/disclosure.ts for every caller but ministry and platform staff (a token tells who is calling).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { partnershipsCsvResponse, getPartnershipsForApi } from "@/lib/stats/api";
import { PartnershipsResponseSchema } from "@/lib/stats/responses";
import { partnershipsQuerySchema } from "@/lib/stats/schemas";

export const GET = apiRoute(
  {
    auth: "optional",
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
        "rows as CSV with the header `key,label,agreements,valueIdr,suppliers`. Labels follow Accept-Language.\n\n" +
        "**Statistical disclosure control** (changed in issue 11): for every caller except ministry and platform staff " +
        "(identified by their bearer token), a row or the totals backed by fewer than 3 distinct UMKM — lead suppliers of " +
        "its agreements, or partnering UMKM — is returned with `suppressed: true` and `agreements`, `valueIdr` and " +
        "`suppliers` null (empty cells in CSV); one more row is withheld where a single withheld row could be recomputed " +
        "from the totals; a view filtered by a province or section withheld in the unfiltered table is withheld whole; and " +
        "`from`/`to` are widened to whole calendar quarters. `period` says which period was used, `disclosure` whether " +
        "the figures are `exact` or `protected`.",
      tags: ["Statistics"],
      responses: {
        200: {
          description: "Rows and totals",
          schema: PartnershipsResponseSchema,
          content: {
            "text/csv": z
              .string()
              .openapi({ example: "key,label,agreements,valueIdr,suppliers\r\n33,Jawa Tengah,4,1350000000,3\r\n91,Papua,,,\r\n" }),
          },
        },
      },
    },
  },
  async ({ actor, query, req, locale }) => {
    const wantsCsv = query.format === "csv" || (query.format !== "json" && (req.headers.get("accept") ?? "").includes("text/csv"));
    if (wantsCsv) return partnershipsCsvResponse(actor, query, locale);
    return getPartnershipsForApi(actor, query, locale);
  },
);
