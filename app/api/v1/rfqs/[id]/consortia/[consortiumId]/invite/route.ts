// POST /api/v1/rfqs/{id}/consortia/{consortiumId}/invite: the buyer invites a consortium that a cluster manager
// proposed for its open RFQ (listed as `clusterProposals` by GET /api/v1/rfqs/{id}/consortia; issue 12). From
// here it is an invited consortium like any other: its lead quotes for the group, every member is notified and
// accepts the agreement itself.
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { inviteProposedConsortium } from "@/lib/matching/invite";
import { InvitedConsortiumSchema, presentInvited } from "@/lib/matching/responses";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.buyer,
    permission: "rfq:write",
    params: z.object({ id: z.string().min(1).max(100), consortiumId: z.string().min(1).max(100) }),
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/consortia/{consortiumId}/invite",
      summary: "Invite a consortium a cluster manager proposed",
      description:
        "For your own open RFQ: invites the cluster manager's proposal (`clusterProposals` of GET /api/v1/rfqs/{id}/consortia). " +
        "Every member must still meet the hard requirements (400) and be in no invited consortium for the RFQ (409); the " +
        "lead is invited with the consortium and every member notified → 201. A proposal of another RFQ, or one already " +
        "invited → 404. An unverified buyer organization → 403 `verification_required`.",
      tags: ["Matching"],
      responses: { 201: { description: "The consortium invited", schema: InvitedConsortiumSchema } },
    },
  },
  async ({ actor, params }) => created(presentInvited(await inviteProposedConsortium(actor, params.id, params.consortiumId))),
);
