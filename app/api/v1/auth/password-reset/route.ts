// POST /api/v1/auth/password-reset {email}: "forgot password" — the same 202 for every address; when it has an
// account, a reset link is e-mailed (lib/auth/password-reset.ts). Limited per address asked for and per client.
import { apiRoute, reply } from "@/lib/api/route";
import { PasswordResetRequestedSchema } from "@/lib/auth/responses";
import { clientAddress } from "@/lib/auth/client-address";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { passwordResetRequestSchema } from "@/lib/auth/schemas";

export const POST = apiRoute(
  {
    auth: "none",
    body: passwordResetRequestSchema,
    openapi: {
      method: "post",
      path: "/api/v1/auth/password-reset",
      summary: "Forgot password: e-mail a reset link",
      description:
        "Answers 202 `{requested: true}` for every well-formed address, whether or not it has an account; an account's " +
        "owner gets an e-mail with a link that works once, for one hour. Asking again voids the earlier link. Limited per " +
        "e-mail address and per client address (429 with Retry-After). Set the password with POST /api/v1/auth/password-reset/confirm.",
      tags: ["Auth"],
      responses: { 202: { description: "Requested (the same answer for every address)", schema: PasswordResetRequestedSchema } },
      errors: [429],
    },
  },
  async ({ req, body }) => reply(await requestPasswordReset(body, { address: clientAddress(req.headers) }), { status: 202 }),
);
