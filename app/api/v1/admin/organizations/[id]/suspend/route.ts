// POST /api/v1/admin/organizations/{id}/suspend: a platform admin suspends an organization with a reason (issue 16).
// Its members still read; every write for it is refused (403 organization_suspended); its public pages are hidden.
import { apiRoute } from "@/lib/api/route";
import { suspendOrganization } from "@/lib/admin/suspension";
import { SuspensionStateSchema } from "@/lib/admin/responses";
import { idParamsSchema, suspendBodySchema } from "@/lib/admin/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    params: idParamsSchema,
    body: suspendBodySchema,
    openapi: {
      method: "post",
      path: "/api/v1/admin/organizations/{id}/suspend",
      summary: "Suspend an organization (platform admins)",
      description:
        "Members still sign in and read; every write for the organization answers 403 " +
        "`organization_suspended`; it leaves the directory, its public profile and search. Already suspended " +
        "→ 409; the platform organization → 403. Not a platform admin → 404.",
      tags: ["Administration"],
      errors: [409],
      responses: { 200: { description: "The new state", schema: SuspensionStateSchema } },
    },
  },
  async ({ actor, params, body }) => suspendOrganization(actor, { id: params.id, reason: body.reason }),
);
