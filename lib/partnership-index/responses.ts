// Response shapes of the Indeks Kemitraan API (the OpenAPI document is generated from them; docs/api.md).
import { z } from "zod";
import "@/lib/api/openapi";
import { GRADE_KEYS } from "./weights";

const share = (d: string) => z.number().min(0).max(1).nullable().openapi({ description: d });

const ComponentsSchema = z
  .object({
    partners: z.number().int().openapi({ description: "Distinct verified UMKM and cooperative partners (consortium members included)" }),
    agreements: z.object({
      active: z.number().int(),
      completed: z.number().int(),
      terminated: z.number().int(),
      total: z.number().int(),
    }),
    valueIdr: z.number().int().openapi({ description: "Value of those agreements, integer Rupiah" }),
    microSmallShare: share("Share of the value whose lead supplier is a micro or small firm"),
    daysToPayMedian: z.number().int().nullable().openapi({ description: "Median days from the term's start to the confirmed receipt" }),
    daysToPayP90: z.number().int().nullable(),
    latePaymentShare: share("Payments later than the agreed term (milestones unpaid past their term count as late)"),
    deliveryReviewOnTimeShare: share("Deliveries the buyer reviewed within 7 days (waiting longer counts as not on time)"),
    partnersMovedUp: z.number().int().openapi({ description: "Partners that moved up a size class during the partnership" }),
    partnerRating: z.number().nullable().openapi({ description: "Mean of the UMKM partners' ratings (1–5); null with fewer than 3" }),
  })
  .openapi("PartnershipIndexComponents");

export const BuyerIndexResponseSchema = z
  .object({
    buyer: z.object({ id: z.string(), name: z.string() }),
    period: z.object({ year: z.number().int().nullable(), from: z.string(), to: z.string() }),
    grade: z
      .enum(GRADE_KEYS as [string, ...string[]])
      .nullable()
      .openapi({ description: "null: fewer than 3 UMKM partners (belum cukup data)" }),
    score: z.number().min(0).max(100).nullable(),
    enoughData: z.boolean(),
    components: ComponentsSchema.nullable().openapi({
      description: "null for a published index of a firm with fewer than 3 UMKM partners (no figures are disclosed)",
    }),
    counts: z
      .object({
        paymentsCounted: z.number().int(),
        paymentsLate: z.number().int(),
        unpaidPastTerm: z.number().int(),
        deliveriesCounted: z.number().int(),
        deliveriesReviewedOnTime: z.number().int(),
      })
      .nullable(),
    published: z.boolean(),
    asOf: z.string(),
  })
  .openapi("PartnershipIndex");

export const RankingResponseSchema = z
  .object({
    year: z.number().int(),
    data: z.array(
      z.object({
        rank: z.number().int().nullable().openapi({ description: "null: no score (fewer than 3 UMKM partners)" }),
        buyer: z.object({
          id: z.string(),
          name: z.string(),
          stateOwned: z.boolean(),
          kbliSection: z.string().nullable(),
          province: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
        }),
        published: z.boolean(),
        grade: z.enum(GRADE_KEYS as [string, ...string[]]).nullable(),
        score: z.number().nullable(),
        enoughData: z.boolean(),
        components: ComponentsSchema,
      }),
    ),
  })
  .openapi("PartnershipIndexRanking");
