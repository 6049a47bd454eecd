// POST /api/v1/agreements/{id}/payments: Record a payment
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/responses";
import { agreementIdSchema, paymentInputSchema } from "@/lib/agreements/schemas";
import { recordPayment } from "@/lib/agreements/execution";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:write",
    params: z.object({ id: agreementIdSchema }),
    body: paymentInputSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/payments",
      summary: "Record a payment",
      description:
        "While the agreement is in force. `paidOn` (and `invoicedOn`, if given) give days-to-pay; without an invoice date it counts from the milestone's latest accepted delivery. Payments never add up to more than the agreement's value.",
      tags: ["Agreements"],
      errors: [409],
      responses: { 201: { description: "The agreement with the new record", schema: AgreementSchema } },
    },
  },
  async ({ actor, params: p, body }) => created(await recordPayment(actor, p.id, body)),
);
