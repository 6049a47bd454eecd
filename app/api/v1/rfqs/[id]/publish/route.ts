// POST /api/v1/rfqs/{id}/publish: Publish a draft RFQ (the buyer organization's officers; 404 for anyone else's RFQ).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { RfqSchema } from "@/lib/rfqs/responses";
import { rfqIdSchema } from "@/lib/rfqs/schemas";
import { publishRfq } from "@/lib/rfqs/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params: z.object({ id: rfqIdSchema }),
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/publish",
      summary: "Publish a draft RFQ",
      description:
        "Draft → open. The deadline must still be in the future (400 otherwise); an invite-only RFQ needs at least one invitation. Invited suppliers are notified. Not a draft → 409. An unverified buyer organization → 403 `verification_required` (it may keep preparing drafts).",
      tags: ["RFQs"],
      responses: { 200: { description: "The RFQ", schema: RfqSchema } },
    },
  },
  ({ actor, params: p }) => publishRfq(actor, p.id),
);
