// POST /api/v1/admin/users/{id}/reinstate: a platform admin lifts a user's suspension (issue 16).
import { apiRoute } from "@/lib/api/route";
import { reinstateUser } from "@/lib/admin/suspension";
import { SuspensionStateSchema } from "@/lib/admin/responses";
import { idParamsSchema } from "@/lib/admin/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    params: idParamsSchema,
    openapi: {
      method: "post",
      path: "/api/v1/admin/users/{id}/reinstate",
      summary: "Reinstate a suspended user (platform admins)",
      description:
        "The user may sign in again (sessions from before the suspension stay ended). Not suspended → 409. Not a platform admin → 404.",
      tags: ["Administration"],
      errors: [409],
      responses: { 200: { description: "The new state", schema: SuspensionStateSchema } },
    },
  },
  async ({ actor, params }) => reinstateUser(actor, { id: params.id }),
);
