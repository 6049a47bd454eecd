// POST /api/v1/agreements/{id}/deliveries: Record a delivery
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/responses";
import { agreementIdSchema, deliveryInputSchema } from "@/lib/agreements/schemas";
import { recordDelivery } from "@/lib/agreements/execution";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:write",
    params: z.object({ id: agreementIdSchema }),
    body: deliveryInputSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/deliveries",
      summary: "Record a delivery",
      description:
        "While the agreement is in force. On time = delivered on or before the milestone's due date (or the agreement's end date). The buyer records the outcome (`status` accepted — the default — or rejected); a supplier's record waits for the buyer's review.",
      tags: ["Agreements"],
      errors: [409],
      responses: { 201: { description: "The agreement with the new record", schema: AgreementSchema } },
    },
  },
  async ({ actor, params: p, body }) => created(await recordDelivery(actor, p.id, body)),
);
