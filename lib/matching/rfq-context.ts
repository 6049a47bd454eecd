// The RFQ side of matching: what an RFQ asks for, as the engine (lib/matching/engine.ts) measures it — its
// KBLI, deadline, required certificates and TKDN, delivery place, the largest line's quantity, and the words of
// its title and items that exist in the suppliers' vocabulary (typo-corrected, as tsquery groups, the frequent
// ones marked so the candidate passes check them row by row). No authorization here: callers decide which RFQs.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { CERTIFICATION_TYPES, type CertificationType } from "@/lib/enums";
import { jakartaToday } from "@/lib/suppliers/search-hits";
import { buildTsQueryGroups } from "@/lib/suppliers/search-query";
import { correctWords } from "@/lib/suppliers/spelling";
import { ITEM_WORD_WEIGHT, LIMITS } from "./weights";

export interface RfqContext {
  id: string;
  title: string;
  buyerId: string;
  /** The cluster the RFQ is posted to (issue 12), for the "member of cluster" reason. */
  clusterId?: string | null;
  kbliCode: string;
  deadline: Date;
  /** The deadline's date in Jakarta: certificates must be valid on it. */
  deadlineDate: string;
  deliveryRegencyCode: string;
  /** The delivery regency's name (the distance reasons name the delivery place). */
  deliveryRegencyName?: string | null;
  requiredCertifications: CertificationType[];
  minTkdn: number | null;
  /** The largest line's quantity and unit (what capacity is compared against). */
  quantity: number;
  unit: string;
  /** The RFQ's words (title and item names) that exist in the suppliers' vocabulary. */
  words: string[];
  /** One tsquery text per word (the word, as a prefix, or its typo corrections). */
  groups: string[];
  /** Per word: ITEM_WORD_WEIGHT when it is in a line item's name, else 1. */
  weights: number[];
  /**
   * Per word: true when it is in a large share of the search documents (planner statistics): the candidate
   * passes check such a word row by row instead of through the GIN index (same rows, cheaper plan).
   */
  frequent?: boolean[];
  /**
   * Every line of the RFQ (issue 17: a multi-line RFQ is matched per line), in order, each with its own words
   * (those of its name in the suppliers' vocabulary) as groups: lineContext() turns one into a context.
   */
  lines?: RfqLine[];
}

export interface RfqLine {
  /** 0-based position among the RFQ's lines. */
  index: number;
  name: string;
  quantity: number;
  unit: string;
  words: string[];
  groups: string[];
  frequent: boolean[];
}

/**
 * The context of one line: the RFQ's requirements and place, that line's words (all weighing as item words)
 * and its quantity and unit. A line without a known word keeps the RFQ's words (its title says what it is).
 */
export function lineContext(ctx: RfqContext, line: RfqLine): RfqContext {
  const own = line.words.length > 0;
  return {
    ...ctx,
    quantity: line.quantity,
    unit: line.unit,
    words: own ? line.words : ctx.words,
    groups: own ? line.groups : ctx.groups,
    weights: own ? line.words.map(() => ITEM_WORD_WEIGHT) : ctx.weights,
    frequent: own ? line.frequent : ctx.frequent,
    lines: [line],
  };
}

/** Words that say nothing about what is bought (procurement language), dropped from RFQ texts. */
const RFQ_STOP_WORDS: ReadonlySet<string> = new Set([
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
  "pengadaan",
  "pembelian",
  "kebutuhan",
  "permintaan",
  "penawaran",
  "pesanan",
  "rfq",
  "tahun",
  "tahap",
  "batch",
  "paket",
  "unit",
  "buah",
  "pcs",
  "kg",
  "gram",
  "meter",
  "lembar",
  "liter",
  "set",
  "lusin",
  "kebutuhan",
  "karyawan",
  "perusahaan",
  "proyek",
  "kantor",
  "the",
  "and",
  "or",
  "of",
  "for",
  "with",
  "in",
  "supply",
  "procurement",
  "pasokan",
  "kontrak",
  "bulan",
  "triwulan",
  "model",
  "sendiri",
  "merek",
  "hut",
  "tahap",
  "wilayah",
]);

/** At most this many words of an RFQ are matched (title first, then item names). */
const MAX_RFQ_WORDS = 10;

/** The words of an RFQ's title and item names: lower case, accents removed, no stop words or bare numbers. */
export function rfqWords(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    for (const w of text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)) {
      if (w.length < 2 || w.length > 40 || RFQ_STOP_WORDS.has(w) || /^\d+$/.test(w) || out.includes(w)) continue;
      out.push(w);
    }
  }
  return out.slice(0, MAX_RFQ_WORDS);
}

interface RfqRow {
  id: string;
  title: string;
  buyerId: string;
  clusterId?: string | null;
  kbliCode: string;
  deadline: Date;
  deliveryRegencyCode: string;
  deliveryRegency?: { name: string } | null;
  requiredCertifications: CertificationType[];
  minTkdn: Prisma.Decimal | null;
  items: { name: string; quantity: number; unit: string }[];
}

/** What contextsFor needs of an RFQ (a Prisma select: load it with whatever else the caller reads). */
export const RFQ_CONTEXT_SELECT = {
  id: true,
  title: true,
  buyerId: true,
  clusterId: true,
  kbliCode: true,
  deadline: true,
  deliveryRegencyCode: true,
  deliveryRegency: { select: { name: true } },
  requiredCertifications: true,
  minTkdn: true,
  items: { orderBy: { position: "asc" }, select: { name: true, quantity: true, unit: true } },
} as const satisfies Prisma.RfqSelect;

/** The matching context of RFQs (any status; callers decide visibility), in the order of `ids`. */
export async function loadRfqContexts(ids: readonly string[]): Promise<RfqContext[]> {
  if (ids.length === 0) return [];
  const rfqs: RfqRow[] = await db.rfq.findMany({ where: { id: { in: [...ids] } }, select: RFQ_CONTEXT_SELECT });
  return contextsFor(rfqs, ids);
}

/** Builds contexts for RFQ rows already loaded (one typo-correction round trip for all their words). */
export async function contextsFor(rfqs: RfqRow[], order: readonly string[] = rfqs.map((r) => r.id)): Promise<RfqContext[]> {
  const wordsOf = new Map(rfqs.map((r) => [r.id, rfqWords([...r.items.map((i) => i.name), r.title])]));
  const lineWordsOf = new Map(rfqs.map((r) => [r.id, r.items.map((i) => rfqWords([i.name]))]));
  const all = [...new Set([...wordsOf.values(), ...[...lineWordsOf.values()].flat()].flat())];
  const [corrected, lexemes] = await Promise.all([correctWords(all, db, { prefixLexemes: LIMITS.prefixLexemes }), frequentLexemes()]);
  const alternatives = new Map(corrected.map((a) => [a.word, a]));
  const byId = new Map(rfqs.map((r) => [r.id, r]));
  return order.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const usableOf = (words: string[]) =>
      words.map((w) => alternatives.get(w)).filter((a) => a && (a.known || a.corrections.length > 0)) as NonNullable<
        ReturnType<typeof alternatives.get>
      >[];
    const usable = usableOf(wordsOf.get(id) ?? []);
    const lines: RfqLine[] = r.items.map((it, index) => {
      const known = usableOf(lineWordsOf.get(id)?.[index] ?? []);
      const lineGroups = buildTsQueryGroups(known, LIMITS.prefixLexemes);
      return {
        index,
        name: it.name,
        quantity: it.quantity,
        unit: it.unit,
        words: known.map((a) => a.word),
        groups: lineGroups,
        frequent: lineGroups.map((g) => groupFrequency(g, lexemes) >= LIMITS.frequentWordShare),
      };
    });
    const itemWords = new Set(rfqWords(r.items.map((i) => i.name)));
    const groups = buildTsQueryGroups(usable, LIMITS.prefixLexemes);
    const main = r.items.reduce<{ quantity: number; unit: string } | null>(
      (best, it) => (!best || it.quantity > best.quantity ? it : best),
      null,
    );
    return [
      {
        id: r.id,
        title: r.title,
        buyerId: r.buyerId,
        clusterId: r.clusterId ?? null,
        kbliCode: r.kbliCode,
        deadline: r.deadline,
        deadlineDate: jakartaToday(r.deadline),
        deliveryRegencyCode: r.deliveryRegencyCode,
        deliveryRegencyName: r.deliveryRegency?.name ?? null,
        requiredCertifications: r.requiredCertifications.filter((c): c is CertificationType =>
          (CERTIFICATION_TYPES as readonly string[]).includes(c),
        ),
        minTkdn: r.minTkdn === null ? null : Number(r.minTkdn),
        quantity: main?.quantity ?? 0,
        unit: main?.unit ?? "",
        words: usable.map((a) => a.word),
        groups,
        weights: usable.map((a) => (itemWords.has(a.word) ? ITEM_WORD_WEIGHT : 1)),
        frequent: groups.map((g) => groupFrequency(g, lexemes) >= LIMITS.frequentWordShare),
        lines,
      },
    ];
  });
}

/**
 * The most common lexemes of the search documents and the share of documents holding each: PostgreSQL's
 * statistics of "SupplierSearch".document (ANALYZE's most_common_elems), cached for a few minutes. Empty
 * before the table is analyzed (every word then goes through the index, as before). Only a plan hint: a
 * stale or per-instance cache never changes which UMKM are candidates or how they score.
 */
let lexemeCache: { at: number; freq: Map<string, number> } | null = null;
const LEXEME_CACHE_MS = 10 * 60_000;

async function frequentLexemes(): Promise<Map<string, number>> {
  if (lexemeCache && Date.now() - lexemeCache.at < LEXEME_CACHE_MS) return lexemeCache.freq;
  let freq = new Map<string, number>();
  try {
    const rows = await db.$queryRaw<{ e: string; f: number }[]>(Prisma.sql`
      SELECT u.e, u.f::float8 AS f
        FROM pg_stats st, unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs) AS u(e, f)
       WHERE st.schemaname = current_schema() AND st.tablename = 'SupplierSearch' AND st.attname = 'document'
         AND u.e IS NOT NULL AND u.f >= ${LIMITS.frequentWordShare}::float8`);
    freq = new Map(rows.map((r) => [r.e, Number(r.f)]));
  } catch {
    // statistics unavailable: no word is treated as frequent
  }
  lexemeCache = { at: Date.now(), freq };
  return freq;
}

/** Every word of tsquery groups ('word', 'word':*, alternatives), without quotes or prefix marks. */
export function groupsLexemes(groups: readonly string[]): string[] {
  const out = new Set<string>();
  for (const g of groups) for (const m of g.matchAll(/'((?:[^']|'')*)'/g)) out.add(m[1].replace(/''/g, "'"));
  return [...out];
}

/** A lower bound of the share of documents matching one tsquery group ('word', 'word':* or alternatives). */
export function groupFrequency(group: string, lexemes: ReadonlyMap<string, number>): number {
  let best = 0;
  for (const m of group.matchAll(/'((?:[^']|'')*)'(:\*)?/g)) {
    const word = m[1].replace(/''/g, "'");
    if (m[2]) {
      for (const [e, f] of lexemes) if (f > best && e.startsWith(word)) best = f;
    } else best = Math.max(best, lexemes.get(word) ?? 0);
  }
  return best;
}
