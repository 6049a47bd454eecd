// GET /api/v1/buyers/{id}/partnership-index?year=: one buyer's Indeks Kemitraan (lib/partnership-index)
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { getBuyerIndexForApi } from "@/lib/partnership-index/api";
import { BuyerIndexResponseSchema } from "@/lib/partnership-index/responses";
import { buyerIdSchema, buyerIndexQuerySchema } from "@/lib/partnership-index/schemas";

export const GET = apiRoute(
  {
    auth: "optional",
    params: z.object({ id: buyerIdSchema }),
    query: buyerIndexQuerySchema,
    openapi: {
      method: "get",
      path: "/api/v1/buyers/{id}/partnership-index",
      summary: "A buyer's Indeks Kemitraan",
      description:
        "The partnership index of a buyer for a calendar year (`year`, default this year): score 0–100, grade " +
        "(`terbaik`, `sangat_baik`, `baik`, `cukup`, `perlu_perbaikan`) and its components. With fewer than 3 UMKM " +
        "partners in the year: `grade` and `score` null (not enough data). Visible to the firm itself, ministry and " +
        "platform staff, and to anyone once the firm published its index — then, with fewer than 3 partners, without " +
        "figures (`components` null). Otherwise, and for any id that is not a buyer, 404.",
      tags: ["Partnership index"],
      responses: { 200: { description: "The index", schema: BuyerIndexResponseSchema } },
    },
  },
  async ({ actor, params, query }) => getBuyerIndexForApi(actor, params.id, query.year),
);
