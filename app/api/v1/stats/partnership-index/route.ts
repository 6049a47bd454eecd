// GET /api/v1/stats/partnership-index: every buyer ranked by its Indeks Kemitraan (ministry and platform staff)
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { getRankingForApi, rankingCsvResponse } from "@/lib/partnership-index/api";
import { RankingResponseSchema } from "@/lib/partnership-index/responses";
import { rankingQuerySchema } from "@/lib/partnership-index/schemas";

export const GET = apiRoute(
  {
    auth: "required",
    permission: "stats:drilldown",
    query: rankingQuerySchema,
    openapi: {
      method: "get",
      path: "/api/v1/stats/partnership-index",
      summary: "Ranking of buyers by Indeks Kemitraan",
      description:
        "Ministry and platform staff (403 for everyone else): every verified buyer for a calendar year (`year`), " +
        "highest score first; firms with fewer than 3 UMKM partners last, unranked (`rank`, `grade`, `score` null). " +
        "Filters: `stateOwned` (BUMN or private), `kbliSection` (the firm's industry), `province`. `Accept: text/csv` " +
        "(or `format=csv`) returns the ranking for Excel: headers in the language of Accept-Language, `;`-separated, " +
        "UTF-8 with a byte-order mark.",
      tags: ["Partnership index"],
      responses: {
        200: {
          description: "The ranking",
          schema: RankingResponseSchema,
          content: { "text/csv": z.string().openapi({ example: "\uFEFFPeringkat;Perusahaan;…\r\n1;PT Contoh;…\r\n" }) },
        },
      },
    },
  },
  async ({ actor, query, req, locale }) => {
    const wantsCsv = query.format === "csv" || (query.format !== "json" && (req.headers.get("accept") ?? "").includes("text/csv"));
    if (wantsCsv) return rankingCsvResponse(actor, query, locale);
    return getRankingForApi(actor, query);
  },
);
