// Inputs of the Indeks Kemitraan pages and API: the year, the ranking's filters, the publish toggle.
import { z } from "zod";
import "@/lib/api/openapi";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const MIN_YEAR = 2020;
const maxYear = () => new Date().getUTCFullYear() + 1;

export const yearSchema = z.coerce
  .number({ error: "partnershipIndex.errors.year" })
  .int("partnershipIndex.errors.year")
  .min(MIN_YEAR, "partnershipIndex.errors.year")
  .refine((y) => y <= maxYear(), "partnershipIndex.errors.year");

export const buyerIndexQuerySchema = z.object({
  year: z.preprocess(blank, yearSchema.optional()).openapi({ description: "Calendar year (default: this year)", example: 2026 }),
});

export const rankingQuerySchema = z.object({
  year: z.preprocess(blank, yearSchema.optional()).openapi({ description: "Calendar year (default: this year)", example: 2026 }),
  stateOwned: z
    .preprocess(blank, z.enum(["true", "false"], { error: "errors.field.invalidChoice" }).optional())
    .openapi({ description: "true: BUMN only; false: private firms only" }),
  kbliSection: z
    .preprocess(
      blank,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-V]$/, "errors.field.kbli")
        .optional(),
    )
    .openapi({ description: "KBLI 2020 section letter of the firm's industry" }),
  province: z
    .preprocess(
      blank,
      z
        .string()
        .trim()
        .regex(/^\d{2}$/, "errors.field.region")
        .optional(),
    )
    .openapi({ description: "Kemendagri province code of the firm's regency" }),
  format: z
    .preprocess(blank, z.enum(["json", "csv"], { error: "errors.field.invalidChoice" }).optional())
    .openapi({ description: "csv: the ranking as text/csv (also chosen by `Accept: text/csv`)" }),
});
export type RankingQuery = z.output<typeof rankingQuerySchema>;

export const buyerIdSchema = z.string().trim().min(1).max(64);

export const publishSchema = z.object({ publish: z.enum(["true", "false"], { error: "errors.field.invalidChoice" }) });

// Laporan Kemitraan (reports.ts): the year of a report to issue, a verification code and a typed fingerprint.
export const issueReportSchema = z.object({ year: yearSchema });

export const reportCodeParamSchema = z.string().trim().min(1).max(40).openapi({ example: "LK-2026-7KQ3-M9XD-2B8F" });

export const reportVerifyQuerySchema = z.object({
  fingerprint: z
    .preprocess(blank, z.string().trim().max(60, "errors.field.tooLong").optional())
    .openapi({ description: "The fingerprint printed on the report (e.g. 3F2A-9C1B-…): the answer says whether it matches" }),
});
