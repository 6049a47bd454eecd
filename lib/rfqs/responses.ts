// Response shapes of /api/v1/rfqs (the OpenAPI document is generated from them; the integration tests check
// real responses against them). Request bodies: lib/rfqs/schemas.ts; the views they describe: lib/rfqs/views.ts.
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import { CERTIFICATION_TYPES, RFQ_STATUSES, RFQ_VISIBILITIES } from "@/lib/enums";

const timestamp = z.iso.datetime({ offset: true });
const region = z.object({ code: z.string(), name: z.string() });

const RfqItemSchema = z
  .object({
    id: z.string(),
    position: z.number().int(),
    name: z.string(),
    specification: z.string().nullable(),
    quantity: z.number().int().positive(),
    unit: z.string(),
    targetUnitPriceIdr: z.number().int().nullable(),
  })
  .openapi("RfqItem");

export const RfqSchema = z
  .object({
    id: z.string(),
    status: z.enum(RFQ_STATUSES),
    title: z.string(),
    description: z.string(),
    buyer: z.object({
      id: z.string(),
      name: z.string(),
      verified: z.boolean().openapi({
        description: "Has a Rantai admin verified the buyer organization? Only verified buyers publish RFQs and invite suppliers",
      }),
      timeZone: z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]).openapi({
        description: "The buyer organization's zone, from its region: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)",
      }),
    }),
    kbli: z.string().openapi({ example: "13134" }),
    kbliTitle: z.object({ id: z.string(), en: z.string().nullable() }),
    deliveryRegency: region.extend({ province: region }),
    deadline: timestamp,
    visibility: z.enum(RFQ_VISIBILITIES),
    sealed: z.boolean().openapi({ description: "Quote prices stay hidden, from the buyer too, until the deadline" }),
    requiredCertifications: z.array(z.enum(CERTIFICATION_TYPES)),
    minTkdn: z.number().nullable().openapi({ description: "Minimum TKDN in percent" }),
    items: z.array(RfqItemSchema),
    attachments: z.array(
      z.object({ id: z.string(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), url: z.string() }),
    ),
    acceptingQuotes: z.boolean().openapi({ description: "Open and before the deadline" }),
    publishedAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    cancelledAt: timestamp.nullable(),
    cancelReason: z.string().nullable(),
    awardedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
    invited: z.boolean().optional().openapi({
      description:
        "Suppliers only: whether your organization is invited, directly or as a member of the cluster the RFQ is posted to (never who else is)",
    }),
    clusterId: z.string().nullable().openapi({
      description: 'The cluster the RFQ is posted to (visibility "invited"): its members see it as invited; null for none',
    }),
    cluster: z.object({ id: z.string(), name: z.string() }).nullable().openapi({ description: "The cluster's id and name, or null" }),
    invitationCount: z.number().int().optional().openapi({ description: "The buyer only" }),
    quoteCount: z.number().int().optional().openapi({ description: "The buyer only (lists): submitted quotes" }),
  })
  .openapi("Rfq");

export const RfqPageSchema = z.object({ data: z.array(RfqSchema), nextCursor: z.string().nullable() }).openapi("RfqPage");

const InvitationSchema = z
  .object({
    supplier: z.object({ id: z.string(), name: z.string(), type: z.string(), regency: z.string().nullable() }),
    createdAt: timestamp,
  })
  .openapi("RfqInvitation");
export const InvitationListSchema = z.object({ data: z.array(InvitationSchema) }).openapi("RfqInvitationList");

export const ClarificationSchema = z
  .object({
    id: z.string(),
    question: z.string(),
    answer: z.string().nullable(),
    answeredAt: timestamp.nullable(),
    createdAt: timestamp,
    askedByYou: z.boolean().optional().openapi({ description: "Suppliers: asked by your organization" }),
    askedBy: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .optional()
      .openapi({ description: "The buyer only: the asking organization; null for a sealed RFQ before its deadline (`askerWithheld`)" }),
    askerWithheld: z
      .boolean()
      .optional()
      .openapi({ description: "The buyer only: true for a sealed RFQ before its deadline, when who asked is withheld (`askedBy` null)" }),
  })
  .openapi("Clarification");
export const ClarificationListSchema = z.object({ data: z.array(ClarificationSchema) }).openapi("ClarificationList");

export const AttachmentSchema = z
  .object({ id: z.string(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), url: z.string() })
  .openapi("RfqAttachment");
