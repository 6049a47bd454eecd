// GET /api/v1/admin/users: platform admins find users by name or e-mail (issue 16 item 4). Anyone else → 404.
import { apiRoute } from "@/lib/api/route";
import { AdminUserListSchema } from "@/lib/admin/responses";
import { adminUserQuerySchema } from "@/lib/admin/schemas";
import { listUsers } from "@/lib/admin/users";

export const GET = apiRoute(
  {
    auth: "required",
    query: adminUserQuerySchema,
    openapi: {
      method: "get",
      path: "/api/v1/admin/users",
      summary: "Find users (platform admins)",
      description: "`q` matches name or e-mail; 25 per `page`, newest first. Not a platform admin → 404.",
      tags: ["Administration"],
      responses: { 200: { description: "One page of users", schema: AdminUserListSchema } },
    },
  },
  async ({ actor, query }) => listUsers(actor, query),
);
