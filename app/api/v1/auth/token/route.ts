// POST /api/v1/auth/token: email + password → a bearer token (scope "read write", expires after API_SIGNIN_TOKEN_DAYS).
// Failed attempts are limited per account and per client address (lib/auth/rate-limit.ts) → 429.
import { clientAddress } from "@/lib/api/request";
import { apiRoute } from "@/lib/api/route";
import { TokenResponseSchema } from "@/lib/auth/responses";
import { verifyCredentials } from "@/lib/auth/accounts";
import { credentialsSchema } from "@/lib/auth/schemas";
import { API_SIGNIN_TOKEN_DAYS, issueApiToken } from "@/lib/auth/tokens";

export const POST = apiRoute(
  {
    auth: "none",
    body: credentialsSchema,
    openapi: {
      method: "post",
      path: "/api/v1/auth/token",
      summary: "Sign in: get a bearer token",
      description:
        `The token has the scope \`read write\` and expires after ${API_SIGNIN_TOKEN_DAYS} days; revoke it with DELETE /api/v1/tokens/{id}. A wrong email and a wrong ` +
        "password answer the same 401. After repeated failures for an account (or from one address) the endpoint answers 429 " +
        "with Retry-After. Not idempotent: the response holds a secret that is never stored, so a retry issues a new token.",
      tags: ["Auth"],
      responses: { 200: { description: "A new token", schema: TokenResponseSchema } },
      errors: [401, 429],
    },
  },
  async ({ req, body }) => {
    const user = await verifyCredentials(body, { address: clientAddress(req.headers) });
    const issued = await issueApiToken(user.id, {
      name: "API sign-in",
      source: "api",
      scope: "read write",
      expiresInDays: API_SIGNIN_TOKEN_DAYS,
    });
    return { token: issued.token, expiresAt: issued.expiresAt, scope: issued.scope };
  },
);
