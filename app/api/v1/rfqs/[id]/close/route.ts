// POST /api/v1/rfqs/{id}/close: Close an open RFQ (the buyer organization's officers; 404 for anyone else's RFQ).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { RfqSchema } from "@/lib/rfqs/responses";
import { rfqIdSchema } from "@/lib/rfqs/schemas";
import { closeRfq } from "@/lib/rfqs/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params: z.object({ id: rfqIdSchema }),
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/close",
      summary: "Close an open RFQ",
      description: "Open → closed: no more quotes or clarifications. Not open → 409. (An open RFQ also closes by itself at its deadline.)",
      tags: ["RFQs"],
      responses: { 200: { description: "The RFQ", schema: RfqSchema } },
    },
  },
  ({ actor, params: p }) => closeRfq(actor, p.id),
);
