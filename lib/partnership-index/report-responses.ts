// Response shape of GET /api/v1/reports/{code}: the verification of a Laporan Kemitraan (reports.ts).
import { z } from "zod";
import "@/lib/api/openapi";
import type { ReportVerification } from "./reports";

const ReportContentSchema = z
  .object({
    format: z.literal(1),
    code: z.string(),
    issuedAt: z.string(),
    year: z.number().int(),
    asOf: z.string(),
    buyer: z.object({
      id: z.string(),
      name: z.string(),
      legalName: z.string().nullable(),
      npwp: z.string().nullable(),
      address: z.string().nullable(),
      stateOwned: z.boolean(),
      regency: z.string().nullable(),
      province: z.string().nullable(),
    }),
    index: z.object({
      enoughData: z.boolean(),
      score: z.number().nullable(),
      grade: z.string().nullable(),
      components: z.record(z.string(), z.unknown()).openapi({ description: "The index components as issued (money as strings)" }),
    }),
    partnerships: z.array(
      z.object({
        number: z.string(),
        title: z.string(),
        partner: z.string(),
        sizeClass: z.string().nullable(),
        scheme: z.string(),
        status: z.string(),
        valueIdr: z.string().openapi({ description: "Integer Rupiah as a decimal string" }),
        startDate: z.string(),
        endDate: z.string(),
      }),
    ),
    issuedBy: z.string().nullable(),
  })
  .openapi("PartnershipReportContent");

export const ReportVerificationResponseSchema = z
  .object({
    code: z.string(),
    genuine: z.literal(true).openapi({ description: "A report with this code was issued by Rantai" }),
    unchanged: z
      .boolean()
      .openapi({ description: "The stored content still matches the fingerprint recorded at issue; when false, `report` is null" }),
    issuedAt: z.string(),
    year: z.number().int(),
    buyer: z.object({ name: z.string() }),
    fingerprint: z.string().nullable().openapi({ description: "The fingerprint printed on the report (null when not unchanged)" }),
    fingerprintMatches: z
      .boolean()
      .nullable()
      .openapi({ description: "Whether the `fingerprint` query matches the report's; null when none was given" }),
    report: ReportContentSchema.nullable(),
  })
  .openapi("PartnershipReportVerification");

export function reportVerificationJson(v: ReportVerification): z.input<typeof ReportVerificationResponseSchema> {
  if (v.status === "altered") {
    return {
      code: v.code,
      genuine: true,
      unchanged: false,
      issuedAt: v.createdAt.toISOString(),
      year: v.year,
      buyer: { name: v.buyerName },
      fingerprint: null,
      fingerprintMatches: null,
      report: null,
    };
  }
  const r = v.report;
  return {
    code: r.code,
    genuine: true,
    unchanged: true,
    issuedAt: r.createdAt.toISOString(),
    year: r.year,
    buyer: { name: r.snapshot.buyer.name },
    fingerprint: r.fingerprint,
    fingerprintMatches: v.fingerprintMatches,
    report: r.snapshot as z.input<typeof ReportContentSchema>,
  };
}
