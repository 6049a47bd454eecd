// Input schemas of the regional governments' pages and API (issue 12, docs/decisions/0023-regional-governments.md):
// a region code, the flagship products a government tags, the follow-up list's filter. Messages are i18n keys.
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";

/** A province ("32") or a regency ("32.04") code of the reference tables (existence is checked in lib/regions). */
export const regionCodeSchema = z
  .string({ error: "errors.field.region" })
  .trim()
  .regex(/^\d{2}(\.\d{2})?$/, "errors.field.region");

/** The follow-up list's kinds (one CSV with all, or one kind). */
export const FOLLOW_UP_KINDS = ["nib", "halal", "certificate"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const regionQuerySchema = z.object({
  wilayah: z.preprocess(blankToUndefined, regionCodeSchema.optional()),
  jenis: z.preprocess(blankToUndefined, z.enum(FOLLOW_UP_KINDS, { error: "errors.field.invalidChoice" }).optional()),
});

/** At most this many words per flagship product, and flagship products per government. */
const MAX_FLAGSHIP_WORDS = 10;
export const MAX_FLAGSHIPS = 50;

/**
 * "batik tulis, cap" → ["batik tulis", "cap"]: comma- or newline-separated phrases, lower-cased, trimmed,
 * 2–40 characters each, duplicates dropped. An array is accepted as well (the API).
 */
const keywordsSchema = z.preprocess(
  (v) => {
    const parts = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[,\n;]/) : v === undefined || v === null ? [] : v;
    if (!Array.isArray(parts)) return parts;
    const words = parts.map((p) => (typeof p === "string" ? p.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase() : p));
    return [...new Set(words.filter((w) => w !== ""))];
  },
  z
    .array(z.string().min(2, "regions.flagship.errors.wordLength").max(40, "regions.flagship.errors.wordLength"), {
      error: "regions.flagship.errors.words",
    })
    .max(MAX_FLAGSHIP_WORDS, "regions.flagship.errors.tooManyWords"),
);

export const flagshipInputSchema = z.object({
  name: z
    .string({ error: "errors.field.required" })
    .trim()
    .min(2, emptyIsRequired("errors.field.tooShort"))
    .max(120, "errors.field.tooLong"),
  /** A KBLI 2020 code of 2 to 5 digits: a division ("10"), group ("107"), class ("1079") or subclass ("10792"). */
  kbliCode: z
    .string({ error: "errors.field.required" })
    .trim()
    .regex(/^\d{2,5}$/, "regions.flagship.errors.kbli"),
  keywords: keywordsSchema,
});
export type FlagshipInput = z.output<typeof flagshipInputSchema>;

export const flagshipUpdateSchema = flagshipInputSchema.extend({ id: z.string().min(1).max(100) });
export const flagshipDeleteSchema = z.object({ id: z.string({ error: "errors.field.required" }).min(1).max(100) });
