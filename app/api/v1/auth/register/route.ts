// POST /api/v1/auth/register: a user and the organization they own (the same sign-up as the UI's).
import { apiRoute, created } from "@/lib/api/route";
import { RegisterResponseSchema } from "@/lib/auth/responses";
import { registerAccount } from "@/lib/auth/accounts";
import { registerSchema } from "@/lib/auth/schemas";
import { clientAddress } from "@/lib/auth/client-address";

export const POST = apiRoute(
  {
    auth: "none",
    body: registerSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/auth/register",
      summary: "Create an account and its organization",
      description:
        "UMKM, buyers and cooperatives sign up here; the organization starts unverified. Then get a token from /api/v1/auth/token.",
      tags: ["Auth"],
      responses: { 201: { description: "The new user and organization", schema: RegisterResponseSchema } },
    },
  },
  async ({ body, locale, req }) => created(await registerAccount(body, { locale, address: clientAddress(req.headers) })),
);
