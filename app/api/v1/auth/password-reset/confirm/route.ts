// POST /api/v1/auth/password-reset/confirm {token, password}: set a new password with the secret from a reset
// link (the part after `#token=`). Single use; every session and API token of the user ends.
import { apiRoute } from "@/lib/api/route";
import { PasswordResetDoneSchema } from "@/lib/auth/responses";
import { clientAddress } from "@/lib/auth/client-address";
import { resetPassword } from "@/lib/auth/password-reset";
import { passwordResetConfirmSchema } from "@/lib/auth/schemas";

export const POST = apiRoute(
  {
    auth: "none",
    body: passwordResetConfirmSchema,
    openapi: {
      method: "post",
      path: "/api/v1/auth/password-reset/confirm",
      summary: "Set a new password with a reset link's token",
      description:
        "The token is the value after `#token=` in the e-mailed link. A link works once and for one hour: an unknown, used " +
        "(or replaced) or expired token answers 400 with `fields.token` saying which. On success every browser session " +
        "and every API token of the user ends; get a new token with POST /api/v1/auth/token.",
      tags: ["Auth"],
      responses: { 200: { description: "The password was replaced", schema: PasswordResetDoneSchema } },
      errors: [429],
    },
  },
  async ({ req, body }) => {
    await resetPassword(body, { address: clientAddress(req.headers) });
    return { reset: true as const };
  },
);
