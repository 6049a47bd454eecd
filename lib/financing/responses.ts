// Response shapes of /api/v1/financing and /api/v1/agreements/{id}/financing.
import { z } from "zod";
import "@/lib/api/openapi";
import { FINANCING_PROGRAMME_STATUSES, FINANCING_REFERRAL_STATUSES, FINANCING_STATUSES, FINANCING_TYPES } from "@/lib/enums";

const timestamp = z.iso.datetime({ offset: true });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const org = z.object({ id: z.string(), name: z.string() });

/** What a bank sees: only what the request shares. */
export const FinancingBankSchema = z
  .object({
    id: z.string(),
    type: z.enum(FINANCING_TYPES),
    amountIdr: z.number().int(),
    status: z.enum(FINANCING_STATUSES),
    buyerConfirmed: z.boolean(),
    buyerConfirmedAt: timestamp.nullable(),
    decisionNote: z.string().nullable(),
    decidedAt: timestamp.nullable(),
    createdAt: timestamp,
    supplier: org,
    agreement: z.object({
      number: z.string(),
      scheme: z.string(),
      status: z.string(),
      valueIdr: z.number().int(),
      startDate: date,
      endDate: date,
      buyer: org.extend({
        paymentBehaviour: z
          .object({
            year: z.number().int(),
            daysToPayMedian: z.number().int().nullable(),
            daysToPayP90: z.number().int().nullable(),
            latePaymentShare: z.number().nullable(),
            paymentsCounted: z.number().int(),
          })
          .openapi({
            description:
              "The buyer's own days-to-pay this year from its Indeks Kemitraan (payments its UMKM partners confirmed receiving; milestones unpaid past their term count as late)",
          }),
      }),
      schedule: z.array(
        z.object({
          position: z.number().int(),
          title: z.string(),
          quantity: z.number().int().nullable(),
          unit: z.string().nullable(),
          dueDate: date,
          amountIdr: z.number().int().nullable(),
          paymentTermDays: z.number().int().nullable(),
        }),
      ),
    }),
  })
  .strict()
  .openapi("FinancingRequestForBank");

/** What the agreement's parties see. */
export const FinancingPartySchema = z
  .object({
    id: z.string(),
    agreementId: z.string(),
    type: z.enum(FINANCING_TYPES),
    amountIdr: z.number().int(),
    status: z.enum(FINANCING_STATUSES),
    bank: org,
    supplier: org,
    buyerConfirmedAt: timestamp.nullable(),
    decisionNote: z.string().nullable(),
    decidedAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .openapi("FinancingRequest");

export const FinancingBankPageSchema = z
  .object({ data: z.array(FinancingBankSchema), nextCursor: z.string().nullable() })
  .openapi("FinancingRequestForBankPage");
export const FinancingPartyPageSchema = z
  .object({ data: z.array(FinancingPartySchema), nextCursor: z.string().nullable() })
  .openapi("FinancingRequestPage");

// Issue 13: supply-chain financing programmes.
export const FinancingProgrammeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(FINANCING_PROGRAMME_STATUSES),
    maxPerUmkmIdr: z.number().int(),
    tenorDays: z.number().int(),
    requireAcceptedDeliveries: z.boolean(),
    acceptedAt: timestamp.nullable(),
    decisionNote: z.string().nullable(),
    createdAt: timestamp,
    buyer: org,
    bank: org,
    referrals: z
      .array(
        z.object({
          id: z.string(),
          status: z.enum(FINANCING_REFERRAL_STATUSES),
          supplier: org,
          referredAt: timestamp,
          decidedAt: timestamp.nullable(),
        }),
      )
      .openapi({ description: "The buyer and the bank see every referral; a referred partner only its own" }),
  })
  .openapi("FinancingProgramme");
export const FinancingProgrammeListSchema = z.object({ data: z.array(FinancingProgrammeSchema) }).openapi("FinancingProgrammeList");
export const FinancingReferralDecisionSchema = z
  .object({ id: z.string(), programmeId: z.string(), status: z.enum(FINANCING_REFERRAL_STATUSES) })
  .openapi("FinancingReferralDecided");
export const FinancingProgrammeRequestCreatedSchema = z.object({ id: z.string() }).openapi("FinancingProgrammeRequestCreated");
