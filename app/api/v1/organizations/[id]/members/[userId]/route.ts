// PATCH/DELETE /api/v1/organizations/{id}/members/{userId}: change a member's role or remove them (owners and
// admins; only an owner touches an owner; removing yourself is leaving). The last owner stays: 409.
import { z } from "zod";
import { apiRoute, noContent } from "@/lib/api/route";
import { changeMemberRole, removeMember } from "@/lib/organizations/members";
import { MemberRoleChangeSchema } from "@/lib/organizations/responses";
import { changeRoleSchema, pathIdSchema } from "@/lib/organizations/schemas";

const params = z.object({ id: pathIdSchema, userId: pathIdSchema });

export const PATCH = apiRoute(
  {
    auth: "required",
    params,
    body: changeRoleSchema,
    idempotent: true,
    openapi: {
      method: "patch",
      path: "/api/v1/organizations/{id}/members/{userId}",
      summary: "Change a member's role",
      description: "Owners and admins; only an owner makes or demotes an owner. Demoting the last owner → 409.",
      tags: ["Members"],
      errors: [409],
      responses: { 200: { description: "The member's role", schema: MemberRoleChangeSchema } },
    },
  },
  ({ actor, params: p, body }) => changeMemberRole(actor, p.id, p.userId, body.role),
);

export const DELETE = apiRoute(
  {
    auth: "required",
    params,
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/organizations/{id}/members/{userId}",
      summary: "Remove a member, or leave",
      description:
        "Owners and admins remove members (only an owner removes an owner); any member removes themselves (leaves). " +
        "The last owner cannot leave or be removed → 409.",
      tags: ["Members"],
      errors: [409],
      responses: { 204: { description: "Removed" } },
    },
  },
  async ({ actor, params: p }) => {
    await removeMember(actor, p.id, p.userId);
    return noContent();
  },
);
