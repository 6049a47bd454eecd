// POST /api/v1/admin/users/{id}/password-reset: a platform admin forces a password reset (issue 16 item 4): the
// old password stops working, every session and API token ends, a single-use reset link goes to the user.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/admin/schemas";
import { forcePasswordReset } from "@/lib/admin/users";

export const POST = apiRoute(
  {
    auth: "required",
    params: idParamsSchema,
    openapi: {
      method: "post",
      path: "/api/v1/admin/users/{id}/password-reset",
      summary: "Force a user's password reset (platform admins)",
      description:
        "Replaces the password with an unknown one, ends every session and API token, and e-mails a reset " +
        "link valid for one hour (only its hash is stored). Not a platform admin → 404.",
      tags: ["Administration"],
      responses: {
        200: {
          description: "The link went out",
          schema: z.object({ id: z.string(), resetLinkSent: z.literal(true), expiresAt: z.string() }).meta({ id: "AdminPasswordReset" }),
        },
      },
    },
  },
  async ({ actor, params }) => forcePasswordReset(actor, { id: params.id }),
);
