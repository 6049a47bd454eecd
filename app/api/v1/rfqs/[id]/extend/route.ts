// POST /api/v1/rfqs/{id}/extend: Extend an RFQ's deadline (the buyer organization's officers; 404 for anyone else's RFQ).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { RfqSchema } from "@/lib/rfqs/responses";
import { extendSchema, rfqIdSchema } from "@/lib/rfqs/schemas";
import { extendDeadline } from "@/lib/rfqs/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params: z.object({ id: rfqIdSchema }),
    body: extendSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/extend",
      summary: "Extend an RFQ's deadline",
      description:
        "Moves the deadline of an open RFQ that still accepts quotes later (400 when not later than the current one or in the past). " +
        "Once the deadline has passed or the RFQ was closed, its quotes are open (a sealed RFQ's prices revealed): 409 — a new round is a new RFQ. " +
        "A draft (edit it instead), an awarded or a cancelled RFQ → 409.",
      tags: ["RFQs"],
      responses: { 200: { description: "The RFQ", schema: RfqSchema } },
    },
  },
  ({ actor, params: p, body }) => extendDeadline(actor, p.id, body.deadline),
);
