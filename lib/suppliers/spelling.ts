// Typo correction of query words against the vocabulary of every search document ("SearchTerm", kept by the
// rantai_search_refresh trigger; docs/decisions/0006-directory-search.md). Used by the directory search
// (./search.ts), product search (lib/products) and matching (lib/matching).
import "server-only";
import { Prisma, readReplica } from "@/lib/db";
import { PREFIX_MIN_LENGTH, type WordAlternatives } from "./search-query";

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
    return close
      .filter((c) => c.d === best)
      .slice(0, MAX_CORRECTIONS)
      .map((c) => c.term);
  }
  const top = scored.filter((c) => c.sim >= 0.3);
  if (!top.length) return [];
  const bestSim = Math.max(...top.map((c) => c.sim));
  return top
    .filter((c) => c.sim >= bestSim - 0.1)
    .slice(0, MAX_CORRECTIONS)
    .map((c) => c.term);
}

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
  client: Queryable = readReplica(),
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

/** How many vocabulary words starting with the typed letters are weighed; how many suggestions come back. */
const COMPLETION_CANDIDATES = 40;
const MAX_COMPLETIONS = 3;
/** Documents counted per candidate: enough to tell a product word from a rare one, cheap for common words. */
const COMPLETION_COUNT_CAP = 200;

/**
 * Completions of an unfinished word ("bat" → "batik"): the vocabulary words ("SearchTerm") it starts, most
 * suppliers first (counted up to COMPLETION_COUNT_CAP each, through the document's GIN index), then shorter.
 * Only for a word of 3 letters or more that is not itself a vocabulary word; the prefix lookup uses the
 * trigram index of "SearchTerm", and at most COMPLETION_CANDIDATES words are weighed.
 */
export async function suggestCompletions(word: string, client: Queryable = readReplica()): Promise<string[]> {
  if (word.length < 3 || !/^[\p{L}\p{N}]+$/u.test(word)) return [];
  const rows = await client.$queryRaw<{ term: string }[]>(Prisma.sql`
    WITH candidates AS (
      SELECT t.term FROM "SearchTerm" t
       WHERE t.term LIKE ${word.replace(/[\\%_]/g, "\\$&") + "%"} AND t.term <> ${word} AND t.term ~ '^[[:alpha:]]+$'
         AND NOT EXISTS (SELECT 1 FROM "SearchTerm" x WHERE x.term = ${word})
       ORDER BY length(t.term), t.term
       LIMIT ${COMPLETION_CANDIDATES})
    SELECT c.term
      FROM candidates c
     CROSS JOIN LATERAL (
       SELECT count(*) AS n FROM (
         SELECT 1 FROM "SupplierSearch" s WHERE s.document @@ to_tsquery('simple'::regconfig, quote_literal(c.term))
          LIMIT ${COMPLETION_COUNT_CAP}) z) f
     WHERE f.n > 0
     ORDER BY f.n DESC, length(c.term), c.term
     LIMIT ${MAX_COMPLETIONS}`);
  return rows.map((r) => r.term);
}
