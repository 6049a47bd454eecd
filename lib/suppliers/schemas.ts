// Input schemas of the supplier (UMKM) profile and its certificates: ONE definition serves the onboarding
// form's server actions (strings from FormData) and PATCH /api/v1/suppliers/{id} (JSON). Messages are i18n
// keys ("suppliers.errors.*", "errors.field.*"), translated by the UI and the API error formatter.
//
// What is checked here (pure, no database): formats, ranges, integer Rupiah, dates and their order, the TKDN
// percentage. What needs the database (the regency and KBLI codes exist, the NIB is not someone else's) is
// checked in lib/suppliers/profile-update.ts before anything is written.
//
// Field semantics: a key that is absent means "leave as is"; null, or an empty string from a form, means
// "clear it" (except `name`, which cannot be cleared).
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";
import { CERTIFICATION_TYPES, LEGAL_FORMS } from "@/lib/enums";
import { paginationQuery } from "@/lib/api/pagination";
import "@/lib/api/openapi"; // .openapi() on zod schemas (the API documents these)
import { parseNib, parseNpwp } from "./identifiers";
import { parseRupiahInput } from "./rupiah";

export { parseRupiahInput } from "./rupiah";

// ---------------------------------------------------------------------------------------------
// Rupiah: integer, never negative, never fractional
// ---------------------------------------------------------------------------------------------

const rupiahSchema = z
  .union([z.number(), z.string(), z.null()], { error: "suppliers.errors.rupiahFormat" })
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const r = parseRupiahInput(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.error });
      return z.NEVER;
    }
    return r.value;
  })
  .openapi({ type: ["integer", "null"], description: "Integer Rupiah ≥ 0 (a string of digits is accepted too).", example: 1500000000 });

// ---------------------------------------------------------------------------------------------
// Small building blocks
// ---------------------------------------------------------------------------------------------

/** Free text; "" and null clear it. */
function optionalText(max: number) {
  return z
    .union([z.string(), z.null()], { error: "errors.field.invalid" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || v.trim() === "" ? null : v.trim()))
    .pipe(z.string().max(max, "errors.field.tooLong").nullable().optional());
}

/** A whole number in [min, max] from a JSON number or a form string; "" and null clear it. */
function wholeNumber(min: number, max: number, rangeMessage: string) {
  return z
    .union([z.number(), z.string(), z.null()], { error: "errors.field.integer" })
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      if (v === null || (typeof v === "string" && v.trim() === "")) return null;
      const s =
        typeof v === "string" ? v.trim().replace(/^(\d{1,3})((\.\d{3})+)$/, (_, a: string, b: string) => a + b.replace(/\./g, "")) : v;
      const n = typeof s === "number" ? s : /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
      if (!Number.isInteger(n)) {
        ctx.addIssue({ code: "custom", message: "errors.field.integer" });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: rangeMessage });
        return z.NEVER;
      }
      return n;
    })
    .openapi({ type: ["integer", "null"] });
}

const nibSchema = z
  .string({ error: "suppliers.errors.nibFormat" })
  .transform((v, ctx) => {
    const r = parseNib(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: "suppliers.errors.nibFormat" });
      return z.NEVER;
    }
    return r.value;
  })
  .openapi({ type: "string", description: "NIB: 13 digits.", example: "9120001234567" });

const NPWP_MESSAGES = {
  format: "suppliers.errors.npwpFormat",
  checksum: "suppliers.errors.npwpChecksum",
  province: "suppliers.errors.npwpProvince",
} as const;

export const npwpSchema = z
  .string({ error: "suppliers.errors.npwpFormat" })
  .transform((v, ctx) => {
    const r = parseNpwp(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: NPWP_MESSAGES[r.reason] });
      return z.NEVER;
    }
    return r.value;
  })
  .openapi({
    type: "string",
    description: "15-digit old form (XX.XXX.XXX.X-XXX.XXX, Luhn check digit) or 16 digits; stored and returned as 16 digits.",
    example: "01.855.081.4-412.000",
  });

/** "" / null → null (clear); otherwise the inner schema. */
function clearable<S extends z.ZodType>(inner: S) {
  return z
    .unknown()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || (typeof v === "string" && v.trim() === "") ? null : v))
    .pipe(inner.nullable().optional());
}

const REGENCY_CODE = /^\d{2}\.\d{2}$/;
const KBLI5_CODE = /^\d{5}$/;
const MAX_KBLI_PER_SUPPLIER = 20;

const kbliListSchema = z
  .preprocess(
    (v) => {
      if (v === undefined || v === null) return v;
      // Forms send one value per chosen code, or (without JavaScript) a comma-separated list.
      const list = Array.isArray(v) ? v : [v];
      return list.flatMap((x) => (typeof x === "string" ? x.split(/[\s,;]+/) : [x])).filter((x) => x !== "");
    },
    z
      .array(z.string({ error: "suppliers.errors.kbliFormat" }).regex(KBLI5_CODE, "suppliers.errors.kbliFormat"), {
        error: "suppliers.errors.kbliFormat",
      })
      .max(MAX_KBLI_PER_SUPPLIER, "suppliers.errors.kbliTooMany")
      .transform((codes) => [...new Set(codes)]),
  )
  .optional()
  .openapi({
    type: "array",
    items: { type: "string" },
    description: "KBLI 2020 five-digit codes; the first is the primary one.",
    example: ["13134", "14111"],
  });

// ---------------------------------------------------------------------------------------------
// Dates and certificates
// ---------------------------------------------------------------------------------------------

/** "YYYY-MM-DD" (a real calendar day) → Date at 00:00 UTC. */
const calendarDateSchema = z
  .string({ error: "errors.field.date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.field.date")
  .transform((v, ctx) => {
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2200) {
      ctx.addIssue({ code: "custom", message: "errors.field.date" });
      return z.NEVER;
    }
    return d;
  })
  .openapi({ type: "string", format: "date", example: "2027-03-31" });

/** TKDN percentage 0–100 with at most two decimals; forms may use a decimal comma ("35,5"). */
const percentSchema = z
  .union([z.number(), z.string()], { error: "errors.field.percent" })
  .transform((v, ctx) => {
    const s = typeof v === "number" ? String(v) : v.trim().replace(/\s*%$/, "").replace(",", ".");
    const ok = /^\d{1,3}(\.\d{1,2})?$/.test(s) && Number(s) >= 0 && Number(s) <= 100;
    if (!ok) {
      ctx.addIssue({ code: "custom", message: "errors.field.percent" });
      return z.NEVER;
    }
    return Number(s);
  })
  .openapi({ type: "number", minimum: 0, maximum: 100, example: 42.5 });

export const certificationInputSchema = z
  .object({
    type: z.enum(CERTIFICATION_TYPES, { error: "suppliers.errors.certType" }),
    name: optionalText(120).openapi({ description: 'Required for type `other` (e.g. "BPOM MD").' }),
    number: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(100, "errors.field.tooLong"),
    issuer: optionalText(160),
    validFrom: clearable(calendarDateSchema),
    validUntil: clearable(calendarDateSchema).openapi({
      description: "Required, except for halal certificates (valid as long as the composition does not change, UU 6/2023).",
    }),
    percent: clearable(percentSchema).openapi({ description: "The TKDN percentage; required for `tkdn`, not allowed otherwise." }),
  })
  .superRefine((c, ctx) => {
    if (c.type === "other" && !c.name) ctx.addIssue({ code: "custom", path: ["name"], message: "suppliers.errors.certNameRequired" });
    if (c.type === "tkdn" && (c.percent === null || c.percent === undefined)) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "suppliers.errors.tkdnPercentRequired" });
    }
    if (c.type !== "tkdn" && c.percent !== null && c.percent !== undefined) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "suppliers.errors.percentOnlyTkdn" });
    }
    if (c.type !== "halal" && !c.validUntil)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "suppliers.errors.validUntilRequired" });
    if (c.validFrom && c.validUntil && c.validUntil < c.validFrom) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "suppliers.errors.validUntilBeforeFrom" });
    }
  })
  .openapi("CertificationInput");
export type CertificationInput = z.output<typeof certificationInputSchema>;

// ---------------------------------------------------------------------------------------------
// The profile
// ---------------------------------------------------------------------------------------------

export const supplierProfileSchema = z
  .object({
    name: z
      .string({ error: "errors.field.required" })
      .trim()
      .min(2, emptyIsRequired("errors.field.tooShort"))
      .max(160, "errors.field.tooLong")
      .optional(),
    description: optionalText(2000),
    nib: clearable(nibSchema),
    npwp: clearable(npwpSchema),
    legalForm: clearable(z.enum(LEGAL_FORMS, { error: "errors.field.invalidChoice" })),
    capitalIdr: rupiahSchema,
    annualSalesIdr: rupiahSchema,
    employees: wholeNumber(0, 1_000_000, "suppliers.errors.employeesRange"),
    foundedYear: wholeNumber(1900, new Date().getUTCFullYear(), "suppliers.errors.foundedYearRange"),
    regencyCode: clearable(z.string().trim().regex(REGENCY_CODE, "suppliers.errors.regencyUnknown")).openapi({
      type: ["string", "null"],
      description: 'Kemendagri regency/city code "PP.RR".',
      example: "33.75",
    }),
    kbli: kbliListSchema,
    address: optionalText(500),
    siteId: clearable(
      z
        .string({ error: "sites.errors.siteUnknown" })
        .trim()
        .max(64, "sites.errors.siteUnknown")
        .regex(/^[A-Za-z0-9_-]+$/, "sites.errors.siteUnknown"),
    ).openapi({
      type: ["string", "null"],
      description: "The industrial estate / UMKM centre the business is on (GET /api/v1/sites); null clears it.",
    }),
    certifications: z
      .array(certificationInputSchema, { error: "errors.field.invalid" })
      .max(30, "errors.field.tooLong")
      .optional()
      .openapi({ description: "Replaces the list. Certificates matched by type and number keep their uploaded documents." }),
  })
  .openapi("SupplierProfileInput");
export type SupplierProfileInput = z.output<typeof supplierProfileSchema>;

// ---------------------------------------------------------------------------------------------
// One certificate's review by a platform admin (lib/suppliers/certificate-review.ts)
// ---------------------------------------------------------------------------------------------

export const certificateReviewSchema = z
  .object({
    decision: z.enum(["approved", "returned"], { error: "errors.field.invalidChoice" }),
    reason: z.string({ error: "errors.field.invalid" }).trim().max(1000, "errors.field.tooLong").optional().default(""),
    updatedAt: z.iso
      .datetime({ offset: true, error: "errors.field.invalid" })
      .openapi({ description: "The certificate's `updatedAt` from the queue: an edit since then → 409" }),
  })
  .refine((v) => v.decision === "approved" || v.reason.length > 0, {
    path: ["reason"],
    message: "suppliers.certificateReview.errors.reasonRequired",
  })
  .openapi("CertificateReviewInput", { description: "`reason` is required when returning; the UMKM reads it." });
export type CertificateReviewInput = z.output<typeof certificateReviewSchema>;

export const certificateQueueQuerySchema = paginationQuery.extend({
  status: z.enum(["pending"], { error: "errors.field.invalidChoice" }).default("pending"),
});
export type CertificateQueueQuery = z.output<typeof certificateQueueQuerySchema>;
