// RFQ input: one zod schema per write, shared by the /rfq forms (server actions) and /api/v1/rfqs, and the list
// filters of /rfq, /papan-rfq and GET /api/v1/rfqs. Response shapes: lib/rfqs/responses.ts.
// Messages are i18n keys ("errors.field.*", "rfqs.errors.*"). Client-safe: no server imports.
//
// Forms send nested names ("items.0.name", "requiredCertifications[]", checkbox "on"); the preprocessors
// below turn those into the same shapes the JSON API sends, so both go through exactly the same rules.
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import { CERTIFICATION_TYPES, RFQ_STATUSES, RFQ_VISIBILITIES } from "@/lib/enums";
import { rupiahSchema } from "@/lib/products/schemas";
import { pricedLinesSchema } from "@/lib/quotes/limits";
import { WIB } from "@/lib/i18n/format";
import { zonedLocalToUtc } from "@/lib/i18n/zoned-time";

const MAX_RFQ_ITEMS = 100;
/** An RFQ runs at most a year. */
export const MAX_DEADLINE_DAYS = 366;

const blank = (v: unknown) => (v === "" || (typeof v === "string" && v.trim() === "") ? undefined : v);

const text = (min: number, max: number) =>
  z.string({ error: "errors.field.required" }).trim().min(min, emptyIsRequired("errors.field.tooShort")).max(max, "errors.field.tooLong");

const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max, "errors.field.tooLong").nullable().optional());

/** "on"/"true"/"1" → true, "false"/"0"/"off"/"" → false (checkboxes); JSON booleans as they are. */
const booleanish = z.preprocess(
  (v) => {
    if (typeof v === "string") {
      const s = v.trim().toLowerCase();
      if (["on", "true", "1", "yes"].includes(s)) return true;
      if (["", "off", "false", "0", "no"].includes(s)) return false;
    }
    if (Array.isArray(v)) return v.some((x) => x === "on" || x === "true" || x === true);
    return v;
  },
  z.boolean({ error: "errors.field.invalidChoice" }),
);

/** A form's { "0": {...}, "1": {...} } becomes an array in index order; an array stays as it is. */
const indexedArray = (v: unknown) => {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    return Object.entries(v as Record<string, unknown>)
      .filter(([k]) => /^\d+$/.test(k))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, x]) => x);
  }
  return v;
};

/** A single form value or several → array; blanks dropped. */
const stringList = (v: unknown) =>
  v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).filter((x) => !(typeof x === "string" && x.trim() === ""));

/** Whole, positive quantities only: 0, negative and fractional amounts are refused. */
export const quantitySchema = z
  .preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(/\.(?=\d{3}(\D|$))/g, ""))) : v),
    z
      .number({ error: (iss) => (iss.input === undefined ? "errors.field.required" : "errors.field.number") })
      .refine(Number.isFinite, "errors.field.number")
      .refine(Number.isInteger, "errors.field.wholeNumber")
      .refine((n) => n > 0, "rfqs.errors.quantityPositive")
      .refine((n) => n <= 1_000_000_000, "rfqs.errors.quantityTooLarge"),
  )
  .openapi({ type: "integer", minimum: 1, example: 1200 });

/**
 * A deadline read on a wall clock ("YYYY-MM-DDTHH:mm", a datetime-local value): its zone is the buyer
 * organization's, which only the server knows (lib/rfqs/deadlines.ts deadlineInstant turns it into UTC).
 */
export interface WallClockDeadline {
  wallClock: string;
}
export type DeadlineInput = Date | WallClockDeadline;

/**
 * A deadline: ISO 8601 with offset (API), or a local "YYYY-MM-DDTHH:mm" (the form's datetime-local; also
 * accepted from the API) on the buyer organization's clock — WIB, WITA or WIT from its region.
 */
export const deadlineSchema = z
  .union([z.string(), z.date()], { error: "errors.field.required" })
  .transform((v, ctx): DeadlineInput => {
    if (v instanceof Date) return v;
    const s = v.trim();
    if (s === "") {
      ctx.addIssue({ code: "custom", message: "errors.field.required" });
      return z.NEVER;
    }
    const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s);
    const iso = z.iso.datetime({ offset: true }).safeParse(s).success;
    // A wall-clock value is checked as a real calendar time (any zone will do: none shifts the date rules).
    const d = local ? zonedLocalToUtc(s, WIB) : iso ? new Date(s) : new Date(NaN);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "rfqs.errors.deadlineFormat" });
      return z.NEVER;
    }
    return local ? { wallClock: s } : d;
  })
  .openapi({ type: "string", format: "date-time", example: "2026-12-31T17:00:00+07:00" });

const rfqItemSchema = z
  .object({
    name: text(2, 200),
    specification: optionalText(2000),
    quantity: quantitySchema,
    unit: text(1, 30),
    targetUnitPriceIdr: z.preprocess(blank, rupiahSchema.nullable().optional()),
  })
  .openapi("RfqItemInput");
export type RfqItemInput = z.output<typeof rfqItemSchema>;

const minTkdnSchema = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(",", "."))) : v),
  z
    .number({ error: "errors.field.percent" })
    .min(0, "errors.field.percent")
    .max(100, "errors.field.percent")
    .refine((n) => Math.round(n * 100) === n * 100 || Math.abs(Math.round(n * 100) - n * 100) < 1e-6, "rfqs.errors.tkdnDecimals")
    .nullable()
    .optional(),
);

const targetTotals = pricedLinesSchema({
  priceField: "targetUnitPriceIdr",
  lineMessage: "rfqs.errors.targetTotalTooLarge",
  totalMessage: "rfqs.errors.targetTotalTooLarge",
});

const rfqFields = {
  title: text(5, 200),
  description: optionalText(8000),
  /** A KBLI 2020 five-digit code that exists. */
  kbli: z
    .string({ error: "errors.field.kbli" })
    .trim()
    .regex(/^\d{5}$/, "errors.field.kbli"),
  /** Kemendagri regency code, e.g. "64.71". */
  deliveryRegencyCode: z
    .string({ error: "errors.field.region" })
    .trim()
    .regex(/^\d{2}\.\d{2}$/, "errors.field.region"),
  deadline: deadlineSchema,
  items: z.preprocess(
    indexedArray,
    z
      .array(rfqItemSchema, { error: "rfqs.errors.itemsRequired" })
      .min(1, "rfqs.errors.itemsRequired")
      .max(MAX_RFQ_ITEMS, "rfqs.errors.tooManyItems")
      .superRefine((items, ctx) => {
        // quantity × target price per line, and their sum, within the range of a Rupiah sum (issue 11)
        const check = targetTotals.safeParse(items.map((it) => ({ quantity: it.quantity, unitPriceIdr: it.targetUnitPriceIdr ?? 0n })));
        if (!check.success)
          for (const issue of check.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      }),
  ),
  requiredCertifications: z.preprocess(
    stringList,
    z.array(z.enum(CERTIFICATION_TYPES, { error: "errors.field.invalidChoice" })).transform((l) => [...new Set(l)]),
  ),
  minTkdn: minTkdnSchema,
  visibility: z.preprocess(blank, z.enum(RFQ_VISIBILITIES, { error: "errors.field.invalidChoice" }).default("public")),
  sealed: z.preprocess((v) => (v === undefined ? false : v), booleanish),
  /**
   * Post the RFQ to a cluster (issue 12): its members, directly or through a member cooperative, see it as
   * invited. Requires `visibility: "invited"`; null (PATCH) takes the RFQ off the cluster.
   */
  clusterId: z.preprocess(
    blank,
    z
      .string({ error: "rfqs.errors.clusterUnknown" })
      .trim()
      .min(1, "rfqs.errors.clusterUnknown")
      .max(64, "rfqs.errors.clusterUnknown")
      .nullable()
      .optional()
      .openapi({ description: 'A cluster id: its members see the RFQ as invited. Only with visibility "invited"' }),
  ),
};

/** A cluster RFQ is an invitation-only RFQ (its members are the invitees): clusterId needs visibility "invited". */
export function clusterNeedsInvited(v: { clusterId?: string | null; visibility?: string }, ctx: z.RefinementCtx) {
  if (v.clusterId && v.visibility !== "invited")
    ctx.addIssue({ code: "custom", path: ["clusterId"], message: "rfqs.errors.clusterNeedsInvited" });
}

/** The create body without its cross-field rule (the edit form's action extends it with the id). */
export const rfqCreateObject = z.object(rfqFields);
export const rfqCreateSchema = rfqCreateObject.superRefine(clusterNeedsInvited).openapi("RfqInput");
export type RfqCreateInput = z.output<typeof rfqCreateSchema>;

/** PATCH: any subset. Drafts take every field (items replace the list); an open RFQ only a later deadline. */
export const rfqUpdateSchema = z
  .object({
    ...rfqFields,
    requiredCertifications: rfqFields.requiredCertifications.optional(),
    sealed: booleanish.optional(),
    visibility: z.enum(RFQ_VISIBILITIES, { error: "errors.field.invalidChoice" }).optional(),
  })
  .partial()
  .openapi("RfqPatch");
export type RfqUpdateInput = z.output<typeof rfqUpdateSchema>;

export const rfqIdSchema = z.string().trim().min(1).max(64);

export const extendSchema = z.object({ deadline: deadlineSchema }).openapi("RfqExtend");
export const cancelSchema = z.object({ reason: text(5, 1000) }).openapi("RfqCancel");
export const invitationsSchema = z
  .object({
    supplierIds: z.preprocess(
      stringList,
      z
        .array(z.string().trim().min(1).max(64), { error: "rfqs.errors.suppliersRequired" })
        .min(1, "rfqs.errors.suppliersRequired")
        .max(200, "rfqs.errors.tooManySuppliers"),
    ),
  })
  .openapi("RfqInvitations");
export const questionSchema = z.object({ question: text(5, 2000) }).openapi("ClarificationQuestion");
export const answerSchema = z.object({ answer: text(2, 4000) }).openapi("ClarificationAnswer");

const csv = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

/** Filters of the RFQ board and GET /api/v1/rfqs. */
export const rfqListQuery = z.object({
  status: z.preprocess(blank, z.enum(RFQ_STATUSES, { error: "errors.field.invalidChoice" }).optional()),
  q: z.preprocess(blank, z.string().trim().max(200, "errors.field.tooLong").optional()),
  kbli: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\d{2,5}$/, "errors.field.kbli")
      .optional(),
  ),
  province: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\d{2}$/, "errors.field.region")
      .optional(),
  ),
  /** Deadline on or before this date/time (YYYY-MM-DD means the end of that day, WIB). */
  deadlineBefore: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .transform((s, ctx) => {
        const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T23:59:59.999+07:00`) : new Date(s);
        // issue 11: a date PostgreSQL cannot compare (year 0000, -271821) was a 500; RFQs live in 2000–2100
        if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100) {
          ctx.addIssue({ code: "custom", message: "errors.field.date" });
          return z.NEVER;
        }
        return d;
      })
      .optional(),
  ),
  certification: z.preprocess(csv, z.array(z.enum(CERTIFICATION_TYPES, { error: "errors.field.invalidChoice" })).optional()),
});
export type RfqListQuery = z.output<typeof rfqListQuery>;

/** The /rfq page's status tabs: an unknown status shows every RFQ (a link, not a form: no error to show). */
export const rfqListFilterSchema = z.object({
  status: z.enum(RFQ_STATUSES).optional().catch(undefined),
});
export type RfqListFilter = z.infer<typeof rfqListFilterSchema>;
