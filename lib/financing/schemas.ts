// Financing bridge input (forms, server actions and /api/v1/financing). Client-safe.
import { z } from "zod";
import "@/lib/api/openapi";
import { positiveRupiah } from "@/lib/agreements/schemas";
import { FINANCING_STATUSES, FINANCING_TYPES } from "@/lib/enums";
import { emptyIsRequired } from "@/lib/validation";

const blank = (v: unknown) => (v === "" || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const financingRequestSchema = z
  .object({
    bankId: z.string({ error: "financing.errors.bankRequired" }).trim().min(1, "financing.errors.bankRequired").max(64),
    type: z.enum(FINANCING_TYPES, { error: "financing.errors.type" }),
    amountIdr: positiveRupiah,
  })
  .openapi("FinancingRequestInput");
export type FinancingRequestInput = z.output<typeof financingRequestSchema>;

export const financingDecisionSchema = z
  .object({
    decision: z.enum(["approved", "declined"], { error: "financing.errors.decision" }),
    note: z.preprocess(blank, z.string().trim().max(2000, "errors.field.tooLong").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "declined" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "financing.errors.reasonRequired" });
  })
  .openapi("FinancingDecision");
export type FinancingDecisionInput = z.output<typeof financingDecisionSchema>;

export const financingListQuery = z.object({
  status: z.preprocess(blank, z.enum(FINANCING_STATUSES, { error: "errors.field.invalidChoice" }).optional()),
});

export const financingIdSchema = z.string().trim().min(1).max(64);

// Issue 13: supply-chain financing programmes (lib/financing/programmes.ts).
const programmeFields = {
  bankId: z.string({ error: "financing.errors.bankRequired" }).trim().min(1, "financing.errors.bankRequired").max(64),
  name: z
    .string({ error: "errors.field.required" })
    .trim()
    .min(3, emptyIsRequired("errors.field.tooShort"))
    .max(200, "errors.field.tooLong"),
  maxPerUmkmIdr: positiveRupiah,
  tenorDays: z.coerce
    .number({ error: "errors.field.wholeNumber" })
    .int("errors.field.wholeNumber")
    .min(1, "errors.field.positive")
    .max(1825, "errors.field.tooLong"),
};

export const financingProgrammeSchema = z
  .object({
    ...programmeFields,
    requireAcceptedDeliveries: z
      .boolean({ error: "errors.field.invalidChoice" })
      .default(true)
      .openapi({ description: "Only agreements with at least one delivery the buyer accepted qualify (default true)" }),
  })
  .openapi("FinancingProgrammeInput");
export type FinancingProgrammeInput = z.output<typeof financingProgrammeSchema>;

/** The /pembiayaan/program form: the same fields; an unticked checkbox is absent, so absent means false here. */
export const financingProgrammeFormSchema = z.object({
  ...programmeFields,
  requireAcceptedDeliveries: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export const programmeDecisionSchema = z
  .object({ note: z.preprocess(blank, z.string().trim().max(2000, "errors.field.tooLong").optional()) })
  .openapi("FinancingProgrammeDecision");

export const referralInputSchema = z
  .object({ supplierId: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(64) })
  .openapi("FinancingReferralInput");

export const programmeRequestSchema = z
  .object({
    agreementId: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(64),
    type: z.enum(FINANCING_TYPES, { error: "financing.errors.type" }),
    amountIdr: positiveRupiah,
  })
  .openapi("FinancingProgrammeRequestInput");
export type ProgrammeRequestInput = z.output<typeof programmeRequestSchema>;

// The programme pages' forms (lib/financing/programme-actions.ts).
export const programmeDecisionFormSchema = z
  .object({
    id: financingIdSchema,
    decision: z.enum(["accept", "decline"], { error: "financing.errors.decision" }),
    note: z.preprocess(blank, z.string().trim().max(2000, "errors.field.tooLong").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "decline" && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "financingProgrammes.errors.reasonRequired" });
  });

export const referralFormSchema = z.object({ programmeId: financingIdSchema, ...referralInputSchema.shape });

export const referralDecisionFormSchema = z.object({
  id: financingIdSchema,
  decision: z.enum(["accept", "decline"], { error: "financing.errors.decision" }),
});

export const programmeRequestFormSchema = z.object({ programmeId: financingIdSchema, ...programmeRequestSchema.shape });
