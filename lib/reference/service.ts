// Reference data for pickers and the API: KBLI 2020 search, provinces and regencies (Kemendagri codes).
// Public data: no actor needed.
import "server-only";
import { db, Prisma } from "@/lib/db";

const KBLI_SEARCH_VERSION = "2020";
export const KBLI_SEARCH_MAX = 50;

export interface KbliHit {
  code: string;
  level: number;
  section: string;
  titleId: string;
  titleEn: string | null;
  /** The 4-digit parent's title (helps tell similar titles apart). */
  parentTitle: string | null;
}

/**
 * Searches KBLI 2020 for the picker. Digits search by code prefix ("131" → 13111, 13112, …); words search
 * Indonesian titles and descriptions: every word must appear (ILIKE), ranked by trigram word similarity to
 * the title, and when that finds nothing a typo-tolerant pass (pg_trgm word_similarity) catches misspellings
 * ("bátik", "konveksi" vs "konfeksi"). Returns 5-digit codes (what a business registers) unless `levels` says
 * otherwise.
 */
export async function searchKbli(q: string, { limit = 20, levels = [5] }: { limit?: number; levels?: number[] } = {}): Promise<KbliHit[]> {
  const query = q.trim().replace(/\s+/g, " ").slice(0, 100);
  const take = Math.min(Math.max(1, Math.trunc(limit) || 20), KBLI_SEARCH_MAX);
  if (query.length === 0) return [];
  const levelList = Prisma.join(levels.map((l) => Prisma.sql`${l}`));
  const select = Prisma.sql`
    SELECT k."code", k."level", k."section", k."titleId", k."titleEn", p."titleId" AS "parentTitle"
    FROM "KbliCode" k
    LEFT JOIN "KbliCode" p ON p."version" = k."version" AND p."code" = k."parentCode"
    WHERE k."version" = ${KBLI_SEARCH_VERSION} AND k."level" IN (${levelList})`;

  if (/^\d{1,5}$/.test(query)) {
    return db.$queryRaw<KbliHit[]>`${select} AND k."code" LIKE ${`${query}%`} ORDER BY k."code" LIMIT ${take}`;
  }

  const words = query
    .toLowerCase()
    .split(" ")
    .map((w) => w.replace(/[%_\\]/g, ""))
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return [];
  const allWords = Prisma.join(
    words.map((w) => Prisma.sql`(k."titleId" || ' ' || coalesce(k."description", '')) ILIKE ${`%${w}%`}`),
    " AND ",
  );
  const exact = await db.$queryRaw<KbliHit[]>`${select} AND ${allWords}
    ORDER BY
      (k."titleId" ILIKE ${`%${query}%`}) DESC,
      word_similarity(${query}, k."titleId") DESC,
      k."code"
    LIMIT ${take}`;
  if (exact.length > 0) return exact;

  // Nothing contains every word: typo-tolerant pass over titles and descriptions.
  return db.$queryRaw<KbliHit[]>`${select}
      AND (word_similarity(${query}, k."titleId") >= 0.35 OR word_similarity(${query}, coalesce(k."description", '')) >= 0.45)
    ORDER BY greatest(word_similarity(${query}, k."titleId"), word_similarity(${query}, coalesce(k."description", '')) * 0.9) DESC, k."code"
    LIMIT ${take}`;
}

/** Titles of the given 5-digit KBLI 2020 codes (to show a picker's chosen codes). */
export async function kbliTitles(codes: string[]) {
  if (codes.length === 0) return [];
  return db.kbliCode.findMany({
    where: { version: KBLI_SEARCH_VERSION, code: { in: codes } },
    select: { code: true, titleId: true, titleEn: true, level: true },
  });
}

/** The 38 provinces, by code (the API, pickers) or by name (the directory's filter). */
export async function listProvinces(order: "code" | "name" = "code") {
  return db.province.findMany({ orderBy: order === "name" ? { name: "asc" } : { code: "asc" }, select: { code: true, name: true } });
}

/** Regencies and cities of a province, kabupaten first then kota, by code. Unknown province → []. */
export async function listRegencies(provinceCode: string) {
  return db.regency.findMany({
    where: { provinceCode },
    orderBy: { code: "asc" },
    select: { code: true, name: true, type: true, provinceCode: true },
  });
}

/** Every regency with its province (514 rows): the location picker works without JavaScript with it. */
export async function listAllRegencies() {
  return db.regency.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, type: true, provinceCode: true } });
}
