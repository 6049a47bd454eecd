// POST /api/v1/agreements/{id}/complete: the buyer or the lead supplier confirms completion (issue 11: it
// takes both sides; the second confirmation completes). DELETE: that side withdraws its confirmation.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/responses";
import { agreementIdSchema, completeSchema, withdrawCompletionSchema } from "@/lib/agreements/schemas";
import { completeAgreement, withdrawCompletion } from "@/lib/agreements/lifecycle";

const params = z.object({ id: agreementIdSchema });

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:accept",
    params,
    body: completeSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/complete",
      summary: "Confirm that an active agreement is complete (buyer or lead supplier)",
      description:
        "Completion takes both sides: the buyer and the lead supplier each confirm. The first confirmation is recorded in `completion` and the agreement stays `active`; " +
        "the second completes it. While a milestone is undelivered or unpaid (`completion.open`), a confirmation needs a `reason` (400 on `reason` otherwise), " +
        "kept in `completion.reason`. Consortium members cannot confirm (403). Refused while an amendment is pending (409). Recording or reviewing a delivery, " +
        "recording a payment or amending clears both confirmations. Optional `version` (stale → 409). Needs an owner or admin.",
      tags: ["Agreements"],
      errors: [409],
      responses: { 200: { description: "The agreement", schema: AgreementSchema } },
    },
  },
  ({ actor, params: p, body }) => completeAgreement(actor, p.id, body),
);

export const DELETE = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:accept",
    params,
    body: withdrawCompletionSchema,
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/agreements/{id}/complete",
      summary: "Withdraw your side's completion confirmation",
      description:
        "Only before the other side confirms (the agreement is still `active`); clears the reason given. 409 when your side has not confirmed. Needs an owner or admin.",
      tags: ["Agreements"],
      errors: [409],
      responses: { 200: { description: "The agreement", schema: AgreementSchema } },
    },
  },
  ({ actor, params: p, body }) => withdrawCompletion(actor, p.id, body),
);
