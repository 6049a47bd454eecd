// POST /api/v1/rfqs/{id}/award — award an RFQ (owners/admins of the buyer organization): the whole RFQ to one
// quote, or lines split between quotes. Creates one draft partnership agreement per winner. Awarded already
// (also by a concurrent request) → 409.
import { apiRoute, created } from "@/lib/api/route";
import { awardRfq } from "@/lib/quotes/awards";
import { AwardResultSchema } from "@/lib/quotes/responses";
import { awardInputSchema, rfqIdParamSchema } from "@/lib/quotes/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:award",
    params: rfqIdParamSchema,
    body: awardInputSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/award",
      summary: "Award your RFQ",
      description:
        "`awards: [{quoteId, rfqItemIds?}]`: each entry gives lines to a submitted quote (omit `rfqItemIds` for every line it priced); " +
        "a line goes to one quote at most. The RFQ must be open or closed and, if sealed, past its deadline. Winning quotes become " +
        "`awarded`, the others `not_awarded`; each winner gets a draft agreement (scheme rantai_pasok, one milestone per line due " +
        "after the quote's lead time, payment 30 days) and a notification. A second award → 409. " +
        "An agreement value (Σ quantity × unit price of its lines) above 9007199254740991 Rupiah → 400 on `awards.N.rfqItemIds`. " +
        "A buyer organization that is not verified (or whose verification was returned) → 403 `verification_required`.",
      tags: ["Quotes"],
      responses: { 201: { description: "The draft agreements created", schema: AwardResultSchema } },
    },
  },
  async ({ actor, params, body }) => created(await awardRfq(actor, params.id, body)),
);
