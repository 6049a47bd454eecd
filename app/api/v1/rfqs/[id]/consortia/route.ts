// GET /api/v1/rfqs/{id}/consortia: proposed groups of 2–5 qualified UMKM whose capacities together cover the
// buyer's RFQ quantity (cooperative members first, then nearby UMKM). POST invites one: the consortium is
// created with each member's share, its lead is invited and every member notified. Others' RFQs: 404.
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { getConsortiumProposals } from "@/lib/matching/service";
import { inviteConsortium } from "@/lib/matching/invite";
import { inviteConsortiumSchema } from "@/lib/matching/schemas";
import { ConsortiaResponseSchema, InvitedConsortiumSchema, presentConsortia, presentInvited } from "@/lib/matching/responses";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.buyer,
    permission: "matching:read",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/rfqs/{id}/consortia",
      summary: "Proposed consortia for your RFQ",
      description:
        "Only when no single qualified UMKM can supply the quantity (`needed`): up to five groups of 2–5 qualified UMKM " +
        "whose monthly capacities together cover it, each with members, their shares (in proportion to capacity), the " +
        "covered quantity and reasons. Members of the buyer organization that owns the RFQ only (others: 404).",
      tags: ["Matching"],
      responses: { 200: { description: "The proposals", schema: ConsortiaResponseSchema } },
    },
  },
  async ({ actor, params, locale }) => presentConsortia(locale, await getConsortiumProposals(actor, params.id)),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.buyer,
    permission: "rfq:write",
    params,
    body: inviteConsortiumSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/consortia",
      summary: "Invite a consortium to your open RFQ",
      description:
        "`memberIds`: 2–5 UMKM that each meet the RFQ's hard requirements; `leadId` (optional, one of them; default the best " +
        "scored) answers with one quote for all. Creates the consortium with each member's share of the quantity, invites the " +
        "lead and notifies every member. 409 when the RFQ is not open or a member is already in a consortium for it. An unverified buyer organization → 403 `verification_required`.",
      tags: ["Matching"],
      responses: { 201: { description: "The consortium invited", schema: InvitedConsortiumSchema } },
    },
  },
  async ({ actor, params, body }) => created(presentInvited(await inviteConsortium(actor, params.id, body))),
);
