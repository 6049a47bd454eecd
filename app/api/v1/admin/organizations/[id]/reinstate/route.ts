// POST /api/v1/admin/organizations/{id}/reinstate: a platform admin lifts an organization's suspension (issue 16).
import { apiRoute } from "@/lib/api/route";
import { reinstateOrganization } from "@/lib/admin/suspension";
import { SuspensionStateSchema } from "@/lib/admin/responses";
import { idParamsSchema } from "@/lib/admin/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    params: idParamsSchema,
    openapi: {
      method: "post",
      path: "/api/v1/admin/organizations/{id}/reinstate",
      summary: "Reinstate a suspended organization (platform admins)",
      description: "Writes work again and its public pages come back. Not suspended → 409. Not a platform admin → 404.",
      tags: ["Administration"],
      errors: [409],
      responses: { 200: { description: "The new state", schema: SuspensionStateSchema } },
    },
  },
  async ({ actor, params }) => reinstateOrganization(actor, { id: params.id }),
);
