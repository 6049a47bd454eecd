// Product input: one zod schema for the product form, its server actions and the HTTP API
// (POST/PATCH /api/v1/products). Messages are i18n keys ("errors.field.*", "products.errors.*").
// Client-safe: no server imports.
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas

/** Upper bound for a unit price (Rp1 triliun): far above any UMKM product, well inside JSON's safe integers. */
const MAX_PRICE_IDR = 1_000_000_000_000n;

const blank = (v: unknown) => (v === "" || (typeof v === "string" && v.trim() === "") ? undefined : v);

/**
 * Integer Rupiah from JSON (a whole number) or a form ("150000", "150.000", "Rp150.000"). Negative,
 * fractional ("1,5", "1.5", 1.5) and non-numeric values are refused with a message saying which.
 */
export const rupiahSchema = z
  .union([z.number(), z.string(), z.bigint()], { error: "errors.field.required" })
  .transform((v, ctx): bigint => {
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (typeof v === "bigint")
      return v < 0n ? fail("products.errors.rupiahNegative") : v > MAX_PRICE_IDR ? fail("products.errors.rupiahTooLarge") : v;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return fail("products.errors.rupiahFormat");
      if (v < 0) return fail("products.errors.rupiahNegative");
      if (!Number.isInteger(v)) return fail("products.errors.rupiahFraction");
      if (v > Number(MAX_PRICE_IDR)) return fail("products.errors.rupiahTooLarge");
      return BigInt(v);
    }
    const s = v.replace(/[\s\u00a0]+/g, "").replace(/^rp\.?/i, "");
    if (s === "") return fail("errors.field.required");
    if (/^[-−]/.test(s)) return fail("products.errors.rupiahNegative");
    // issue 11 (review): BigInt() of a megabytes-long digit string blocks the event loop for seconds (a 6 MB
    // form field: ~2 s); anything with more than 20 significant digits is too large anyway.
    if (/^[\d.]+$/.test(s) && s.replace(/\./g, "").replace(/^0+(?=\d)/, "").length > 20) return fail("products.errors.rupiahTooLarge");
    let out: bigint;
    if (/^\d+$/.test(s)) out = BigInt(s);
    else if (/^\d{1,3}(\.\d{3})+$/.test(s)) out = BigInt(s.replace(/\./g, ""));
    else if (/^\d[\d.]*[.,]\d+$/.test(s)) return fail("products.errors.rupiahFraction");
    else return fail("products.errors.rupiahFormat");
    return out > MAX_PRICE_IDR ? fail("products.errors.rupiahTooLarge") : out;
  })
  .openapi({ type: "integer", description: "Whole Rupiah (a JSON integer; a string of digits is accepted too)", example: 150000 });

/** A whole number from JSON or a form field, within bounds; blank → absent (and null → null when nullable). */
const number = (min: number, max: number) =>
  z.coerce
    .number({ error: "errors.field.wholeNumber" })
    .int("errors.field.wholeNumber")
    .min(min, min > 0 ? "errors.field.positive" : "errors.field.wholeNumber")
    .max(max, "products.errors.tooLarge");
/** Blank → absent; null stays null; a JSON number or a form string as it is; true, [] or {} → NaN (refused, not 1 or 0). */
const numberOrString = (v: unknown) =>
  blank(v) === undefined ? undefined : v === null || typeof v === "number" || typeof v === "string" ? v : NaN;
const wholeNumber = (min: number, max: number) => z.preprocess(numberOrString, number(min, max).optional());
const nullableWholeNumber = (min: number, max: number) => z.preprocess(numberOrString, number(min, max).nullable().optional());

const text = (min: number, max: number) =>
  z.string({ error: "errors.field.required" }).trim().min(min, emptyIsRequired("errors.field.tooShort")).max(max, "errors.field.tooLong");

export const productFields = {
  name: text(2, 160),
  description: z.preprocess(blank, z.string().trim().max(4000, "errors.field.tooLong").nullable().optional()),
  /** A KBLI 2020 five-digit code (kelompok) that exists. */
  kbli: z
    .string({ error: "errors.field.kbli" })
    .trim()
    .regex(/^\d{5}$/, "errors.field.kbli"),
  /** e.g. "pcs", "kg", "lembar", "kodi". */
  unit: text(1, 30),
  priceMinIdr: rupiahSchema,
  priceMaxIdr: rupiahSchema,
  /** Minimum order quantity, in `unit`s. */
  moq: wholeNumber(1, 10_000_000),
  /** What the supplier can make per month, in `unit`s. */
  monthlyCapacity: wholeNumber(1, 1_000_000_000),
  leadTimeDays: wholeNumber(0, 365),
};

export const priceOrder = (v: { priceMinIdr?: bigint; priceMaxIdr?: bigint }, ctx: z.RefinementCtx) => {
  if (v.priceMinIdr !== undefined && v.priceMaxIdr !== undefined && v.priceMinIdr > v.priceMaxIdr) {
    ctx.addIssue({ code: "custom", path: ["priceMaxIdr"], message: "products.errors.priceOrder" });
  }
};

export const productCreateSchema = z.object(productFields).superRefine(priceOrder).openapi("ProductInput");
export type ProductCreateInput = z.output<typeof productCreateSchema>;

/** PATCH: any subset; the price order is checked again against the stored values by the service. */
export const productUpdateSchema = z
  .object({
    ...productFields,
    moq: nullableWholeNumber(1, 10_000_000),
    monthlyCapacity: nullableWholeNumber(1, 1_000_000_000),
    leadTimeDays: nullableWholeNumber(0, 365),
  })
  .partial()
  .superRefine(priceOrder)
  .openapi("ProductPatch");
export type ProductUpdateInput = z.output<typeof productUpdateSchema>;

export const productIdSchema = z.string().trim().min(1).max(64);

/** The filters of GET /api/v1/products (the public catalogue). */
export const productListQuery = z.object({
  q: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(200, "errors.field.tooLong").optional()),
  supplierId: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(64).optional()),
  kbli: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\d{2,5}$/, "errors.field.kbli")
      .optional(),
  ),
});
