// POST /api/v1/invitations/accept: the signed-in invitee accepts an invitation to an organization. The token
// is in the body, never in the URL (access logs keep URLs; ADR 0019).
import { apiRoute } from "@/lib/api/route";
import { acceptInvitation } from "@/lib/organizations/invitations";
import { AcceptedInvitationSchema } from "@/lib/organizations/responses";
import { invitationTokenSchema } from "@/lib/organizations/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    body: invitationTokenSchema,
    openapi: {
      method: "post",
      path: "/api/v1/invitations/accept",
      summary: "Accept an invitation to an organization",
      description:
        "`token` from the e-mailed link (after `#token=`). Only the user whose e-mail address the invitation names (403 " +
        "otherwise). The token works once and expires after 7 days: used, revoked, expired or unknown → 404. Already a member → 409.",
      tags: ["Members"],
      errors: [409],
      responses: { 200: { description: "The membership", schema: AcceptedInvitationSchema } },
    },
  },
  ({ actor, body }) => acceptInvitation(actor, body.token),
);
