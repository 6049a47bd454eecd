// Response shapes of /api/v1/agreements (the OpenAPI document is generated from them; the integration
// tests check real responses against them). Request bodies: lib/agreements/schemas.ts.
import { z } from "zod";
import "@/lib/api/openapi";
import {
  AGREEMENT_FLAG_STATUSES,
  AGREEMENT_PARTY_ROLES,
  AGREEMENT_STATUSES,
  DELIVERY_STATUSES,
  MILESTONE_STATUSES,
  PARTNERSHIP_SCHEMES,
} from "@/lib/enums";
import { FLAG_REASONS } from "./flag-rules";

const timestamp = z.iso.datetime({ offset: true });
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ format: "date", example: "2026-12-01" });
const org = z.object({ id: z.string(), name: z.string() });
const role = z.enum(AGREEMENT_PARTY_ROLES);

const AgreementSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: "RNT-2026-004217" }),
    title: z.string(),
    scheme: z.enum(PARTNERSHIP_SCHEMES),
    status: z.enum(AGREEMENT_STATUSES),
    valueIdr: z.number().int(),
    startDate: date,
    endDate: date,
    version: z.number().int().openapi({ description: "The current version; send it back with every change (optimistic concurrency)" }),
    buyer: org,
    supplier: org.extend({ type: z.string() }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi("AgreementSummary");

export const AgreementSchema = AgreementSummarySchema.extend({
  terms: z.string(),
  rfqId: z.string().nullable(),
  consortiumId: z.string().nullable(),
  proposedAt: timestamp.nullable(),
  activatedAt: timestamp.nullable(),
  completedAt: timestamp.nullable(),
  terminatedAt: timestamp.nullable(),
  terminationReason: z.string().nullable(),
  parties: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      type: z.string(),
      role,
      shareQuantity: z.number().int().nullable(),
      sharePercent: z.string().nullable(),
    }),
  ),
  acceptances: z
    .array(
      z.object({
        version: z.number().int(),
        organizationId: z.string(),
        organizationName: z.string(),
        userName: z.string().nullable(),
        acceptedAt: timestamp,
      }),
    )
    .openapi({ description: "Who accepted the current version, and when" }),
  pendingAcceptance: z.array(z.string()).openapi({ description: "Organizations that have yet to accept the current version" }),
  lastAcceptedVersion: z.number().int().nullable(),
  versions: z.array(
    z.object({ version: z.number().int(), changeNote: z.string().nullable(), createdAt: timestamp, createdBy: z.string().nullable() }),
  ),
  milestones: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      quantity: z.number().int().nullable(),
      unit: z.string().nullable(),
      dueDate: date,
      amountIdr: z.number().int().nullable(),
      paymentTermDays: z.number().int().nullable(),
      status: z.enum(MILESTONE_STATUSES),
    }),
  ),
  deliveries: z.array(
    z.object({
      id: z.string(),
      milestoneId: z.string().nullable(),
      quantity: z.number().int(),
      deliveredOn: date,
      onTime: z.boolean(),
      status: z.enum(DELIVERY_STATUSES),
      note: z.string().nullable(),
      createdAt: timestamp,
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      milestoneId: z.string().nullable(),
      amountIdr: z.number().int(),
      invoicedOn: date.nullable(),
      paidOn: date,
      daysToPay: z.number().int().nullable(),
      note: z.string().nullable(),
      createdAt: timestamp,
      receivedOn: date.nullable().openapi({ description: "The date the lead supplier confirmed receipt (null: not confirmed yet)" }),
      receiptConfirmedAt: timestamp.nullable(),
    }),
  ),
  ratings: z.array(
    z.object({
      raterId: z.string(),
      raterName: z.string(),
      rateeId: z.string(),
      rateeName: z.string(),
      score: z.number().int().min(1).max(5),
      comment: z.string().nullable(),
      createdAt: timestamp,
    }),
  ),
  yourRole: role.nullable().openapi({ description: "Your organization's role; null for ministry staff (read-only)" }),
  pendingVersion: z
    .object({
      version: z.number().int(),
      title: z.string(),
      scheme: z.enum(PARTNERSHIP_SCHEMES),
      valueIdr: z.number().int(),
      startDate: date,
      endDate: date,
      terms: z.string(),
      milestones: z.array(
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
      changeNote: z.string().nullable(),
      createdAt: timestamp,
      createdBy: z.string().nullable(),
      acceptances: z.array(
        z.object({ organizationId: z.string(), organizationName: z.string(), userName: z.string().nullable(), acceptedAt: timestamp }),
      ),
      pendingAcceptance: z.array(z.string()).openapi({ description: "Parties that have yet to accept this version" }),
    })
    .nullable()
    .openapi({
      description:
        "An amendment of the agreement in force that not every party has accepted yet (null: none). Until the last party accepts it, every other field " +
        "(valueIdr, dates, milestones) — and the payment cap, the financing cap, the bank's view and the statistics — stay those of the last accepted version; " +
        "the last acceptance applies it.",
    }),
  completion: z
    .object({
      buyerConfirmedAt: timestamp.nullable(),
      supplierConfirmedAt: timestamp.nullable().openapi({ description: "The lead supplier's confirmation" }),
      reason: z
        .string()
        .nullable()
        .openapi({ description: "Why it completes (completed) with milestones still open; null when nothing was open" }),
      open: z
        .array(
          z.object({
            position: z.number().int().openapi({ description: "0: the agreement as a whole (no milestones)" }),
            title: z.string(),
            undelivered: z.boolean(),
            unpaid: z.boolean(),
          }),
        )
        .openapi({ description: "Milestones not delivered (accepted by the buyer) or not paid in full" }),
    })
    .openapi({
      description:
        "Completion takes both sides: the buyer and the lead supplier each confirm; the second confirmation completes the agreement.",
    }),
  ownershipDeclaredAt: timestamp.nullable().openapi({
    description:
      "When the buyer declared that it does not own or control the UMKM partner (PP 7/2021; required with the buyer's first acceptance since issue 13)",
  }),
}).openapi("Agreement");

export const AgreementPageSchema = z
  .object({ data: z.array(AgreementSummarySchema), nextCursor: z.string().nullable() })
  .openapi("AgreementPage");

export const AgreementVersionSchema = z
  .object({
    version: z.number().int(),
    currentVersion: z
      .number()
      .int()
      .openapi({ description: "The latest version written (while an amendment is pending: the amendment's)" }),
    inForceVersion: z.number().int().nullable().openapi({
      description: "The latest version every party accepted: what is in force (null before the agreement was first accepted by all)",
    }),
    pendingVersion: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "An amendment of the agreement in force awaiting acceptance (null: none)" }),
    number: z.string(),
    changeNote: z.string().nullable(),
    createdAt: timestamp,
    createdBy: z.string().nullable(),
    snapshot: z.object({
      title: z.string(),
      scheme: z.enum(PARTNERSHIP_SCHEMES),
      valueIdr: z.string().openapi({ description: "Whole Rupiah as a decimal string (as stored in the snapshot)" }),
      startDate: date,
      endDate: date,
      terms: z.string(),
      milestones: z.array(
        z.object({
          position: z.number().int(),
          title: z.string(),
          quantity: z.number().int().nullable(),
          unit: z.string().nullable(),
          dueDate: date,
          amountIdr: z.string().nullable(),
          paymentTermDays: z.number().int().nullable(),
        }),
      ),
    }),
    acceptances: z.array(
      z.object({ organizationId: z.string(), organizationName: z.string(), userName: z.string().nullable(), acceptedAt: timestamp }),
    ),
  })
  .openapi("AgreementVersion");

// Issue 13: an agreement flagged for ministry review as a possible fake partnership (GET /api/v1/agreement-flags).
const flagParty = z.object({ buyer: z.string(), supplier: z.string() });
export const AgreementFlagSchema = z
  .object({
    id: z.string(),
    status: z.enum(AGREEMENT_FLAG_STATUSES),
    reasons: z.array(z.enum(FLAG_REASONS)).openapi({ description: "npwp_root, owner_email, member_user" }),
    details: z
      .object({
        npwpRoot: z.array(flagParty.extend({ root: z.string().openapi({ example: "01.234.567.8" }) })).optional(),
        ownerEmail: z.array(flagParty.extend({ email: z.string() })).optional(),
        memberUser: z.array(flagParty.extend({ name: z.string(), email: z.string() })).optional(),
      })
      .openapi({ description: "What matched, per supplier-side party" }),
    flaggedAt: timestamp,
    reviewedAt: timestamp.nullable(),
    reviewNote: z.string().nullable(),
    agreement: z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      scheme: z.enum(PARTNERSHIP_SCHEMES),
      status: z.enum(AGREEMENT_STATUSES),
      valueIdr: z.number().int(),
      excluded: z.boolean().openapi({ description: "Confirmed: left out of the statistics and the Partnership Index" }),
      ownershipDeclaredAt: timestamp.nullable(),
      buyer: org,
      suppliers: z.array(org.extend({ role })),
    }),
  })
  .openapi("AgreementFlag");
export const AgreementFlagListSchema = z.object({ data: z.array(AgreementFlagSchema) }).openapi("AgreementFlagList");
