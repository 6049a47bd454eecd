// Input schemas for accounts: one definition serves the sign-up form, the server action and the HTTP API.
// Messages are i18n keys (resolved by the UI and the API error formatter).
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";

export const SIGNUP_ORG_TYPES = ["umkm", "buyer", "cooperative", "cluster_manager", "regional_government"] as const;
export type SignupOrgType = (typeof SIGNUP_ORG_TYPES)[number];

const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const emailSchema = z
  .string({ error: "errors.field.required" })
  .trim()
  .toLowerCase()
  .min(1, "errors.field.required")
  .max(254, "errors.field.tooLong")
  .pipe(z.email({ error: "errors.field.email" }));

export const passwordSchema = z
  .string({ error: "errors.field.required" })
  .min(10, emptyIsRequired("errors.field.passwordTooShort"))
  .max(200, "errors.field.tooLong");

export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z
    .string({ error: "errors.field.required" })
    .trim()
    .min(2, emptyIsRequired("errors.field.tooShort"))
    .max(120, "errors.field.tooLong"),
  organization: z
    .object(
      {
        name: z
          .string({ error: "errors.field.required" })
          .trim()
          .min(2, emptyIsRequired("errors.field.tooShort"))
          .max(160, "errors.field.tooLong"),
        type: z.enum(SIGNUP_ORG_TYPES, { error: "errors.field.organizationType" }),
        /** A regional government's scope (issue 12): a province ("32") or one regency ("32.04"), exactly one. */
        regionProvinceCode: z.preprocess(
          blank,
          z
            .string()
            .trim()
            .regex(/^\d{2}$/, "errors.field.region")
            .optional(),
        ),
        regionRegencyCode: z.preprocess(
          blank,
          z
            .string()
            .trim()
            .regex(/^\d{2}\.\d{2}$/, "errors.field.region")
            .optional(),
        ),
      },
      { error: "errors.field.required" },
    )
    .superRefine((org, ctx) => {
      const scopes = [org.regionProvinceCode, org.regionRegencyCode].filter((c) => c !== undefined).length;
      if (org.type === "regional_government" && scopes !== 1) {
        ctx.addIssue({ code: "custom", path: ["regionProvinceCode"], message: "errors.field.regionScope" });
      } else if (org.type !== "regional_government" && scopes > 0) {
        ctx.addIssue({ code: "custom", path: ["regionProvinceCode"], message: "errors.field.regionScopeNotAllowed" });
      }
    }),
});

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "errors.field.required" }).min(1, "errors.field.required").max(200, "errors.field.tooLong"),
});

/** "Forgot password": the address to send a reset link to (the answer is the same whether or not it has an account). */
export const passwordResetRequestSchema = z.object({ email: emailSchema });

/** A reset link's secret (base64url, lib/auth/password-reset.ts) and the new password (sign-up's rules). */
export const passwordResetConfirmSchema = z.object({
  token: z
    .string({ error: "auth.passwordReset.errors.tokenInvalid" })
    .trim()
    .min(1, "auth.passwordReset.errors.tokenInvalid")
    .max(200, "auth.passwordReset.errors.tokenInvalid")
    .regex(/^[A-Za-z0-9_-]+$/, "auth.passwordReset.errors.tokenInvalid"),
  password: passwordSchema,
});

/** A signed-in user's new password: the current one is required. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: "errors.field.required" }).min(1, "errors.field.required").max(200, "errors.field.tooLong"),
  newPassword: passwordSchema,
});

/** What a token may do: "read" answers only GET/HEAD/OPTIONS (403 on any write); "read write" everything its user may. */
export const TOKEN_SCOPES = ["read", "read write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** Every token expires (issue 11): at most this many days after it is made. */
export const MAX_TOKEN_DAYS = 365;
const DEFAULT_TOKEN_DAYS = 90;

export const createTokenSchema = z.object({
  name: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(80, "errors.field.tooLong"),
  // An expiry is always set: 90 days unless the user picks another (1 to 365).
  expiresInDays: z.coerce
    .number({ error: "errors.field.wholeNumber" })
    .int("errors.field.wholeNumber")
    .min(1, "errors.field.tokenExpiry")
    .max(MAX_TOKEN_DAYS, "errors.field.tokenExpiry")
    .default(DEFAULT_TOKEN_DAYS),
  // The dashboard always sends one (and preselects "read"); a caller in lib/ that names none gets the
  // user's full rights, as every token had before scopes existed.
  scope: z.enum(TOKEN_SCOPES, { error: "tokens.errors.scope" }).default("read write"),
});

/** Turns a zod error into `{ field.path: [messageKey, ...] }`. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
