// GET /api/v1/me: who the token belongs to and the organizations they can act for.
import { apiRoute } from "@/lib/api/route";
import { MeResponseSchema } from "@/lib/auth/responses";

export const GET = apiRoute(
  {
    auth: "required",
    openapi: {
      method: "get",
      path: "/api/v1/me",
      summary: "The signed-in user and their organizations",
      description:
        "Pick the organization to act for with `X-Organization-Id` (or `?organizationId=`) on other requests; default: the first.",
      tags: ["Account"],
      responses: { 200: { description: "The user and their organizations", schema: MeResponseSchema } },
    },
  },
  ({ actor }) => ({
    user: { id: actor.user.id, email: actor.user.email, name: actor.user.name },
    organizations: actor.user.memberships.map((m) => ({
      id: m.organizationId,
      name: m.organizationName,
      type: m.organizationType,
      role: m.role,
      verificationStatus: m.verificationStatus,
    })),
  }),
);
