// Input schemas of an organization's own profile (buyers, cooperatives, banks, ministry offices; UMKM keep
// theirs in lib/suppliers): ONE definition serves the /organisasi/profil form's server action (strings from
// FormData) and PATCH /api/v1/organizations/{id} (JSON). Messages are i18n keys. The NPWP rules are the UMKM's
// (lib/suppliers/identifiers.ts through lib/suppliers/schemas.ts npwpSchema). What needs the database (the
// regency and KBLI codes exist) is checked in lib/organizations/profile.ts before anything is written.
//
// Field semantics: a key that is absent means "leave as is"; null, or an empty string from a form, means
// "clear it" (except `name`, which cannot be cleared, and `isStateOwned`, which is true or false).
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";
import { LEGAL_FORMS } from "@/lib/enums";
import "@/lib/api/openapi";
import { npwpSchema } from "@/lib/suppliers/schemas";

/** Identity fields: on a verified organization a change waits for a platform admin (ADR 0020). */
export const IDENTITY_FIELDS = ["name", "legalName", "legalForm", "npwp", "isStateOwned"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** "" / null → null (clear); otherwise the inner schema. */
function clearable<S extends z.ZodType>(inner: S) {
  return z
    .unknown()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || (typeof v === "string" && v.trim() === "") ? null : v))
    .pipe(inner.nullable().optional());
}

const text = (max: number) => z.string({ error: "errors.field.invalid" }).trim().max(max, "errors.field.tooLong");

const websiteSchema = text(200)
  .transform((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
  .pipe(z.url({ protocol: /^https?$/, error: "errors.field.url" }));

export const organizationProfileSchema = z
  .object({
    name: z
      .string({ error: "errors.field.required" })
      .trim()
      .min(2, emptyIsRequired("errors.field.tooShort"))
      .max(160, "errors.field.tooLong")
      .optional(),
    legalName: clearable(text(200)),
    legalForm: clearable(z.enum(LEGAL_FORMS, { error: "errors.field.invalidChoice" })),
    npwp: clearable(npwpSchema),
    isStateOwned: z
      .preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "errors.field.invalidChoice" }))
      .optional()
      .openapi({ type: "boolean", description: "Buyers only: a state-owned enterprise (BUMN/BUMD). Confirmed by a platform admin." }),
    address: clearable(text(500)),
    regencyCode: clearable(
      z
        .string()
        .trim()
        .regex(/^\d{2}\.\d{2}$/, "errors.field.region"),
    ).openapi({
      type: ["string", "null"],
      description: 'Kemendagri regency/city code "PP.RR".',
      example: "31.74",
    }),
    industry: clearable(text(160)),
    industryKbli: clearable(
      z
        .string()
        .trim()
        .regex(/^([A-U]|\d{2})$/, "errors.field.kbli"),
    ).openapi({
      type: ["string", "null"],
      description: "KBLI 2020 section letter (A–U) or 2-digit division.",
      example: "35",
    }),
    siteId: clearable(
      z
        .string()
        .trim()
        .max(64, "sites.errors.siteUnknown")
        .regex(/^[A-Za-z0-9_-]+$/, "sites.errors.siteUnknown"),
    ).openapi({
      type: ["string", "null"],
      description: "Buyers only: the industrial estate the organization is on (GET /api/v1/sites); null clears it.",
    }),
    website: clearable(websiteSchema).openapi({ type: ["string", "null"], example: "https://energinusantara.co.id" }),
    email: clearable(z.email({ error: "errors.field.email" }).trim().max(200, "errors.field.tooLong")).openapi({
      type: ["string", "null"],
    }),
    phone: clearable(
      z
        .string()
        .trim()
        .regex(/^\+?[0-9 ().-]{6,24}$/, "errors.field.phone"),
    ).openapi({ type: ["string", "null"], example: "+62 21 5550 1234" }),
  })
  .openapi("OrganizationProfileInput");
export type OrganizationProfileInput = z.output<typeof organizationProfileSchema>;

/** The form posts which organization it edits (another organization's id → 404, as in the API). */
export const organizationProfileFormSchema = organizationProfileSchema.extend({
  organizationId: z.string().min(1, "errors.field.required").max(100),
});

export const profileReviewDecisionSchema = z
  .object({
    decision: z.enum(["approved", "returned"], { error: "errors.field.invalidChoice" }),
    note: z.string().trim().max(1000, "errors.field.tooLong").optional().default(""),
    identityChangeAt: z.iso
      .datetime({ offset: true, error: "errors.field.invalid" })
      .openapi({ description: "The proposal's time the admin saw (`change.at` in the queue): a newer proposal → 409" }),
  })
  .refine((v) => v.decision === "approved" || v.note.length > 0, { path: ["note"], message: "errors.field.noteRequired" })
  .openapi("OrganizationProfileReviewDecision");
export type ProfileReviewDecision = z.output<typeof profileReviewDecisionSchema>;

export const profileReviewFormSchema = z
  .object({
    organizationId: z.string().min(1, "errors.field.required").max(100),
    decision: z.enum(["approved", "returned"], { error: "errors.field.invalidChoice" }),
    note: z.string().trim().max(1000, "errors.field.tooLong").optional().default(""),
    identityChangeAt: z.iso.datetime({ offset: true, error: "errors.field.invalid" }),
  })
  .refine((v) => v.decision === "approved" || v.note.length > 0, { path: ["note"], message: "errors.field.noteRequired" });
