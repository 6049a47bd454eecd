// DELETE /api/v1/tokens/{id}: revoke one of your own tokens (someone else's is 404, like a missing one).
import { z } from "zod";
import { apiRoute, noContent } from "@/lib/api/route";
import { revokeApiToken } from "@/lib/auth/tokens";

export const DELETE = apiRoute(
  {
    auth: "required",
    params: z.object({ id: z.string().min(1).max(100) }),
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/tokens/{id}",
      summary: "Revoke an API token",
      description: "Takes effect at once. Revoking the token you are calling with is allowed.",
      tags: ["Account"],
      responses: { 204: { description: "Revoked" } },
    },
  },
  async ({ actor, params }) => {
    await revokeApiToken(actor.user.id, params.id);
    return noContent();
  },
);
