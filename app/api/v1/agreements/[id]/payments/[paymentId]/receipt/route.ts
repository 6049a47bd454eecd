// POST /api/v1/agreements/{id}/payments/{paymentId}/receipt: the lead supplier confirms a payment reached it
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/responses";
import { agreementIdSchema, receiptInputSchema } from "@/lib/agreements/schemas";
import { confirmPaymentReceipt } from "@/lib/agreements/execution";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:write",
    params: z.object({ id: agreementIdSchema, paymentId: agreementIdSchema }),
    body: receiptInputSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/payments/{paymentId}/receipt",
      summary: "Confirm a payment was received",
      description:
        "The agreement's lead supplier confirms that a recorded payment reached it, with the date it arrived (`receivedOn`: " +
        "not before the agreement starts, not after today in the supplier's time zone). The Indeks Kemitraan counts a " +
        "payment only once confirmed, with this date as the paid date. Once per payment (409 after); the buyer and " +
        "consortium members get 403; a payment of an agreement the caller is not a party of is 404. Also after the " +
        "agreement completed or was terminated.",
      tags: ["Agreements"],
      errors: [409],
      responses: { 200: { description: "The agreement with the confirmed payment", schema: AgreementSchema } },
    },
  },
  async ({ actor, params: p, body }) => confirmPaymentReceipt(actor, p.id, p.paymentId, body),
);
