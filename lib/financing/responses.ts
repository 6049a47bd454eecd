// Response shapes of /api/v1/financing and /api/v1/agreements/{id}/financing.
import { z } from "zod";
import "@/lib/api/openapi";
import {
  CERTIFICATION_TYPES,
  FINANCING_PROGRAMME_STATUSES,
  FINANCING_REFERRAL_STATUSES,
  FINANCING_STATUSES,
  FINANCING_TYPES,
  SIZE_CLASSES,
} from "@/lib/enums";

const timestamp = z.iso.datetime({ offset: true });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const org = z.object({ id: z.string(), name: z.string() });

/** What a bank sees: only what the request shares. */
const FinancingBankSchema = z
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
            enoughData: z.boolean().openapi({
              description: "false: fewer than 3 UMKM partners this year (belum cukup data); every figure is then null",
            }),
            daysToPayMedian: z.number().int().nullable(),
            daysToPayP90: z.number().int().nullable(),
            latePaymentShare: z.number().min(0).max(1).nullable(),
            paymentsCounted: z.number().int().nullable(),
          })
          .strict()
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

const place = z.object({ code: z.string(), name: z.string() }).strict().nullable();

/** What a bank sees of the supplier behind one request addressed to it (issue 13); nothing else of it. */
const FinancingSupplierForBankSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(["umkm", "cooperative"]),
    verified: z.boolean().openapi({ description: "Verified by the platform" }),
    regency: place,
    province: place,
    kbli: z.array(z.object({ code: z.string(), title: z.string(), titleEn: z.string().nullable(), isPrimary: z.boolean() }).strict()),
    foundedYear: z.number().int().nullable(),
    employees: z.number().int().nullable(),
    sizeClass: z.enum(SIZE_CLASSES).nullable().openapi({ description: "PP 7/2021 class now (null for a cooperative without a profile)" }),
    sizeHistory: z
      .array(z.object({ sizeClass: z.enum(SIZE_CLASSES), effectiveAt: timestamp }).strict())
      .openapi({ description: "Every change of the size class, oldest first (class and date only)" }),
    certificates: z
      .array(
        z
          .object({
            type: z.enum(CERTIFICATION_TYPES),
            name: z.string().nullable(),
            number: z.string(),
            issuer: z.string().nullable(),
            validFrom: date.nullable(),
            validUntil: date.nullable(),
            tkdnPercent: z.number().nullable(),
            verified: z.boolean(),
          })
          .strict(),
      )
      .openapi({
        description:
          "Certificates valid today on the supplier's clock (one ending today is still valid; expired, not yet valid and returned ones are left out); no documents",
      }),
    trackRecord: z
      .object({
        completedAgreements: z.number().int(),
        activeAgreements: z.number().int(),
        deliveriesAccepted: z.number().int().openapi({ description: "Deliveries as a supplier that buyers accepted" }),
        deliveriesOnTime: z.number().int().openapi({ description: "Of those, delivered by the milestone's due date" }),
        acceptedShare: z.number().min(0).max(1).nullable().openapi({ description: "Accepted ÷ reviewed deliveries" }),
      })
      .strict()
      .openapi({ description: "Agreements with verified parties only (lib/agreements/track-record.ts)" }),
  })
  .strict()
  .openapi("FinancingSupplierForBank");

/** One request as its bank sees it: the inbox's fields, the supplier as above. */
export const FinancingBankDetailSchema = FinancingBankSchema.extend({ supplier: FinancingSupplierForBankSchema })
  .strict()
  .openapi("FinancingRequestForBankDetail");

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
