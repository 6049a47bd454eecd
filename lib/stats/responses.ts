// Response shapes of GET /api/v1/stats/* (the OpenAPI document is generated from them; docs/api.md
// describes them). The query schemas are lib/stats/schemas.ts.
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas

const PartnershipRowSchema = z
  .object({
    key: z.string().openapi({ description: 'Province code, KBLI section letter, scheme, size class or YYYY-MM; "-" = not known' }),
    label: z.string(),
    suppressed: z.boolean().openapi({
      description:
        "true: fewer than 3 distinct UMKM are behind this row (or it is withheld so that another cannot be recomputed); the figures are null",
    }),
    agreements: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Agreements counted (active or completed), by their lead supplier; null when suppressed" }),
    valueIdr: z.number().int().nullable().openapi({ description: "Their total value, integer Rupiah; null when suppressed" }),
    suppliers: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Distinct UMKM (leads and consortium members) in them; null when suppressed" }),
  })
  .openapi("PartnershipStatsRow");

export const PartnershipsResponseSchema = z
  .object({
    data: z.array(PartnershipRowSchema),
    totals: z
      .object({
        suppressed: z.boolean(),
        agreements: z.number().int().nullable(),
        valueIdr: z.number().int().nullable(),
        suppliers: z.number().int().nullable(),
      })
      .openapi({ description: "Over the same filter; suppressed (null figures) like a row" }),
    period: z
      .object({ from: z.string().nullable(), to: z.string().nullable() })
      .openapi({ description: "The period the figures cover (YYYY-MM; null = open). Public callers: widened to whole calendar quarters" }),
    disclosure: z.enum(["exact", "protected"]).openapi({ description: "exact: ministry and platform staff; protected: everybody else" }),
  })
  .openapi("PartnershipStats");

export const StatsSummarySchema = z
  .object({
    suppliers: z.number().int().openapi({ description: "Verified UMKM" }),
    suppliersRegistered: z.number().int().openapi({ description: "UMKM registered (verified or not)" }),
    buyers: z.number().int().openapi({ description: "Verified buyers" }),
    openRfqs: z.number().int(),
    activeAgreements: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "null when suppressed (fewer than 3 lead UMKM behind the active agreements)" }),
    completedAgreements: z.number().int().nullable().openapi({ description: "null when suppressed" }),
    completedWithOpenMilestones: z
      .object({
        agreements: z.number().int().nullable(),
        valueIdr: z.number().int().nullable().openapi({ description: "Their total value, integer Rupiah" }),
        suppressed: z
          .boolean()
          .openapi({ description: "true: fewer than 3 suppliers stand behind the figure, so agreements and valueIdr are null" }),
      })
      .openapi({
        description:
          "Of the completed agreements, those completed with milestones still undelivered or unpaid (with a stated reason); " +
          "they are included in completedAgreements too",
      }),
    agreementValueIdr: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Total value of the active agreements, integer Rupiah; null when suppressed" }),
    umkmWithActiveAgreement: z.number().int().nullable().openapi({ description: "null when suppressed (1 or 2)" }),
    umkmWithActiveAgreementShare: z.number().nullable().openapi({
      description:
        "Verified UMKM that are a party to ≥ 1 active agreement ÷ verified UMKM (0..1); null when none is verified or when suppressed",
    }),
    suppressed: z.array(z.enum(["activeAgreements", "completedAgreements", "umkmWithActiveAgreement"])).openapi({
      description: "Figures withheld for this caller (fewer than 3 UMKM behind them); always empty for ministry and platform staff",
    }),
    asOf: z.string().openapi({ description: "When the figures were counted (ISO 8601)" }),
  })
  .openapi("StatsSummary");
