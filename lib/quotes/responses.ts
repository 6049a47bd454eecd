// Response shapes of /api/v1/rfqs/{id}/quote, /quotes and /award (the OpenAPI document is generated from
// them; the integration tests check real responses against them). Request bodies: lib/quotes/schemas.ts.
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import { QUOTE_STATUSES } from "@/lib/enums";

const timestamp = z.iso.datetime({ offset: true });
const idr = z.number().int();

export const OwnQuoteSchema = z
  .object({
    id: z.string(),
    rfqId: z.string(),
    supplierId: z.string(),
    consortiumId: z.string().nullable(),
    status: z.enum(QUOTE_STATUSES),
    includesVat: z.boolean(),
    offeredTkdn: z.number().nullable(),
    leadTimeDays: z.number().int().nullable(),
    validUntil: z.string().nullable().openapi({ format: "date" }),
    note: z.string().nullable(),
    revision: z.number().int().openapi({ description: "How many times the submitted quote was revised" }),
    submittedAt: timestamp.nullable(),
    withdrawnAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    items: z.array(z.object({ rfqItemId: z.string(), unitPriceIdr: idr, lineTotalIdr: idr })),
    totalIdr: idr,
    consortiumShares: z.array(z.object({ supplierId: z.string(), name: z.string(), shareQuantity: z.number().int().nullable() })),
    attachments: z.array(
      z.object({ id: z.string(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), url: z.string() }),
    ),
    award: z
      .object({
        id: z.string(),
        rfqItemIds: z.array(z.string()),
        agreement: z.object({ id: z.string(), number: z.string(), status: z.string(), valueIdr: idr }).nullable(),
      })
      .nullable(),
  })
  .openapi("Quote");

const BuyerQuoteSchema = z
  .object({
    id: z.string(),
    status: z.enum(QUOTE_STATUSES),
    supplier: z.object({ id: z.string(), name: z.string() }),
    consortiumId: z.string().nullable(),
    includesVat: z.boolean(),
    offeredTkdn: z.number().nullable().openapi({ description: "The TKDN (%) the supplier declares in its quote" }),
    tkdnStatus: z
      .enum(["verified", "unverified"])
      .nullable()
      .openapi({
        description:
          "verified: the quoting organization (a consortium's lead) holds a verified TKDN certificate valid on the RFQ's deadline with at least `offeredTkdn`; " +
          "unverified: declared only, no price preference; null: no TKDN declared",
      }),
    tkdnCertifiedPercent: z
      .number()
      .nullable()
      .openapi({ description: "The highest TKDN (%) of the organization's verified certificates valid on the deadline" }),
    tkdnPreferencePercent: z.number().openapi({
      description:
        "Price preference (Perpres 46/2025): TKDN × 25% when TKDN ≥ 25% and `tkdnStatus` is verified, else 0; `evaluatedUnitPriceIdr` applies it",
    }),
    leadTimeDays: z.number().int().nullable(),
    validUntil: z.string().nullable(),
    note: z.string().nullable(),
    revision: z.number().int(),
    submittedAt: timestamp.nullable(),
    items: z.array(z.object({ rfqItemId: z.string(), unitPriceIdr: idr, lineTotalIdr: idr, evaluatedUnitPriceIdr: idr })),
    totalIdr: idr,
    attachments: z.array(
      z.object({ id: z.string(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), url: z.string() }),
    ),
  })
  .openapi("BuyerQuote");

export const RfqQuotesSchema = z
  .object({
    rfqId: z.string(),
    sealed: z.boolean(),
    pricesRevealed: z
      .boolean()
      .openapi({ description: "false for a sealed RFQ before its deadline: `data` is empty, only `count` is given" }),
    count: z.number().int(),
    data: z.array(BuyerQuoteSchema),
  })
  .openapi("RfqQuotes");

export const AwardResultSchema = z
  .object({
    rfqId: z.string(),
    status: z.literal("awarded"),
    agreements: z.array(
      z.object({
        id: z.string(),
        number: z.string().openapi({ example: "RNT-2026-004217" }),
        status: z.literal("draft"),
        scheme: z.string().openapi({ example: "rantai_pasok" }),
        valueIdr: idr,
        quoteId: z.string(),
        supplier: z.object({ id: z.string(), name: z.string() }),
        rfqItemIds: z.array(z.string()),
      }),
    ),
  })
  .openapi("AwardResult");

export const QuoteAttachmentSchema = z
  .object({ id: z.string(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), url: z.string() })
  .openapi("QuoteAttachment");
