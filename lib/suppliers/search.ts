// The supplier directory: search, filters, sorting and keyset pagination over the trigger-maintained
// "SupplierSearch" documents (docs/decisions/0006-directory-search.md). Public: no actor needed, and only
// what the public directory shows leaves this module. Serves /suppliers, /suppliers/[id] and
// GET /api/v1/suppliers.
//
//   const page = await searchSuppliers(supplierSearchQuery.parse({ q: "btik tulis", province: "33" }));
//   page.data[0].matchedProduct?.name   // "Kain batik tulis …"
//   page.nextCursor                      // pass back as ?cursor= for the next page
//
// A search is two round trips: typo correction of the query's words against "SearchTerm", then one
// statement that filters, ranks, pages and joins the page's region names and best-matching product.
import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor, cursorInstant } from "@/lib/api/pagination";
import { db, Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import {
  buildTsQuery,
  buildTsQueryGroups,
  CERTIFICATION_TYPES,
  PREFIX_MIN_LENGTH,
  queryWords,
  type CertificationTypeName,
  type DirectorySizeClass,
  type DirectorySort,
  type SupplierSearchQuery,
  type WordAlternatives,
} from "./search-query";

export * from "./search-query";

/** How many typo corrections one unknown word may expand to. */
const MAX_CORRECTIONS = 4;
/** How many nearest vocabulary words (trigram distance) are fetched per unknown word, re-ranked by edit distance. */
const CORRECTION_CANDIDATES = 12;

type Queryable = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring
 * letters each cost 1 ("btaik" → "batik": 1).
 */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** Typos tolerated in a word of this length: 1 up to 5 letters, 2 up to 9, else 3. */
const maxTypos = (length: number) => (length <= 5 ? 1 : length <= 9 ? 2 : 3);

/**
 * The corrections of one unknown word from its trigram-similar candidates (best similarity first): those
 * at the smallest edit distance within maxTypos; when none is that close, the trigram best (similarity
 * ≥ 0.3 and within 0.1 of the best), as before.
 */
export function pickCorrections(word: string, candidates: readonly { term: string; sim: number }[]): string[] {
  const scored = candidates.map((c) => ({ ...c, d: editDistance(word, c.term) }));
  const close = scored.filter((c) => c.d <= maxTypos(word.length));
  if (close.length) {
    const best = Math.min(...close.map((c) => c.d));
    return close.filter((c) => c.d === best).slice(0, MAX_CORRECTIONS).map((c) => c.term);
  }
  const top = scored.filter((c) => c.sim >= 0.3);
  if (!top.length) return [];
  const bestSim = Math.max(...top.map((c) => c.sim));
  return top.filter((c) => c.sim >= bestSim - 0.1).slice(0, MAX_CORRECTIONS).map((c) => c.term);
}

/** How many suppliers, in (verified DESC, id) order, a relevance band looks at before ranking in full. */
const BAND_WINDOW = 2_000;
const bandWindowSource = (size: number) => Prisma.sql`(SELECT * FROM "SupplierSearch" ORDER BY verified DESC, "organizationId" LIMIT ${size})`;
/** The same order as `v DESC, id ASC`, written so that no index can provide it. */
const BAND_ORDER_UNINDEXED = Prisma.sql`(v OR false) DESC, (id || '') ASC`;

export interface SupplierHit {
  id: string;
  name: string;
  sizeClass: DirectorySizeClass | null;
  province: { code: string; name: string } | null;
  regency: { code: string; name: string } | null;
  /** KBLI 2020 codes of the supplier and its active products. */
  kbli: string[];
  /** Certificates held and valid today: the latest end date per type (null: no end date). */
  certifications: { type: CertificationTypeName; validUntil: string | null }[];
  verified: boolean;
  productCount: number;
  /** With a text query: the supplier's product that matches it best. */
  matchedProduct: { id: string; name: string } | null;
}

export interface SupplierSearchPage {
  data: SupplierHit[];
  nextCursor: string | null;
  /** How the query's words were read: corrections made and words that matched nothing (ignored). */
  interpretation: { corrections: { word: string; to: string[] }[]; ignored: string[] };
}

/** Today's date in Indonesia's western time zone (YYYY-MM-DD): certificates are valid through their last day. */
export function jakartaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const NO_END = "9999-12-31";

const UNTIL_COLUMN: Record<CertificationTypeName, string> = {
  halal: "halalUntil",
  sni: "sniUntil",
  iso9001: "iso9001Until",
  tkdn: "tkdnUntil",
  other: "otherUntil",
};

// ---------------------------------------------------------------------------------------------------------
// Typo correction
// ---------------------------------------------------------------------------------------------------------

interface CorrectionRow {
  word: string;
  known: boolean;
  candidates: { term: string; sim: number }[] | null;
  prefixOf: string[] | null;
}

/**
 * For each query word: is it in the vocabulary (as typed, or as a prefix of a word when it is long enough)?
 * If not, its corrections: the nearest vocabulary words by trigram distance (pg_trgm's `<->` on the GiST
 * index of "SearchTerm", no similarity threshold, so swapped letters in a short word — "btaik", 0.2 similar
 * to "batik" — still find it), re-ranked by edit distance (pickCorrections).
 */
export async function correctWords(
  words: readonly string[],
  client: Queryable = db,
  opts: { prefixLexemes?: number } = {},
): Promise<WordAlternatives[]> {
  return correctWithin(client, words, opts.prefixLexemes ?? 0);
}

async function correctWithin(q: Queryable, words: readonly string[], prefixLexemes = 0): Promise<WordAlternatives[]> {
  if (words.length === 0) return [];
  // With prefixLexemes: also the vocabulary words each (long enough) word is a prefix of, at most that many + 1
  // (buildTsQueryGroups may then write the prefix as exact words). "SearchTerm" holds every word of 3 to 40
  // characters of every search document (rantai_search_refresh writes both, in one transaction; the benchmarks'
  // bulk load calls it too), so only a word longer than 40 characters could
  // be matched by the prefix and not by the list. Query words hold letters and digits only, but LIKE's
  // wildcards are escaped all the same.
  const prefixOf =
    prefixLexemes > 0
      ? Prisma.sql`CASE WHEN length(w.word) >= ${PREFIX_MIN_LENGTH} THEN ARRAY(
          SELECT t.term FROM "SearchTerm" t
           WHERE t.term LIKE replace(replace(replace(w.word, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
           ORDER BY t.term LIMIT ${prefixLexemes + 1}) END`
      : Prisma.sql`NULL::text[]`;
  const rows = await q.$queryRaw<CorrectionRow[]>(Prisma.sql`
    SELECT w.word,
           k.known,
           ${prefixOf} AS "prefixOf",
           CASE WHEN k.known OR length(w.word) < 3 THEN NULL ELSE (
             SELECT json_agg(json_build_object('term', c.term, 'sim', c.sim) ORDER BY c.sim DESC, c.term) FROM (
               SELECT n.term, similarity(n.term, w.word) AS sim
                 FROM (SELECT t.term FROM "SearchTerm" t ORDER BY t.term <-> w.word LIMIT ${CORRECTION_CANDIDATES * 2}) n
                WHERE n.term ~ '^[[:alnum:]]+$' AND similarity(n.term, w.word) >= 0.15
                ORDER BY sim DESC, n.term
                LIMIT ${CORRECTION_CANDIDATES}) c) END AS candidates
      FROM unnest(${words as string[]}::text[]) WITH ORDINALITY AS w(word, ord)
      CROSS JOIN LATERAL (
        SELECT EXISTS (SELECT 1 FROM "SearchTerm" t WHERE t.term = w.word)
            OR (length(w.word) >= ${PREFIX_MIN_LENGTH} AND EXISTS (SELECT 1 FROM "SearchTerm" t WHERE t.term LIKE w.word || '%')) AS known
      ) k
     ORDER BY w.ord`);
  return rows.map((r) => ({
    word: r.word,
    known: r.known,
    corrections: r.known ? [] : pickCorrections(r.word, r.candidates ?? []),
    ...(r.prefixOf ? { prefixOf: r.prefixOf } : {}),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------------------

interface HitRow {
  id: string;
  name: string;
  nameSort: string;
  createdAt: Date;
  score: bigint | number | null;
  provinceCode: string | null;
  provinceName: string | null;
  regencyCode: string | null;
  regencyName: string | null;
  sizeClass: string | null;
  verified: boolean;
  kbliCodes: string[] | null;
  halalUntil: string | null;
  sniUntil: string | null;
  iso9001Until: string | null;
  tkdnUntil: string | null;
  otherUntil: string | null;
  productCount: number;
  matchedProductId: string | null;
  matchedProductName: string | null;
}

const CURSORS = {
  relevance: z.tuple([z.literal("r"), z.number().int(), z.string().min(1)]),
  name: z.tuple([z.literal("n"), z.string(), z.string().min(1)]),
  newest: z.tuple([z.literal("c"), cursorInstant, z.string().min(1)]),
};

function toHit(r: HitRow, today: string): SupplierHit {
  const certifications = CERTIFICATION_TYPES.flatMap((type) => {
    const until = r[UNTIL_COLUMN[type] as keyof HitRow] as string | null;
    return until && until >= today ? [{ type, validUntil: until === NO_END ? null : until }] : [];
  });
  return {
    id: r.id,
    name: r.name,
    sizeClass: r.sizeClass === "mikro" || r.sizeClass === "kecil" || r.sizeClass === "menengah" ? r.sizeClass : null,
    province: r.provinceCode ? { code: r.provinceCode, name: r.provinceName ?? r.provinceCode } : null,
    regency: r.regencyCode ? { code: r.regencyCode, name: r.regencyName ?? r.regencyCode } : null,
    kbli: r.kbliCodes ?? [],
    certifications,
    verified: r.verified,
    productCount: Number(r.productCount),
    matchedProduct: r.matchedProductId && r.matchedProductName ? { id: r.matchedProductId, name: r.matchedProductName } : null,
  };
}

/**
 * One page of suppliers matching the query. Sort "relevance" needs words to rank by; without them it
 * sorts by name. Throws invalid_input for a cursor that is not from the same sort.
 */
export async function searchSuppliers(
  query: SupplierSearchQuery,
  opts: { today?: string; /** tests: a smaller relevance band window */ bandWindow?: number } = {},
): Promise<SupplierSearchPage> {
  return searchWithin(db, query, opts.today ?? jakartaToday(), opts.bandWindow ?? BAND_WINDOW);
}

async function searchWithin(tx: Queryable, query: SupplierSearchQuery, today: string, bandWindow: number): Promise<SupplierSearchPage> {
  const limit = query.limit;

  // 1. words → tsquery
  const alternatives = await correctWithin(tx, queryWords(query.q));
  const usable = alternatives.filter((a) => a.known || a.corrections.length > 0);
  const interpretation = {
    corrections: alternatives.filter((a) => !a.known && a.corrections.length > 0).map((a) => ({ word: a.word, to: a.corrections })),
    ignored: alternatives.filter((a) => !a.known && a.corrections.length === 0).map((a) => a.word),
  };
  const tsq = buildTsQuery(usable);
  const groups = buildTsQueryGroups(usable);
  if (alternatives.length > 0 && !tsq) return { data: [], nextCursor: null, interpretation };

  let sort: DirectorySort = query.sort ?? "relevance";
  if (sort === "relevance" && !tsq) sort = "name";

  // 2. filters
  const tsquery = tsq ? Prisma.sql`to_tsquery('simple'::regconfig, ${tsq}::text)` : null;
  const where: Prisma.Sql[] = [];
  const textMatch = tsquery ? Prisma.sql`s.document @@ ${tsquery}` : null;
  if (textMatch) where.push(textMatch);
  if (query.kbli) where.push(Prisma.sql`s."kbliPrefixes" @> ARRAY[${query.kbli}::text]`);
  if (query.province) where.push(Prisma.sql`s."provinceCode" = ${query.province}`);
  if (query.regency) where.push(Prisma.sql`s."regencyCode" = ${query.regency}`);
  if (query.sizeClass) where.push(Prisma.sql`s."sizeClass" = ${query.sizeClass}::"SizeClass"`);
  if (query.verified) where.push(Prisma.sql`s.verified`);
  const certs = new Set<CertificationTypeName>(query.certification ?? []);
  if (query.minTkdn !== undefined) certs.add("tkdn");
  for (const type of certs) where.push(Prisma.sql`s.${Prisma.raw(`"${UNTIL_COLUMN[type]}"`)} >= ${today}::date`);
  if (query.minTkdn !== undefined) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Certification" c
      WHERE c."organizationId" = s."organizationId" AND c.type = 'tkdn' AND c."verificationStatus" <> 'returned'
        AND coalesce(c."validUntil", DATE '9999-12-31') >= ${today}::date AND c."tkdnPercent" >= ${query.minTkdn}
      -- OFFSET 0: checked per candidate (already narrowed by "tkdnUntil"), not as a join over every valid
      -- TKDN certificate in the country (7,000 primary-key lookups per search in the benchmark)
      OFFSET 0)`);
  }

  // 3. order and cursor
  // Relevance: per query word, 4 when the supplier's name has it, 2 when a product name has it (else it
  // matched the description, KBLI titles or region: 0); verified suppliers first among equals. Cheap
  // booleans on two small in-row vectors, so ranking thousands of matches of a common word stays fast.
  const score = tsquery
    ? Prisma.sql`(${Prisma.join(
        groups.map((g) => {
          const gq = Prisma.sql`to_tsquery('simple'::regconfig, ${g}::text)`;
          return Prisma.sql`(s."nameVector" @@ ${gq})::int * 4 + (s."productVector" @@ ${gq})::int * 2`;
        }),
        " + ",
      )}) * 2 + s.verified::int`
    : Prisma.sql`NULL::int`;
  let order: Prisma.Sql;
  let after: Prisma.Sql | null = null;
  if (sort === "relevance") {
    order = Prisma.sql`score DESC, id ASC`;
    const c = decodeSortCursor(query.cursor, CURSORS.relevance);
    if (c) after = Prisma.sql`(score < ${c[1]} OR (score = ${c[1]} AND id > ${c[2]}))`;
  } else if (sort === "name") {
    order = Prisma.sql`"nameSort" ASC, id ASC`;
    const c = decodeSortCursor(query.cursor, CURSORS.name);
    if (c) where.push(Prisma.sql`(s."nameSort", s."organizationId") > (${c[1]}, ${c[2]})`);
  } else {
    order = Prisma.sql`"createdAt" DESC, id DESC`;
    const c = decodeSortCursor(query.cursor, CURSORS.newest);
    if (c) where.push(Prisma.sql`(s."createdAt", s."organizationId") < (${new Date(c[1])}, ${c[2]})`);
  }

  const matched = tsquery
    ? Prisma.sql`LEFT JOIN LATERAL (
        SELECT p.id, p.name FROM "Product" p
         WHERE p."supplierId" = y.id AND p."archivedAt" IS NULL
           AND to_tsvector('simple', p.name || ' ' || coalesce(p.description, '')) @@ ${tsquery}
         -- a product whose name matches before one whose description does; then the newest (cheap: the
         -- ts_rank of every product of every supplier on the page cost more than the rest of the search)
         ORDER BY to_tsvector('simple', p.name) @@ ${tsquery} DESC, p."createdAt" DESC, p.id
         LIMIT 1) mp ON true`
    : Prisma.sql`LEFT JOIN LATERAL (SELECT NULL::text AS id, NULL::text AS name) mp ON true`;

  const date = (col: string) => Prisma.raw(`to_char(d."${col}", 'YYYY-MM-DD') AS "${col}"`);
  const fetchPage = (conditions: Prisma.Sql[], pageOrder: Prisma.Sql, take: number, source: Prisma.Sql = Prisma.sql`"SupplierSearch"`) =>
    tx.$queryRaw<HitRow[]>(Prisma.sql`
    SELECT y.id, y."nameSort", y."createdAt", y.score, d.name,
           d."provinceCode", d."regencyCode", d."sizeClass"::text AS "sizeClass", d.verified, d."kbliCodes",
           ${date("halalUntil")}, ${date("sniUntil")}, ${date("iso9001Until")}, ${date("tkdnUntil")}, ${date("otherUntil")},
           d."productCount", r.name AS "regencyName", pv.name AS "provinceName", mp.id AS "matchedProductId", mp.name AS "matchedProductName"
      FROM (
        -- Rank and page on the narrowest rows (id, sort keys, score); the page's display columns come after.
        SELECT x.* FROM (
          SELECT s."organizationId" AS id, s."nameSort", s."createdAt", s.verified AS v, ${score} AS score
            FROM ${source} s
           WHERE ${conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`true`}
        ) x
         WHERE ${after ?? Prisma.sql`true`}
         ORDER BY ${pageOrder}
         LIMIT ${take}
      ) y
      JOIN "SupplierSearch" d ON d."organizationId" = y.id
      LEFT JOIN "Regency" r ON r.code = d."regencyCode"
      LEFT JOIN "Province" pv ON pv.code = d."provinceCode"
      ${matched}
     ORDER BY ${order}`);

  let rows: HitRow[];
  if (sort === "relevance" && tsquery && groups.length === 1) {
    // One word (with its corrections): the score is 8 or more with the word in the name, 4–5 with it only
    // in a product name, 0–1 otherwise — three disjoint bands, fetched best band first until the page is
    // full. The first band comes from the name vector's GIN index (usually small); in the others the score
    // is just "verified", so they are read in (verified DESC, id) order and stop at the page's end instead
    // of ranking every supplier that mentions a common word (15% of them for "kain").
    // (the bare `@@` of the first band is what lets the planner use the name vector's index)
    const inName = Prisma.sql`s."nameVector" @@ ${tsquery}`;
    const notInName = Prisma.sql`NOT coalesce(s."nameVector" @@ ${tsquery}, false)`;
    const inProducts = Prisma.sql`coalesce(s."productVector" @@ ${tsquery}, false)`;
    const bandOrder = Prisma.sql`v DESC, id ASC`;
    // The name vector is part of the document, so the first band needs no document match (its own index is
    // the narrower one); the others keep it, so that with selective filters the planner can combine indexes.
    const filters = where.filter((w) => w !== textMatch);
    const bands: [Prisma.Sql[], Prisma.Sql][] = [
      [[...filters, inName], order],
      [[...where, notInName, inProducts], bandOrder],
      [[...where, notInName, Prisma.sql`NOT ${inProducts}`], bandOrder],
    ];
    rows = [];
    for (const [i, [conditions, bandOrderBy]] of bands.entries()) {
      const take = limit + 1 - rows.length;
      if (i === 0) {
        rows.push(...(await fetchPage(conditions, bandOrderBy, take)));
      } else {
        // Bands 2 and 3 in (verified DESC, id) order: first among the first BAND_WINDOW suppliers of that
        // order only — a bounded index walk. Whatever matches there precedes every match after it, so when
        // it fills the page it is exactly the page. When it does not (a rare word, or selective filters), the
        // band is ranked in full, with sort keys the index cannot serve, so the planner fetches the (few)
        // matches through the GIN index instead of walking all 100,000 suppliers in index order.
        const windowed = await fetchPage(conditions, bandOrderBy, take, bandWindowSource(bandWindow));
        rows.push(...(windowed.length >= take ? windowed : await fetchPage(conditions, BAND_ORDER_UNINDEXED, take)));
      }
      if (rows.length > limit) break;
    }
  } else {
    rows = await fetchPage(where, order, limit + 1);
  }

  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  let nextCursor: string | null = null;
  if (more && last) {
    nextCursor =
      sort === "relevance"
        ? encodeCursor(["r", Number(last.score), last.id])
        : sort === "name"
          ? encodeCursor(["n", last.nameSort, last.id])
          : encodeCursor(["c", new Date(last.createdAt).toISOString(), last.id]);
  }
  return { data: pageRows.map((r) => toHit(r, today)), nextCursor, interpretation };
}

function decodeSortCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.output<S> | null {
  if (!cursor) return null;
  try {
    return decodeCursor(cursor, schema);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError("invalid_input", "errors.invalidCursor", { cursor: ["errors.field.cursor"] });
  }
}

// ---------------------------------------------------------------------------------------------------------
// A supplier's public page (/suppliers/[id])
// ---------------------------------------------------------------------------------------------------------

export interface DirectoryProfile {
  hit: SupplierHit;
  description: string | null;
  employees: number | null;
  foundedYear: number | null;
  kbli: { code: string; titleId: string; titleEn: string | null }[];
  certificates: { id: string; type: CertificationTypeName; name: string | null; issuer: string | null; validUntil: string | null; tkdnPercent: string | null; verified: boolean }[];
}

/** What the directory shows about one supplier (null when it is not in the directory). */
export async function getDirectoryProfile(id: string, opts: { today?: string } = {}): Promise<DirectoryProfile | null> {
  const today = opts.today ?? jakartaToday();
  const doc = await db.supplierSearch.findUnique({ where: { organizationId: id }, select: { organizationId: true, name: true, nameSort: true, createdAt: true } });
  if (!doc) return null;
  // The card fields come from the same query the search runs, so the page and the list always agree.
  const [hitPage, profile, certificates] = await Promise.all([
    searchSuppliersByIds([id], today),
    db.supplierProfile.findUnique({ where: { organizationId: id }, select: { description: true, employees: true, foundedYear: true } }),
    db.certification.findMany({
      where: { organizationId: id, verificationStatus: { not: "returned" }, OR: [{ validUntil: null }, { validUntil: { gte: new Date(`${today}T00:00:00Z`) } }] },
      select: { id: true, type: true, name: true, issuer: true, validUntil: true, tkdnPercent: true, verificationStatus: true },
      orderBy: [{ type: "asc" }, { validUntil: "desc" }],
    }),
  ]);
  const hit = hitPage[0];
  if (!hit) return null;
  const kbli = await db.kbliCode.findMany({ where: { version: "2020", code: { in: hit.kbli } }, select: { code: true, titleId: true, titleEn: true }, orderBy: { code: "asc" } });
  return {
    hit,
    description: profile?.description ?? null,
    employees: profile?.employees ?? null,
    foundedYear: profile?.foundedYear ?? null,
    kbli,
    certificates: certificates.map((c) => ({
      id: c.id,
      type: c.type,
      name: c.name,
      issuer: c.issuer,
      validUntil: c.validUntil ? c.validUntil.toISOString().slice(0, 10) : null,
      tkdnPercent: c.tkdnPercent ? c.tkdnPercent.toString() : null,
      verified: c.verificationStatus === "verified",
    })),
  };
}

async function searchSuppliersByIds(ids: string[], today: string): Promise<SupplierHit[]> {
  const date = (col: string) => Prisma.raw(`to_char(s."${col}", 'YYYY-MM-DD') AS "${col}"`);
  const rows = await db.$queryRaw<HitRow[]>(Prisma.sql`
    SELECT s."organizationId" AS id, s.name, s."nameSort", s."createdAt", NULL::int AS score,
           s."provinceCode", pv.name AS "provinceName", s."regencyCode", r.name AS "regencyName",
           s."sizeClass"::text AS "sizeClass", s.verified, s."kbliCodes",
           ${date("halalUntil")}, ${date("sniUntil")}, ${date("iso9001Until")}, ${date("tkdnUntil")}, ${date("otherUntil")},
           s."productCount", NULL::text AS "matchedProductId", NULL::text AS "matchedProductName"
      FROM "SupplierSearch" s
      LEFT JOIN "Regency" r ON r.code = s."regencyCode"
      LEFT JOIN "Province" pv ON pv.code = s."provinceCode"
     WHERE s."organizationId" = ANY (${ids}::text[])`);
  return rows.map((r) => toHit(r, today));
}
