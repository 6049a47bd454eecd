// GET /api/v1/rfqs/{id}: one RFQ for its buyer organization or a supplier that may see it (404 otherwise).
// PATCH: the buyer edits a draft (any field; items replace the list), or extends an open RFQ's deadline
// (`{deadline}` only); anything else on a published RFQ → 409.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { RfqSchema } from "@/lib/rfqs/responses";
import { rfqIdSchema, rfqUpdateSchema } from "@/lib/rfqs/schemas";
import { updateRfq } from "@/lib/rfqs/lifecycle";
import { getRfqForActor } from "@/lib/rfqs/queries";

const params = z.object({ id: rfqIdSchema });

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer", "umkm", "cooperative"],
    params,
    openapi: {
      method: "get",
      path: "/api/v1/rfqs/{id}",
      summary: "One RFQ",
      description: "Suppliers see `invited` (whether they are), never who else was invited.",
      tags: ["RFQs"],
      responses: { 200: { description: "The RFQ", schema: RfqSchema } },
    },
  },
  ({ actor, params: p }) => getRfqForActor(actor, p.id),
);

export const PATCH = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params,
    body: rfqUpdateSchema,
    idempotent: true,
    openapi: {
      method: "patch",
      path: "/api/v1/rfqs/{id}",
      summary: "Edit a draft RFQ, or extend an open RFQ's deadline",
      description:
        "Send only the fields to change. On an open RFQ only `{deadline}` is accepted and it must be later than the current one.",
      tags: ["RFQs"],
      responses: { 200: { description: "The RFQ as stored", schema: RfqSchema } },
    },
  },
  ({ actor, params: p, body }) => updateRfq(actor, p.id, body),
);
