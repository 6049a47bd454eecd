// POST /api/v1/admin/users/{id}/suspend: a platform admin suspends a user with a reason (issue 16): they cannot
// sign in, and their sessions and API tokens stop working at their next request.
import { apiRoute } from "@/lib/api/route";
import { suspendUser } from "@/lib/admin/suspension";
import { SuspensionStateSchema } from "@/lib/admin/responses";
import { idParamsSchema, suspendBodySchema } from "@/lib/admin/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    params: idParamsSchema,
    body: suspendBodySchema,
    openapi: {
      method: "post",
      path: "/api/v1/admin/users/{id}/suspend",
      summary: "Suspend a user (platform admins)",
      description:
        "The user cannot sign in; sessions and API tokens get 401 from their next request. Already suspended " +
        "→ 409; yourself → 403. Not a platform admin → 404.",
      tags: ["Administration"],
      errors: [409],
      responses: { 200: { description: "The new state", schema: SuspensionStateSchema } },
    },
  },
  async ({ actor, params, body }) => suspendUser(actor, { id: params.id, reason: body.reason }),
);
