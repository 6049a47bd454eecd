// The supplier directory's query: one zod schema for the /pemasok page and GET /api/v1/suppliers, and the
// pure text handling behind the search (words, stop words, the tsquery). No database here; see
// lib/suppliers/search.ts and docs/decisions/0006-directory-search.md. Client-safe (the search form uses it).
import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination";
import { CERTIFICATION_TYPES, SIZE_CLASSES } from "@/lib/enums";

/** The size classes the directory shows: every UMKM class ("besar" businesses are not in the directory). */
const directorySizeClass = z.enum(SIZE_CLASSES).exclude(["besar"]);
export const DIRECTORY_SIZE_CLASSES = directorySizeClass.options;
export const DIRECTORY_SORTS = ["relevance", "name", "newest"] as const;

export type DirectorySizeClass = z.infer<typeof directorySizeClass>;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

/** Query-string values: "" means "not given" (HTML forms send empty selects). */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

/** "halal,sni", or the parameter repeated (?certification=halal&certification=sni). */
const listOf = (v: unknown) => {
  const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(",") : [x]));
  const clean = parts.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "" && x !== undefined);
  return clean.length ? clean : undefined;
};

export const supplierSearchQuery = z.object({
  q: optional(z.string().trim().max(200, "errors.field.tooLong")),
  /** A KBLI section letter (A–U) or a 2- to 5-digit KBLI 2020 code: suppliers with a code under it. */
  kbli: optional(
    z
      .string()
      .trim()
      .regex(/^([A-Ua-u]|\d{2,5})$/, "errors.field.kbli")
      .transform((s) => s.toUpperCase()),
  ),
  province: optional(
    z
      .string()
      .trim()
      .regex(/^\d{2}$/, "errors.field.region"),
  ),
  regency: optional(
    z
      .string()
      .trim()
      .regex(/^\d{2}\.\d{2}$/, "errors.field.region"),
  ),
  sizeClass: optional(z.enum(DIRECTORY_SIZE_CLASSES, { error: "errors.field.invalidChoice" })),
  /** Every listed type must be held and valid today. */
  certification: z.preprocess(
    listOf,
    z
      .array(z.enum(CERTIFICATION_TYPES, { error: "errors.field.invalidChoice" }))
      .max(CERTIFICATION_TYPES.length, "errors.field.invalidChoice")
      .optional(),
  ),
  /** A valid TKDN certificate with at least this percentage. */
  minTkdn: optional(z.coerce.number({ error: "errors.field.percent" }).min(0, "errors.field.percent").max(100, "errors.field.percent")),
  /** true: verified suppliers only; false or absent: all. */
  verified: optional(
    z.enum(["true", "false", "1", "0"], { error: "errors.field.invalidChoice" }).transform((v) => v === "true" || v === "1"),
  ),
  /** true: UMKM matching a flagship product of their region (produk unggulan daerah, lib/regions/flagship.ts). */
  flagship: optional(
    z.enum(["true", "false", "1", "0"], { error: "errors.field.invalidChoice" }).transform((v) => v === "true" || v === "1"),
  ),
  sort: optional(z.enum(DIRECTORY_SORTS, { error: "errors.field.invalidChoice" })),
  /** Suppliers on this industrial estate / UMKM centre (issue 12; Organization.siteId). */
  siteId: optional(
    z
      .string()
      .trim()
      .max(64, "errors.field.invalid")
      .regex(/^[A-Za-z0-9_-]+$/, "errors.field.invalid"),
  ),
  limit: paginationQuery.shape.limit,
  cursor: paginationQuery.shape.cursor,
});
export type SupplierSearchQuery = z.output<typeof supplierSearchQuery>;
export type SupplierSearchInput = z.input<typeof supplierSearchQuery>;

// ---------------------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------------------

/**
 * Words that carry no meaning in a buyer's query (Indonesian function words, and a few English ones). They
 * are dropped from the query only: documents keep them, so a query of only stop words finds everything.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  "dan",
  "atau",
  "yang",
  "untuk",
  "dari",
  "di",
  "ke",
  "dengan",
  "pada",
  "dalam",
  "oleh",
  "ini",
  "itu",
  "juga",
  "serta",
  "para",
  "sebagai",
  "akan",
  "bagi",
  "per",
  "tanpa",
  "ada",
  "adalah",
  "cari",
  "jual",
  "pemasok",
  "supplier",
  "the",
  "and",
  "or",
  "of",
  "for",
  "with",
  "in",
]);

const MAX_QUERY_WORDS = 8;

/** Lower-case words of letters and digits (accents removed), without stop words, at most MAX_QUERY_WORDS. */
export function queryWords(q: string | null | undefined): string[] {
  if (!q) return [];
  const words = q
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w.length <= 40 && !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/** Words shorter than this match exactly; longer ones also as prefixes ("jahit" finds "jahitan"). */
export const PREFIX_MIN_LENGTH = 4;

/** One query word and the vocabulary words it may stand for (closest first). */
export interface WordAlternatives {
  word: string;
  /** In the vocabulary as typed. */
  known: boolean;
  /** Vocabulary words similar to an unknown word (typo corrections). */
  corrections: string[];
  /**
   * Only when asked for (correctWords' `prefixLexemes`): the vocabulary words starting with a word of at least
   * PREFIX_MIN_LENGTH letters, at most that many plus one (more than that many: too many to list).
   */
  prefixOf?: string[];
}

const LEXEME = /^[\p{L}\p{N}]+$/u;
const quoteLexeme = (w: string) => `'${w.replace(/'/g, "''")}'`;

/**
 * One tsquery text per query word (for to_tsquery('simple', …)): the word as typed, as a prefix when long
 * enough, or one of its corrections. With `maxPrefixLexemes`, a prefix whose vocabulary words are known
 * (`prefixOf`, at most that many) is written as those exact words instead: the same documents match, but a
 * GIN index looks exact words up directly and can skip through them, where a prefix reads every posting of
 * every word it covers (several times slower for common words).
 */
export function buildTsQueryGroups(words: readonly WordAlternatives[], maxPrefixLexemes = 0): string[] {
  return words.map(({ word, corrections, prefixOf }) => {
    const prefix = word.length >= PREFIX_MIN_LENGTH;
    const listed =
      prefix &&
      prefixOf !== undefined &&
      prefixOf.length > 0 &&
      prefixOf.length <= maxPrefixLexemes &&
      prefixOf.every((l) => LEXEME.test(l));
    const options = listed ? prefixOf.map(quoteLexeme) : [prefix ? `${quoteLexeme(word)}:*` : quoteLexeme(word)];
    for (const c of corrections) if (c !== word && LEXEME.test(c)) options.push(quoteLexeme(c));
    return options.length === 1 ? options[0] : `(${options.join(" | ")})`;
  });
}

/** The whole query: every word must match (AND). Null when there is nothing to search for. */
export function buildTsQuery(words: readonly WordAlternatives[]): string | null {
  const groups = buildTsQueryGroups(words);
  return groups.length ? groups.join(" & ") : null;
}

// ---------------------------------------------------------------------------------------------------------
// The /pemasok page's query string
// ---------------------------------------------------------------------------------------------------------

type PageParams = Record<string, string | string[] | undefined>;

/**
 * The /pemasok query string → the validated query. The page calls the API's `flagship` filter `unggulan`
 * and `siteId` `kawasan`. An invalid field is dropped (`invalid`), never fatal.
 */
export function parseDirectoryParams(sp: PageParams): { query: SupplierSearchQuery; invalid: boolean } {
  const raw: Record<string, unknown> = { ...sp };
  delete raw.flagship;
  if (sp.unggulan !== undefined) raw.flagship = sp.unggulan;
  delete raw.siteId;
  if (sp.kawasan !== undefined) raw.siteId = sp.kawasan;
  delete raw.kawasan;
  const first = supplierSearchQuery.safeParse(raw);
  if (first.success) return { query: first.data, invalid: false };
  for (const issue of first.error.issues) delete raw[String(issue.path[0])];
  const second = supplierSearchQuery.safeParse(raw);
  return { query: second.success ? second.data : supplierSearchQuery.parse({}), invalid: true };
}

/** A validated query as /pemasok's query string (its own names; no page, cursor or limit). */
export function directoryParams(query: SupplierSearchQuery): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (query.q) out.q = query.q;
  if (query.kbli) out.kbli = query.kbli;
  if (query.province) out.province = query.province;
  if (query.regency) out.regency = query.regency;
  if (query.sizeClass) out.sizeClass = query.sizeClass;
  if (query.certification?.length) out.certification = query.certification;
  if (query.minTkdn !== undefined) out.minTkdn = String(query.minTkdn);
  if (query.verified) out.verified = "true";
  if (query.flagship) out.unggulan = "1";
  if (query.sort) out.sort = query.sort;
  if (query.siteId) out.kawasan = query.siteId;
  return out;
}

/** The longest `cari` (a directory query string carried to a supplier's page) taken back. */
const MAX_CARRIED_QUERY = 1_000;

/**
 * The search a visitor came from, carried to a supplier's page as `?cari=<query string>` so that "Kembali ke
 * pencarian" returns to it: parsed and validated like /pemasok's own, rebuilt from the known fields only
 * (anything else in it is dropped), so it can only ever lead back to /pemasok.
 */
export function carriedDirectoryParams(cari: string | string[] | undefined): Record<string, string | string[]> {
  if (typeof cari !== "string" || cari.length === 0 || cari.length > MAX_CARRIED_QUERY) return {};
  const sp = new Map<string, string[]>(); // a Map: names like __proto__ stay plain keys
  for (const [k, v] of new URLSearchParams(cari)) sp.set(k, [...(sp.get(k) ?? []), v]);
  const single: PageParams = Object.fromEntries([...sp].map(([k, v]) => [k, k === "certification" ? v : v[0]]));
  return directoryParams(parseDirectoryParams(single).query);
}

/** The trail of earlier pages' cursors (`sebelumnya`), for "previous page": at most this many kept. */
export const MAX_PAGE_TRAIL = 20;

/** `sebelumnya` → the cursors of the pages before this one (oldest first); anything malformed → none. */
export function parsePageTrail(v: string | string[] | undefined): string[] {
  if (typeof v !== "string" || v === "" || v.length > 4_000) return [];
  const parts = v.split(".");
  if (parts.length > MAX_PAGE_TRAIL || !parts.every((p) => /^[A-Za-z0-9_-]{1,1024}$/.test(p))) return [];
  return parts;
}
