// Partnership agreement input: one set of zod schemas for the /kemitraan forms, their server actions and
// /api/v1/agreements (create, amend, accept, complete, terminate, deliveries, payments, ratings).
// Messages are i18n keys ("errors.field.*", "agreements.errors.*"). Client-safe: no server imports.
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import { AGREEMENT_FLAG_STATUSES, AGREEMENT_STATUSES, PARTNERSHIP_SCHEMES } from "@/lib/enums";
import { rupiahSchema } from "@/lib/products/schemas";

const blank = (v: unknown) => (v === "" || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const schemeSchema = z
  .enum(PARTNERSHIP_SCHEMES, { error: "agreements.errors.scheme" })
  .openapi({ description: "One of the ten partnership schemes of PP 7/2021 Pasal 106" });

/** A calendar date `YYYY-MM-DD` (a real date) → Date at UTC midnight. */
export const calendarDateSchema = z
  .string({ error: "errors.field.date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.field.date")
  .transform((s, ctx) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
      ctx.addIssue({ code: "custom", message: "errors.field.date" });
      return z.NEVER;
    }
    const year = d.getUTCFullYear();
    if (year < 2000 || year > 2100) {
      ctx.addIssue({ code: "custom", message: "errors.field.date" });
      return z.NEVER;
    }
    return d;
  })
  .openapi({ type: "string", format: "date", example: "2026-12-01" });

/** Agreement value: whole Rupiah, more than zero. */
export const positiveRupiah = rupiahSchema.refine((v) => v > 0n, { message: "errors.field.positive" });

const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    blank,
    z.coerce
      .number({ error: "errors.field.wholeNumber" })
      .int("errors.field.wholeNumber")
      .min(min, min > 0 ? "errors.field.positive" : "errors.field.wholeNumber")
      .max(max, "errors.field.tooLong")
      .nullable()
      .optional(),
  );

const text = (min: number, max: number) =>
  z.string({ error: "errors.field.required" }).trim().min(min, emptyIsRequired("errors.field.tooShort")).max(max, "errors.field.tooLong");

export const milestoneInputSchema = z
  .object({
    title: text(2, 200),
    quantity: wholeNumber(1, 1_000_000_000),
    unit: z.preprocess(blank, z.string().trim().max(30, "errors.field.tooLong").nullable().optional()),
    dueDate: calendarDateSchema,
    amountIdr: z.preprocess(blank, positiveRupiah.nullable().optional()),
    /** Payment due this many days after the delivery is accepted. */
    paymentTermDays: wholeNumber(0, 365),
  })
  .openapi("MilestoneInput");
export type MilestoneInput = z.output<typeof milestoneInputSchema>;

const milestones = z.array(milestoneInputSchema).max(50, "agreements.errors.tooManyMilestones");

/** What an agreement says (every version): checked together so the errors name the right field. */
const contentFields = {
  title: text(3, 200),
  scheme: schemeSchema,
  valueIdr: positiveRupiah,
  startDate: calendarDateSchema,
  endDate: calendarDateSchema,
  terms: z.preprocess((v) => (v == null ? "" : v), z.string().trim().max(20_000, "errors.field.tooLong")),
  milestones: z.preprocess((v) => (v == null ? [] : v), milestones),
};

type Content = { valueIdr?: bigint; startDate?: Date; endDate?: Date; milestones?: MilestoneInput[] };

/** End not before start; milestones due inside the term; milestone amounts not above the value. */
export function checkContent(v: Content, ctx: z.RefinementCtx) {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "agreements.errors.endBeforeStart" });
  }
  (v.milestones ?? []).forEach((m, i) => {
    if ((v.startDate && m.dueDate < v.startDate) || (v.endDate && m.dueDate > v.endDate)) {
      ctx.addIssue({ code: "custom", path: ["milestones", i, "dueDate"], message: "agreements.errors.milestoneOutsideTerm" });
    }
  });
  const sum = (v.milestones ?? []).reduce((s, m) => s + (m.amountIdr ?? 0n), 0n);
  if (v.valueIdr !== undefined && sum > v.valueIdr) {
    ctx.addIssue({ code: "custom", path: ["milestones"], message: "agreements.errors.milestonesAboveValue" });
  }
}

export const agreementCreateSchema = z
  .object({
    ...contentFields,
    terms: contentFields.terms.optional(),
    milestones: contentFields.milestones.optional(),
    buyerOrgId: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(64),
    supplierOrgId: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(64),
    /** A consortium led by `supplierOrgId`: its members become parties too (each accepts), with their shares. */
    consortiumId: z.preprocess(blank, z.string().trim().max(64).optional()),
    changeNote: z.preprocess(blank, z.string().trim().max(500, "errors.field.tooLong").optional()),
  })
  .superRefine(checkContent)
  .openapi("AgreementInput");
export type AgreementCreateInput = z.output<typeof agreementCreateSchema>;

export const versionSchema = z.coerce
  .number({ error: "agreements.errors.versionRequired" })
  .int("agreements.errors.versionRequired")
  .min(1, "agreements.errors.versionRequired")
  // an int4 column (issue 11: out-of-range numbers are a 400 on the field, never a database error)
  .max(2_147_483_647, "agreements.errors.versionRequired")
  .openapi({ type: "integer", description: "The version you read (optimistic concurrency): a stale one → 409 conflict" });

/**
 * PATCH (amend): the version the editor read, a note on what changed, and any subset of the content.
 * Milestones, when sent, replace the list.
 */
export const agreementAmendSchema = z
  .object({
    version: versionSchema,
    changeNote: z.preprocess(blank, z.string().trim().max(500, "errors.field.tooLong").optional()),
    title: contentFields.title.optional(),
    scheme: schemeSchema.optional(),
    valueIdr: positiveRupiah.optional(),
    startDate: calendarDateSchema.optional(),
    endDate: calendarDateSchema.optional(),
    terms: z.string().trim().max(20_000, "errors.field.tooLong").optional(),
    milestones: milestones.optional(),
  })
  .superRefine(checkContent)
  .openapi("AgreementAmendment");
export type AgreementAmendInput = z.output<typeof agreementAmendSchema>;

/**
 * The buyer's declaration (PP 7/2021; issue 13) that it does not own or control the UMKM partner: `true` in the
 * API, a ticked checkbox ("on") in the form. Anything else is "not declared".
 */
export const declareNoControlSchema = z
  .preprocess((v) => v === true || v === "on" || v === "true", z.boolean())
  .optional()
  .openapi({
    type: "boolean",
    description:
      "The buyer declares that it does not own or control the UMKM partner (PP 7/2021). Required (true) with the buyer's first acceptance.",
  });

/** accept / complete: the version the person read is optional in the API (the UI always sends it). */
export const acceptSchema = z
  .object({ version: versionSchema.optional(), declareNoControl: declareNoControlSchema })
  .openapi("AgreementAccept");
/**
 * complete (issue 11): each side confirms; with milestones still undelivered or unpaid a reason is required
 * (checked by the service, which knows what is open).
 */
export const completeSchema = z
  .object({
    version: versionSchema.optional(),
    reason: z.preprocess(
      blank,
      z.string().trim().min(5, "agreements.errors.completionReasonRequired").max(2000, "errors.field.tooLong").optional(),
    ),
  })
  .openapi("AgreementComplete");
export const withdrawCompletionSchema = z.object({ version: versionSchema.optional() }).openapi("AgreementCompletionWithdraw");
export const terminateSchema = z
  .object({
    version: versionSchema.optional(),
    reason: z
      .string({ error: "agreements.errors.reasonRequired" })
      .trim()
      .min(5, "agreements.errors.reasonRequired")
      .max(2000, "errors.field.tooLong"),
  })
  .openapi("AgreementTerminate");

export const deliveryInputSchema = z
  .object({
    milestoneId: z.preprocess(blank, z.string().trim().max(64).nullable().optional()),
    quantity: z.coerce
      .number({ error: "errors.field.wholeNumber" })
      .int("errors.field.wholeNumber")
      .min(1, "errors.field.positive")
      .max(1_000_000_000, "errors.field.tooLong"),
    deliveredOn: calendarDateSchema,
    /** The buyer records the outcome at once; a supplier's record waits for the buyer's review. */
    status: z.preprocess(blank, z.enum(["accepted", "rejected"], { error: "errors.field.invalidChoice" }).optional()),
    note: z.preprocess(blank, z.string().trim().max(1000, "errors.field.tooLong").optional()),
  })
  .openapi("DeliveryInput");
export type DeliveryInput = z.output<typeof deliveryInputSchema>;

export const deliveryReviewSchema = z
  .object({
    status: z.enum(["accepted", "rejected"], { error: "errors.field.invalidChoice" }),
    note: z.preprocess(blank, z.string().trim().max(1000, "errors.field.tooLong").optional()),
  })
  .openapi("DeliveryReview");

export const paymentInputSchema = z
  .object({
    milestoneId: z.preprocess(blank, z.string().trim().max(64).nullable().optional()),
    amountIdr: positiveRupiah,
    invoicedOn: z.preprocess(blank, calendarDateSchema.optional()),
    paidOn: calendarDateSchema,
    note: z.preprocess(blank, z.string().trim().max(1000, "errors.field.tooLong").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.invoicedOn && v.paidOn < v.invoicedOn)
      ctx.addIssue({ code: "custom", path: ["paidOn"], message: "agreements.errors.paidBeforeInvoice" });
  })
  .openapi("PaymentInput");
export type PaymentInput = z.output<typeof paymentInputSchema>;

/** The lead supplier's confirmation that a payment reached it (issue 13): the date it arrived. */
export const receiptInputSchema = z
  .object({
    receivedOn: calendarDateSchema.openapi({
      description: "The date the payment reached the supplier (YYYY-MM-DD)",
      example: "2026-11-20",
    }),
  })
  .openapi("PaymentReceiptInput");
export type ReceiptInput = z.output<typeof receiptInputSchema>;

export const ratingInputSchema = z
  .object({
    score: z.coerce
      .number({ error: "agreements.errors.score" })
      .int("agreements.errors.score")
      .min(1, "agreements.errors.score")
      .max(5, "agreements.errors.score"),
    comment: z.preprocess(blank, z.string().trim().max(2000, "errors.field.tooLong").optional()),
  })
  .openapi("RatingInput");
export type RatingInput = z.output<typeof ratingInputSchema>;

export const agreementListQuery = z.object({
  status: z.preprocess(blank, z.enum(AGREEMENT_STATUSES, { error: "errors.field.invalidChoice" }).optional()),
});

export const agreementIdSchema = z.string().trim().min(1).max(64);

// Issue 13: ministry review of agreements flagged as possible fake partnerships (lib/agreements/flags.ts).
export const agreementFlagListQuery = z.object({
  status: z.preprocess(blank, z.enum(AGREEMENT_FLAG_STATUSES, { error: "errors.field.invalidChoice" }).optional()),
});

export const agreementFlagDecisionSchema = z
  .object({
    decision: z.enum(["clear", "confirm"], { error: "agreements.flags.errors.decision" }),
    note: z
      .string({ error: "agreements.flags.errors.noteRequired" })
      .trim()
      .min(5, "agreements.flags.errors.noteRequired")
      .max(2000, "errors.field.tooLong"),
  })
  .openapi("AgreementFlagDecision");
