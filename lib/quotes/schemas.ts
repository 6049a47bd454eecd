// Quote and award input: one zod schema each for the quote form / award form (server actions) and the HTTP
// API (PUT /api/v1/rfqs/{id}/quote, POST /api/v1/rfqs/{id}/award). Messages are i18n keys.
// Client-safe: no server imports.
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import { rupiahSchema } from "@/lib/products/schemas";
import { PARTNERSHIP_SCHEMES } from "@/lib/enums";

const blank = (v: unknown) => (v === "" || v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

const id = z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(64, "errors.field.invalid");

/** true/false from JSON, or "true"/"false"/"on"/"1"/"0" from a form. */
const booleanish = z.preprocess(
  (v) => (v === "true" || v === "on" || v === "1" ? true : v === "false" || v === "0" || v === "off" ? false : v),
  z.boolean({ error: "errors.field.invalidChoice" }),
);

const wholeNumber = (min: number, max: number, maxMessage = "errors.field.invalid") =>
  z.preprocess(
    // a JSON number or a form's string only: true, [] or {} are not coerced into 1 or 0 (issue 11, hostile input)
    (v) => (typeof v === "number" || typeof v === "string" ? v : NaN),
    z.coerce
      .number({ error: "errors.field.wholeNumber" })
      .int("errors.field.wholeNumber")
      .min(min, min > 0 ? "errors.field.positive" : "errors.field.wholeNumber")
      .max(max, maxMessage),
  );

/** A calendar date `YYYY-MM-DD` → Date at UTC midnight. */
const calendarDate = z
  .string({ error: "errors.field.date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.field.date")
  .transform((s, ctx) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    // issue 11 (large numbers): a year PostgreSQL cannot store (0000) was a 500; a quote is valid for years, not millennia
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100) {
      ctx.addIssue({ code: "custom", message: "errors.field.date" });
      return z.NEVER;
    }
    return d;
  })
  .openapi({ type: "string", format: "date", example: "2026-12-31" });

const quoteItemSchema = z.object({
  rfqItemId: id.openapi({ description: "An item id of this RFQ (`items[].id` of GET /api/v1/rfqs/{id})" }),
  unitPriceIdr: rupiahSchema,
});

const consortiumShareSchema = z.object({
  supplierId: id.openapi({ description: "A member UMKM of the consortium" }),
  shareQuantity: wholeNumber(0, 1_000_000_000),
});

export const quoteInputSchema = z
  .object({
    items: z
      .array(quoteItemSchema, { error: "quotes.errors.itemsRequired" })
      .min(1, "quotes.errors.itemsRequired")
      .max(200, "errors.field.tooLong"),
    leadTimeDays: wholeNumber(0, 730, "quotes.errors.leadTimeTooLong"),
    includesVat: booleanish.openapi({ type: "boolean", description: "Do the unit prices include PPN (11%)?" }),
    offeredTkdn: z
      .preprocess(
        // blank → absent; true, [] or {} are not coerced into 1 % or 0 % (issue 11 review)
        (v) => (blank(v) === undefined ? undefined : typeof v === "number" || typeof v === "string" ? v : NaN),
        z.coerce
          .number({ error: "errors.field.percent" })
          .min(0, "errors.field.percent")
          .max(100, "errors.field.percent")
          .transform((v) => Math.round(v * 100) / 100) // the database keeps 2 decimals
          .optional(),
      )
      .openapi({ type: "number", description: "Offered local content (TKDN) in %, up to 2 decimals" }),
    note: z.preprocess(blank, z.string().trim().max(2000, "errors.field.tooLong").optional()),
    validUntil: z.preprocess(blank, calendarDate.optional()),
    submit: z.preprocess(blank, booleanish.optional()).openapi({
      type: "boolean",
      description: "true (default): submit (or revise) the quote; false: keep it as a draft the buyer cannot see",
    }),
    consortiumShares: z
      .array(consortiumShareSchema)
      .max(100, "errors.field.tooLong")
      .optional()
      .openapi({ description: "Only for the lead of a consortium invited to the RFQ: each member's share (quantity)" }),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((it, i) => {
      if (seen.has(it.rfqItemId)) ctx.addIssue({ code: "custom", path: ["items", i, "rfqItemId"], message: "quotes.errors.duplicateItem" });
      seen.add(it.rfqItemId);
    });
    const members = new Set<string>();
    v.consortiumShares?.forEach((s, i) => {
      if (members.has(s.supplierId))
        ctx.addIssue({ code: "custom", path: ["consortiumShares", i, "supplierId"], message: "quotes.errors.duplicateMember" });
      members.add(s.supplierId);
    });
  })
  .openapi("QuoteInput");
export type QuoteInput = z.output<typeof quoteInputSchema>;

export const awardInputSchema = z
  .object({
    awards: z
      .array(
        z.object({
          quoteId: id,
          rfqItemIds: z
            .array(id)
            .min(1, "quotes.errors.awardLinesRequired")
            .optional()
            .openapi({ description: "The lines awarded to this quote; omitted: every line it priced" }),
        }),
        { error: "quotes.errors.awardRequired" },
      )
      .min(1, "quotes.errors.awardRequired")
      .max(200, "errors.field.tooLong"),
    scheme: z
      .preprocess(blank, z.enum(PARTNERSHIP_SCHEMES, { error: "errors.field.invalidChoice" }).optional())
      .openapi({ description: "Partnership scheme of the draft agreements (PP 7/2021 Pasal 106); default rantai_pasok" }),
  })
  .superRefine((v, ctx) => {
    const quotes = new Set<string>();
    const lines = new Set<string>();
    v.awards.forEach((a, i) => {
      if (quotes.has(a.quoteId))
        ctx.addIssue({ code: "custom", path: ["awards", i, "quoteId"], message: "quotes.errors.duplicateAwardQuote" });
      quotes.add(a.quoteId);
      a.rfqItemIds?.forEach((l, j) => {
        if (lines.has(l)) ctx.addIssue({ code: "custom", path: ["awards", i, "rfqItemIds", j], message: "quotes.errors.lineAwardedTwice" });
        lines.add(l);
      });
    });
  })
  .openapi("AwardInput");
export type AwardInput = z.output<typeof awardInputSchema>;

export const rfqIdParamSchema = z.object({ id: z.string().trim().min(1).max(64) });
