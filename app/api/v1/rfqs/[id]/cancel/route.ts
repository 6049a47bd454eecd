// POST /api/v1/rfqs/{id}/cancel: Cancel an RFQ (the buyer organization's officers; 404 for anyone else's RFQ).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { RfqSchema } from "@/lib/rfqs/responses";
import { cancelSchema, rfqIdSchema } from "@/lib/rfqs/schemas";
import { cancelRfq } from "@/lib/rfqs/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params: z.object({ id: rfqIdSchema }),
    body: cancelSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/cancel",
      summary: "Cancel an RFQ",
      description:
        "Draft, open or closed → cancelled with a reason (5–1000 characters) that suppliers who can see the RFQ read. Awarded or cancelled → 409.",
      tags: ["RFQs"],
      responses: { 200: { description: "The RFQ", schema: RfqSchema } },
    },
  },
  ({ actor, params: p, body }) => cancelRfq(actor, p.id, body.reason),
);
