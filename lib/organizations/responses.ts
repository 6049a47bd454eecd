// API response shapes of the members endpoints (issue 16): the OpenAPI document is generated from them and
// the integration tests check real responses against them. Request bodies are ./schemas.ts.
import { z } from "zod";
import { MEMBER_ROLES, ORG_TYPES } from "@/lib/enums";
import "@/lib/api/openapi"; // .openapi() on zod schemas

const timestamp = z.iso.datetime({ offset: true }).openapi({ example: "2026-12-07T08:00:00.000Z" });
const role = z.enum(MEMBER_ROLES).openapi({
  description: "owner, admin, member; approver (buyers only): a member who may also award RFQs and accept agreements.",
});

const MemberSchema = z.object({ userId: z.string(), name: z.string(), email: z.email(), role, joinedAt: timestamp }).openapi("Member");

const MemberInvitationSchema = z
  .object({
    id: z.string(),
    email: z.email(),
    role,
    expiresAt: timestamp.openapi({ description: "7 days after it was sent; the link works once." }),
    expired: z.boolean(),
    createdAt: timestamp,
    invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi("MemberInvitation");

export const MemberListSchema = z
  .object({
    organization: z.object({ id: z.string(), name: z.string(), type: z.enum(ORG_TYPES) }),
    members: z.array(MemberSchema),
    invitations: z
      .array(MemberInvitationSchema)
      .openapi({ description: "Pending invitations: owners and admins only (empty for others)." }),
  })
  .openapi("MemberList");

export const CreatedInvitationSchema = z
  .object({ id: z.string(), email: z.email(), role, expiresAt: timestamp, createdAt: timestamp })
  .openapi("CreatedMemberInvitation");

export const MemberRoleChangeSchema = z.object({ userId: z.string(), role }).openapi("MemberRoleChange");

export const AcceptedInvitationSchema = z
  .object({ organizationId: z.string(), organizationName: z.string(), organizationType: z.enum(ORG_TYPES), role })
  .openapi("AcceptedInvitation");

/** GET …/members: the list without the page-only viewer block. */
export function memberListResponse(list: {
  organization: { id: string; name: string; type: string };
  members: unknown[];
  invitations: unknown[];
}) {
  return { organization: list.organization, members: list.members, invitations: list.invitations };
}

/** POST …/members: the invitation without its inviter (the caller). */
export function createdInvitationResponse(inv: { id: string; email: string; role: string; expiresAt: Date; createdAt: Date }) {
  return { id: inv.id, email: inv.email, role: inv.role, expiresAt: inv.expiresAt, createdAt: inv.createdAt };
}
