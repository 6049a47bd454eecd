// GET /api/v1/rfqs/{id}/invitations: who the buyer invited (the buyer organization only: suppliers never
// learn who else was invited). POST {supplierIds}: invite suppliers (UMKM or cooperative organization ids)
// to a draft or open RFQ; on an open RFQ they are notified at once, on a draft when it is published.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { InvitationListSchema } from "@/lib/rfqs/responses";
import { invitationsSchema, rfqIdSchema } from "@/lib/rfqs/schemas";
import { inviteSuppliers, listInvitations } from "@/lib/rfqs/invitations";

const params = z.object({ id: rfqIdSchema });

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/rfqs/{id}/invitations",
      summary: "Suppliers invited to your RFQ",
      tags: ["RFQs"],
      responses: { 200: { description: "The invitations", schema: InvitationListSchema } },
    },
  },
  async ({ actor, params: p }) => ({ data: await listInvitations(actor, p.id) }),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params,
    body: invitationsSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/invitations",
      summary: "Invite suppliers to your RFQ",
      description:
        "Unknown supplier ids → 400 on `supplierIds`; already invited ones are kept once. A closed, awarded or cancelled RFQ → 409. An unverified buyer organization → 403 `verification_required`.",
      tags: ["RFQs"],
      responses: { 200: { description: "Every invitation of the RFQ", schema: InvitationListSchema } },
    },
  },
  async ({ actor, params: p, body }) => ({ data: await inviteSuppliers(actor, p.id, body.supplierIds) }),
);
