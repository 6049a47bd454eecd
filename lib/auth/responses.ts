// Response shapes of the account endpoints (auth, me, tokens; and /api/health): the OpenAPI document is generated from them
// and the integration tests check real responses against them. Request bodies are lib/auth/schemas.ts.
import { z } from "zod";
import { MemberRole, OrgType, VerificationStatus } from "@/lib/db/generated/enums";
import "@/lib/api/openapi"; // .openapi() on zod schemas

const timestamp = z.iso.datetime({ offset: true }).openapi({ example: "2026-11-22T08:00:00.000Z" });

const scopeSchema = z.enum(["read", "read write"]).openapi({
  description: "`read`: GET requests only, every write answers 403. `read write`: everything the user may do.",
  example: "read write",
});

const UserSchema = z.object({ id: z.string(), email: z.email(), name: z.string() }).openapi("User");

const RegisteredOrganizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(["umkm", "buyer", "cooperative", "cluster_manager", "regional_government"]),
    verificationStatus: z.enum(VerificationStatus),
    regionProvinceCode: z.string().nullable().openapi({ description: "A regional government's province scope (else null)", example: null }),
    regionRegencyCode: z
      .string()
      .nullable()
      .openapi({ description: "A regional government's regency scope (else null)", example: "33.26" }),
  })
  .openapi("RegisteredOrganization");

export const RegisterResponseSchema = z
  .object({ user: UserSchema, organization: RegisteredOrganizationSchema })
  .openapi("RegisterResponse");

export const TokenResponseSchema = z
  .object({
    token: z.string().openapi({ description: "The bearer token. Shown once; only a hash is stored.", example: "rnt_…" }),
    expiresAt: timestamp.openapi({ description: "Every token expires; a sign-in token 30 days after it was issued." }),
    scope: scopeSchema,
  })
  .openapi("TokenResponse");

export const PasswordResetRequestedSchema = z
  .object({
    requested: z.literal(true).openapi({ description: "Always true, whether or not the address has an account." }),
  })
  .openapi("PasswordResetRequested");

export const PasswordResetDoneSchema = z.object({ reset: z.literal(true) }).openapi("PasswordResetDone");

const MembershipSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(OrgType),
    role: z.enum(MemberRole),
    verificationStatus: z.enum(VerificationStatus),
  })
  .openapi("Membership");

export const MeResponseSchema = z.object({ user: UserSchema, organizations: z.array(MembershipSchema) }).openapi("Me");

const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The token's first characters, to tell tokens apart." }),
    source: z.enum(["ui", "api"]).openapi({ description: "ui: created by name in the dashboard; api: POST /api/v1/auth/token" }),
    scope: scopeSchema,
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    expiresAt: timestamp.openapi({ description: "Every token expires, at most 365 days after it was made." }),
  })
  .openapi("ApiToken");

export const ApiTokenPageSchema = z.object({ data: z.array(ApiTokenSchema), nextCursor: z.string().nullable() }).openapi("ApiTokenPage");

export const HealthSchema = z.object({ status: z.enum(["ok", "error"]), database: z.enum(["ok", "unreachable"]) }).openapi("Health");
