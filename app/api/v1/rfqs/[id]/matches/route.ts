// GET /api/v1/rfqs/{id}/matches?limit=: the UMKM that fit the buyer's own RFQ, best first, each with a score
// (0–100), reasons and gaps; plus the almost-qualified ones. Another organization's RFQ is 404.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { matchesQuerySchema } from "@/lib/matching/schemas";
import { getRfqMatches } from "@/lib/matching/service";
import { MatchesResponseSchema, presentMatches } from "@/lib/matching/responses";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.buyer,
    permission: "matching:read",
    params,
    query: matchesQuerySchema,
    openapi: {
      method: "get",
      path: "/api/v1/rfqs/{id}/matches",
      summary: "Ranked UMKM for your RFQ, with reasons",
      description:
        "Members of the buyer organization that owns the RFQ only (others: 404). `data` holds UMKM meeting every hard " +
        "requirement (required certificates valid on the deadline, minimum TKDN), best first; `almostQualified` the relevant " +
        "ones that miss one, with `gaps`. Reasons and gaps are labelled in the language of Accept-Language. Weights: " +
        "lib/matching/weights.ts.",
      tags: ["Matching"],
      responses: { 200: { description: "The matches", schema: MatchesResponseSchema } },
    },
  },
  async ({ actor, params, query, locale }) => presentMatches(locale, await getRfqMatches(actor, params.id, { limit: query.limit })),
);
