// The supplier directory: search, filters, sorting and keyset pagination over the trigger-maintained
// "SupplierSearch" documents (docs/decisions/0006-directory-search.md). Public: no actor needed, and only
// what the public directory shows leaves this module. Serves /pemasok and GET /api/v1/suppliers; typo
// correction is ./spelling.ts, the result rows ./search-hits.ts, a supplier's public page ./directory-profile.ts.
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
import { Prisma, readReplica } from "@/lib/db";
import type { CertificationType } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { jakartaToday, toHit, UNTIL_COLUMN, type HitRow, type SupplierHit } from "./search-hits";
import { buildTsQuery, buildTsQueryGroups, queryWords, type DirectorySort, type SupplierSearchQuery } from "./search-query";
import { correctWords, suggestCompletions } from "./spelling";
import { flagshipBadges, matchesAnyFlagship } from "@/lib/regions/flagship";

type Queryable = Pick<Prisma.TransactionClient, "$queryRaw">;

/** How many suppliers, in (verified DESC, id) order, a relevance band looks at before ranking in full. */
const BAND_WINDOW = 2_000;
const bandWindowSource = (size: number) =>
  Prisma.sql`(SELECT * FROM "SupplierSearch" ORDER BY verified DESC, "organizationId" LIMIT ${size})`;
/** The same order as `v DESC, id ASC`, written so that no index can provide it. */
const BAND_ORDER_UNINDEXED = Prisma.sql`(v OR false) DESC, (id || '') ASC`;

/** Matches are counted up to this many; beyond it the page says "more than 1,000" (counting all costs speed). */
const TOTAL_CAP = 1_000;

export interface SupplierSearchPage {
  data: SupplierHit[];
  nextCursor: string | null;
  /** How the query's words were read: corrections made and words that matched nothing (ignored). */
  interpretation: { corrections: { word: string; to: string[] }[]; ignored: string[] };
  /**
   * True when no supplier matched every word of the query, so these are the suppliers matching SOME of them,
   * those matching the most words first (the "any word" fallback; its pages keep it through their cursors).
   */
  partialMatch: boolean;
  /** How many suppliers match (all pages): `count` exactly, or TOTAL_CAP with `capped` when there are more. */
  total: { count: number; capped: boolean };
  /** Only when asked for (`suggest`): vocabulary words the query's last word may be the start of ("bat" → "batik"). */
  suggestions: string[];
}

const CURSORS = {
  relevance: z.tuple([z.literal("r"), z.number().int(), z.string().min(1)]),
  /** The any-word fallback (always ranked by how many words match). */
  anyWord: z.tuple([z.literal("a"), z.number().int(), z.string().min(1)]),
  name: z.tuple([z.literal("n"), z.string(), z.string().min(1)]),
  newest: z.tuple([z.literal("c"), cursorInstant, z.string().min(1)]),
};

/**
 * One page of suppliers matching the query. Sort "relevance" needs words to rank by; without them it
 * sorts by name. When several words find nobody together, the suppliers matching any of them, ranked by how
 * many they match (`partialMatch`). Throws invalid_input for a cursor that is not from the same sort.
 */
export async function searchSuppliers(
  query: SupplierSearchQuery,
  opts: {
    today?: string;
    /** tests: a smaller relevance band window */ bandWindow?: number;
    /** tests: a smaller cap on the total */ totalCap?: number;
    /** Also suggest completions of the query's last word (the /pemasok page; the API does not ask). */
    suggest?: boolean;
  } = {},
): Promise<SupplierSearchPage> {
  const today = opts.today ?? jakartaToday();
  const limits = { bandWindow: opts.bandWindow ?? BAND_WINDOW, totalCap: opts.totalCap ?? TOTAL_CAP };
  const words = queryWords(query.q);
  const [page, suggestions] = await Promise.all([
    searchWithin(readReplica(), query, words, today, limits),
    opts.suggest && words.length ? suggestCompletions(words[words.length - 1]) : Promise.resolve([]),
  ]);
  return { ...page, suggestions };
}

async function searchWithin(
  tx: Queryable,
  query: SupplierSearchQuery,
  words: string[],
  today: string,
  limits: Limits,
): Promise<Omit<SupplierSearchPage, "suggestions">> {
  const first = await searchOnce(tx, query, words, today, limits, isAnyWordCursor(query.cursor));
  // Every word together found nobody (on the first page; later pages of the fallback carry an "a" cursor):
  // the suppliers matching any of them instead, those matching the most words first.
  if (!first.partialMatch && !query.cursor && first.data.length === 0 && first.groups > 1)
    return searchOnce(tx, query, words, today, limits, true).then(({ groups: _g, ...p }) => p);
  const { groups: _groups, ...page } = first;
  return page;
}

interface Limits {
  bandWindow: number;
  totalCap: number;
}

/** Is this a cursor of the any-word fallback? (A malformed one is left to decodeSortCursor to refuse.) */
function isAnyWordCursor(cursor: string | undefined): boolean {
  if (!cursor) return false;
  try {
    return decodeCursor(cursor, CURSORS.anyWord) !== null;
  } catch {
    return false;
  }
}

async function searchOnce(
  tx: Queryable,
  query: SupplierSearchQuery,
  words: string[],
  today: string,
  { bandWindow, totalCap }: Limits,
  anyWord: boolean,
): Promise<Omit<SupplierSearchPage, "suggestions"> & { groups: number }> {
  const limit = query.limit;

  // 1. words → tsquery
  const alternatives = await correctWords(words, tx);
  const usable = alternatives.filter((a) => a.known || a.corrections.length > 0);
  const interpretation = {
    corrections: alternatives.filter((a) => !a.known && a.corrections.length > 0).map((a) => ({ word: a.word, to: a.corrections })),
    ignored: alternatives.filter((a) => !a.known && a.corrections.length === 0).map((a) => a.word),
  };
  const groups = buildTsQueryGroups(usable);
  const tsq = anyWord ? (groups.length ? groups.join(" | ") : null) : buildTsQuery(usable);
  const none = {
    data: [],
    nextCursor: null,
    interpretation,
    partialMatch: anyWord,
    total: { count: 0, capped: false },
    groups: groups.length,
  };
  if (alternatives.length > 0 && !tsq) return none;

  let sort: DirectorySort = query.sort ?? "relevance";
  // The fallback is ranked by how many words match, whatever the sort asked for.
  if (anyWord) sort = "relevance";
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
  if (query.flagship) where.push(matchesAnyFlagship("s"));
  if (query.siteId) where.push(Prisma.sql`s."organizationId" IN (SELECT o.id FROM "Organization" o WHERE o."siteId" = ${query.siteId})`);
  const certs = new Set<CertificationType>(query.certification ?? []);
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
  // The any-word fallback ranks first by how many words match (× 100: more than the rest can add up to,
  // at most 8 words × 6 × 2 + 1 = 97).
  const groupQuery = (g: string) => Prisma.sql`to_tsquery('simple'::regconfig, ${g}::text)`;
  const wordsMatched = anyWord
    ? Prisma.sql`(${Prisma.join(
        groups.map((g) => Prisma.sql`coalesce(s.document @@ ${groupQuery(g)}, false)::int`),
        " + ",
      )}) * 100 + `
    : Prisma.empty;
  const score = tsquery
    ? Prisma.sql`${wordsMatched}(${Prisma.join(
        groups.map((g) => {
          const gq = groupQuery(g);
          return Prisma.sql`(s."nameVector" @@ ${gq})::int * 4 + (s."productVector" @@ ${gq})::int * 2`;
        }),
        " + ",
      )}) * 2 + s.verified::int`
    : Prisma.sql`NULL::int`;
  // What the total counts: the filters and the words, not the cursor.
  const counted = [...where];
  let order: Prisma.Sql;
  let after: Prisma.Sql | null = null;
  if (sort === "relevance") {
    order = Prisma.sql`score DESC, id ASC`;
    const c = anyWord ? decodeSortCursor(query.cursor, CURSORS.anyWord) : decodeSortCursor(query.cursor, CURSORS.relevance);
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

  // Counted next to the page (a second connection on PostgreSQL), up to one more than the cap: a bounded
  // index walk even for the commonest word, where a full count would read every match.
  const totalRow = tx.$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "SupplierSearch" s WHERE ${counted.length ? Prisma.join(counted, " AND ") : Prisma.sql`true`} LIMIT ${totalCap + 1}
    ) c`);
  void totalRow.catch(() => undefined); // starts it now (Prisma's promises are lazy); awaited below

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
        ? encodeCursor([anyWord ? "a" : "r", Number(last.score), last.id])
        : sort === "name"
          ? encodeCursor(["n", last.nameSort, last.id])
          : encodeCursor(["c", new Date(last.createdAt).toISOString(), last.id]);
  }
  const [badges, [{ n }]] = await Promise.all([flagshipBadges(pageRows.map((r) => r.id)), totalRow]);
  return {
    data: pageRows.map((r) => ({ ...toHit(r, today), flagships: badges.get(r.id) ?? [] })),
    nextCursor,
    interpretation,
    partialMatch: anyWord,
    total: { count: Math.min(n, totalCap), capped: n > totalCap },
    groups: groups.length,
  };
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
