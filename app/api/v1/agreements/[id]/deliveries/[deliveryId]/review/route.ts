// POST /api/v1/agreements/{id}/deliveries/{deliveryId}/review: the buyer accepts or rejects a delivery the supplier recorded.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/responses";
import { agreementIdSchema, deliveryReviewSchema } from "@/lib/agreements/schemas";
import { reviewDelivery } from "@/lib/agreements/execution";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:write",
    params: z.object({ id: agreementIdSchema, deliveryId: agreementIdSchema }),
    body: deliveryReviewSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/deliveries/{deliveryId}/review",
      summary: "Accept or reject a delivery (buyer)",
      description: "Only the buyer, only once per delivery (a reviewed delivery → 409).",
      tags: ["Agreements"],
      errors: [409],
      responses: { 200: { description: "The agreement", schema: AgreementSchema } },
    },
  },
  ({ actor, params: p, body }) => reviewDelivery(actor, p.id, p.deliveryId, body),
);
