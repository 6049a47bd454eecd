// /api/v1/rfqs/{id}/quote — the calling supplier's own quote on an RFQ (UMKM or cooperative members).
// PUT creates or revises it (one per supplier per RFQ, only before the deadline: 409 afterwards), GET reads
// it, DELETE withdraws it. Another supplier's quote is never reachable here: the organization comes from the
// token. An RFQ the supplier may not see is 404.
import { apiRoute } from "@/lib/api/route";
import { OwnQuoteSchema } from "@/lib/quotes/responses";
import { quoteInputSchema, rfqIdParamSchema } from "@/lib/quotes/schemas";
import { SUPPLIER_ORG_TYPES } from "@/lib/quotes/access";
import { saveQuote, withdrawQuote } from "@/lib/quotes/lifecycle";
import { getOwnQuote } from "@/lib/quotes/supplier-reads";

const base = { auth: "required", orgTypes: SUPPLIER_ORG_TYPES, permission: "quote:write", params: rfqIdParamSchema } as const;

export const GET = apiRoute(
  {
    ...base,
    openapi: {
      method: "get",
      path: "/api/v1/rfqs/{id}/quote",
      summary: "Your organization's quote on an RFQ",
      description: "Always visible to the supplier that made it, sealed RFQ or not. 404 when you have no quote on this RFQ.",
      tags: ["Quotes"],
      responses: { 200: { description: "The quote", schema: OwnQuoteSchema } },
    },
  },
  ({ actor, params }) => getOwnQuote(actor, params.id),
);

export const PUT = apiRoute(
  {
    ...base,
    body: quoteInputSchema,
    idempotent: true,
    openapi: {
      method: "put",
      path: "/api/v1/rfqs/{id}/quote",
      summary: "Create or revise your quote",
      description:
        "One quote per supplier per RFQ. Unit prices are whole Rupiah per line (`items[].rfqItemId` must be a line of this RFQ; " +
        "lines you do not price are not offered). `submit` defaults to true; `false` keeps a draft the buyer cannot see " +
        "(a submitted quote can be revised, not turned back into a draft). Only while the RFQ is open and before its deadline: 409 afterwards. " +
        "The lead of a consortium invited to the RFQ may state each member's share in `consortiumShares`. " +
        "Each line's quantity × unit price and the quote's total are at most 9007199254740991 Rupiah: 400 on `items.N.unitPriceIdr` or `items` otherwise.",
      tags: ["Quotes"],
      responses: { 200: { description: "The quote as stored", schema: OwnQuoteSchema } },
    },
  },
  ({ actor, params, body }) => saveQuote(actor, params.id, body),
);

export const DELETE = apiRoute(
  {
    ...base,
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/rfqs/{id}/quote",
      summary: "Withdraw your quote",
      description:
        "Before the deadline only (409 afterwards). The quote stays visible to you with status `withdrawn`; a new PUT submits it again.",
      tags: ["Quotes"],
      responses: { 200: { description: "The withdrawn quote", schema: OwnQuoteSchema } },
    },
  },
  ({ actor, params }) => withdrawQuote(actor, params.id),
);
