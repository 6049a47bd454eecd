// GET /api/v1/rfqs/{id}/quotes — the quotes submitted on one of the buyer organization's RFQs. Sealed RFQs:
// until the deadline only the count (no prices, not even who quoted). Anyone else: 404.
import { apiRoute } from "@/lib/api/route";
import { RfqQuotesSchema } from "@/lib/quotes/responses";
import { rfqIdParamSchema } from "@/lib/quotes/schemas";
import { listRfqQuotes } from "@/lib/quotes/buyer-reads";

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    params: rfqIdParamSchema,
    openapi: {
      method: "get",
      path: "/api/v1/rfqs/{id}/quotes",
      summary: "Quotes received on your RFQ",
      description:
        "Submitted (and decided) quotes, with per-line unit prices, totals and the evaluated unit price after the TKDN price preference " +
        "of Perpres 46/2025 — granted only when the quoting organization (a consortium's lead) holds a verified TKDN certificate valid " +
        "on the deadline with at least the offered TKDN (`tkdnStatus: verified`); otherwise the TKDN is declared only, with no preference. " +
        "For a sealed RFQ before its deadline: `pricesRevealed: false`, `count` only and an empty `data`.",
      tags: ["Quotes"],
      responses: { 200: { description: "The quotes", schema: RfqQuotesSchema } },
    },
  },
  ({ actor, params }) => listRfqQuotes(actor, params.id),
);
