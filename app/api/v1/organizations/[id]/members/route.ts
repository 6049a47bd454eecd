// GET/POST /api/v1/organizations/{id}/members: an organization's members (any member reads them) and inviting
// a colleague by e-mail (owners and admins). Another organization's members → 404 (issue 16, ADR 0019).
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { inviteMember } from "@/lib/organizations/invitations";
import { listMembers } from "@/lib/organizations/members";
import { CreatedInvitationSchema, createdInvitationResponse, MemberListSchema, memberListResponse } from "@/lib/organizations/responses";
import { inviteMemberSchema, pathIdSchema } from "@/lib/organizations/schemas";

const params = z.object({ id: pathIdSchema });

export const GET = apiRoute(
  {
    auth: "required",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/organizations/{id}/members",
      summary: "List an organization's members",
      description: "Any member of the organization; owners and admins also get the pending invitations. Not a member → 404.",
      tags: ["Members"],
      responses: { 200: { description: "Members and pending invitations", schema: MemberListSchema } },
    },
  },
  async ({ actor, params: p }) => memberListResponse(await listMembers(actor, p.id)),
);

export const POST = apiRoute(
  {
    auth: "required",
    params,
    body: inviteMemberSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/organizations/{id}/members",
      summary: "Invite a colleague by e-mail",
      description:
        "Owners and admins. Sends a single-use link valid for 7 days (only its hash is stored); an existing user is also " +
        "notified in the app. Only an owner invites an owner; `approver` exists at buyers only. Already a member → 409; " +
        "inviting an address again replaces its pending invitation.",
      tags: ["Members"],
      errors: [409],
      responses: { 201: { description: "The invitation (the token only goes out by e-mail)", schema: CreatedInvitationSchema } },
    },
  },
  async ({ actor, params: p, body }) => created(createdInvitationResponse(await inviteMember(actor, p.id, body))),
);
