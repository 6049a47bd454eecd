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
        "UMKM, buyers, cooperatives, cluster managers and regional governments sign up here; the organization starts unverified " +
        "until a platform admin verifies it. A `regional_government` names exactly one scope: `organization.regionProvinceCode` " +
        '("33") or `organization.regionRegencyCode` ("33.26"), a code of the reference regions; other types name none. ' +
        "Then get a token from /api/v1/auth/token.",
      tags: ["Auth"],
      responses: { 201: { description: "The new user and organization", schema: RegisterResponseSchema } },
    },
  },
  async ({ body, locale, req }) => created(await registerAccount(body, { locale, address: clientAddress(req.headers) })),
);
