// GET /api/v1/suppliers/{id}/recommended-rfqs: open RFQs that fit this UMKM, with score, reasons and the gaps
// it must close to qualify. Its own members only (anyone else: 404).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { getRecommendedRfqs } from "@/lib/matching/service";
import { presentRecommended, RecommendedRfqsResponseSchema } from "@/lib/matching/responses";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.umkm,
    permission: "rfq:board:read",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/suppliers/{id}/recommended-rfqs",
      summary: "Open RFQs recommended for your UMKM",
      description:
        "Open RFQs the UMKM may see (public, or invited) in its KBLI division or naming its products, scored like the buyer's " +
        "matches; qualified ones first. `gaps` says what is missing to qualify (e.g. a valid halal certificate, TKDN ≥ 25%) " +
        "and `fixPath` where to fix it. Members of that UMKM only (others: 404).",
      tags: ["Matching"],
      responses: { 200: { description: "The recommendations", schema: RecommendedRfqsResponseSchema } },
    },
  },
  async ({ actor, params, locale }) => presentRecommended(locale, await getRecommendedRfqs(actor, params.id)),
);
