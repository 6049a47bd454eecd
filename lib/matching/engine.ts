// The matching engine: ranks UMKM for an RFQ inside PostgreSQL (docs/decisions/0014-matching-model.md).
// No authorization here — lib/matching/service.ts checks who asks; this module only measures.
//
//   const ctx = await loadRfqContexts([rfqId]);           // lib/matching/rfq-context.ts: KBLI, words, requirements, place
//   const { matches, almostQualified } = await rankSuppliers(ctx[0], { limit: 20 });
//
// One statement per pass, over the trigger-maintained "SupplierSearch" documents (the directory's: a changed
// profile, product or certificate is matchable as soon as its transaction commits):
//   1. candidates come from GIN indexes — UMKM with the RFQ's KBLI class AND every word of its line items
//      (pass 1); when that yields fewer qualified UMKM than asked for, a wider pass runs (class AND any word, or
//      every item word; then division OR any word, at most LIMITS.widestPass candidates); once the almost-qualified
//      list is full, the wider passes only take UMKM whose in-row certificate dates can still qualify; an item
//      word in most documents (planner statistics) is checked on the rows the rarer words found, not through
//      the index (same candidates; a prefix of such a word would make the index build a bitmap of every row);
//      the first two passes keep the best LIMITS.firstPassCap candidates by narrow in-row signals (certificates,
//      KBLI level, distance, verified) before any word is scored;
//   2. every candidate is scored on the cheap in-row signals (KBLI level, where each word was found, required
//      certificates valid on the deadline, distance from a 514-row distance table, verified) and the best
//      LIMITS.shortlist are kept, qualified ones first;
//   3. for the shortlist only, capacity (relevant products) and TKDN (certificates) are read through their
//      indexes and the track record by primary key from "SupplierTrackRecord" (trigger-kept counts of
//      agreements and deliveries), the final score is computed, and the best qualified and the best
//      almost-qualified rows are returned.
// The same statement scores given UMKM only (supplierIds) for an UMKM's recommended RFQs, so both directions
// show the same score and reasons.
import "server-only";
import { db, Prisma, readReplica, type Db } from "@/lib/db";
import { CERTIFICATION_TYPES, type CertificationType } from "@/lib/enums";
import { groupsLexemes, type RfqContext } from "./rfq-context";
import { withAffinity } from "./affinity";
import { gapsOf, reasonsOf, type Gap, type MatchSignals, type Reason, type WordHit } from "./signals";
import { DISTANCE, ITEM_WORD_WEIGHT, LIMITS, TRACK_RECORD, WEIGHTS, WORD_WEIGHT } from "./weights";

/** A word inside a LIKE pattern: its wildcards escaped. */
const likeEscape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);

// ---------------------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------------------

export interface ScoredSupplier {
  supplier: {
    id: string;
    name: string;
    regencyCode: string | null;
    regencyName: string | null;
    provinceCode: string | null;
    lat: number | null;
    lon: number | null;
  };
  score: number;
  qualified: boolean;
  reasons: Reason[];
  gaps: Gap[];
  signals: MatchSignals;
}

interface RankResult {
  matches: ScoredSupplier[];
  almostQualified: ScoredSupplier[];
  /** Which candidate pass produced the answer (1 narrowest … 3 widest; 0: given suppliers). */
  pass: number;
}

interface Row {
  id: string;
  name: string;
  regencyCode: string | null;
  regencyName: string | null;
  provinceCode: string | null;
  lat: number | null;
  lon: number | null;
  verified: boolean;
  kbliLevel: number;
  kbliMatched: string | null;
  wordHits: number[] | null;
  halalUntil: string | null;
  sniUntil: string | null;
  iso9001Until: string | null;
  tkdnUntil: string | null;
  otherUntil: string | null;
  km: number | null;
  capacity: number | null;
  tkdn: number | null;
  completed: number;
  deliveries: number;
  onTime: number;
  qualified: boolean;
  score: number;
}

const UNTIL: Record<CertificationType, string> = {
  halal: "halalUntil",
  sni: "sniUntil",
  iso9001: "iso9001Until",
  tkdn: "tkdnUntil",
  other: "otherUntil",
};

function toScored(ctx: RfqContext, r: Row): ScoredSupplier {
  const certUntil: Partial<Record<CertificationType, string | null>> = {};
  for (const c of CERTIFICATION_TYPES) certUntil[c] = (r[UNTIL[c] as keyof Row] as string | null) ?? null;
  const signals: MatchSignals = {
    kbliLevel: (r.kbliLevel === 5 || r.kbliLevel === 4 || r.kbliLevel === 3 || r.kbliLevel === 2
      ? r.kbliLevel
      : 0) as MatchSignals["kbliLevel"],
    kbliMatched: r.kbliMatched,
    rfqKbli: ctx.kbliCode,
    words: ctx.words,
    wordHits: (r.wordHits ?? ctx.words.map(() => 0)) as WordHit[],
    wordWeights: ctx.weights,
    requiredCertifications: ctx.requiredCertifications,
    certUntil,
    deadlineDate: ctx.deadlineDate,
    minTkdn: ctx.minTkdn,
    tkdn: r.tkdn === null ? null : Number(r.tkdn),
    capacity: r.capacity === null ? null : Number(r.capacity),
    quantity: ctx.quantity,
    unit: ctx.unit,
    km: r.km === null ? null : Number(r.km),
    sameRegency: r.regencyCode !== null && r.regencyCode === ctx.deliveryRegencyCode,
    regencyName: r.regencyName,
    deliveryName: ctx.deliveryRegencyName ?? null,
    verified: r.verified,
    completedAgreements: Number(r.completed),
    deliveries: Number(r.deliveries),
    onTimeDeliveries: Number(r.onTime),
  };
  return {
    supplier: {
      id: r.id,
      name: r.name,
      regencyCode: r.regencyCode,
      regencyName: r.regencyName,
      provinceCode: r.provinceCode,
      lat: r.lat === null ? null : Number(r.lat),
      lon: r.lon === null ? null : Number(r.lon),
    },
    score: Math.max(0, Math.min(100, Math.round(Number(r.score)))),
    qualified: r.qualified,
    reasons: reasonsOf(signals),
    gaps: gapsOf(signals),
    signals,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The statement
// ---------------------------------------------------------------------------------------------------------

const num = (x: number) => Prisma.raw(String(x));
/** A float8 literal (numeric arithmetic is several times slower in per-row expressions). */
const f8 = (x: number) => Prisma.raw(`${x}::float8`);
const tsq = (g: string) => Prisma.sql`to_tsquery('simple'::regconfig, ${g}::text)`;

/**
 * Which UMKM a pass scores. `qualifiedOnly` (the wider passes after the first): only UMKM that can still qualify
 * — every required certificate and, when the RFQ sets a minimum TKDN, a TKDN certificate valid on the deadline
 * (the search document's dates) — so a rare certificate combination no longer scores thousands of UMKM that
 * can only be "almost qualified" (that list comes from the first pass).
 */
export type Candidates = { pass: 1 | 2 | 3; qualifiedOnly?: boolean } | { supplierIds: string[] };

/** Necessary conditions for qualifying, from the search document's certificate dates (index-free, in-row). */
function canQualify(ctx: RfqContext): Prisma.Sql {
  const needed: CertificationType[] = [...ctx.requiredCertifications];
  if (ctx.minTkdn !== null && !needed.includes("tkdn")) needed.push("tkdn");
  if (needed.length === 0) return Prisma.sql`true`;
  return Prisma.join(
    needed.map((t) => Prisma.sql`s.${Prisma.raw(`"${UNTIL[t]}"`)} >= ${ctx.deadlineDate}::date`),
    " AND ",
  );
}

function candidateWhere(ctx: RfqContext, c: Candidates): Prisma.Sql {
  if ("supplierIds" in c) return Prisma.sql`s."organizationId" = ANY (${c.supplierIds}::text[])`;
  const where = passWhere(ctx, c.pass);
  return c.qualifiedOnly ? Prisma.sql`(${where} AND ${canQualify(ctx)})` : where;
}

function passWhere(ctx: RfqContext, pass: 1 | 2 | 3): Prisma.Sql {
  const anyWord = ctx.groups.length ? Prisma.sql`s.document @@ ${tsq(ctx.groups.join(" | "))}` : Prisma.sql`false`;
  const itemGroups = ctx.groups.filter((_, i) => ctx.weights[i] === ITEM_WORD_WEIGHT);
  // Every item word: the rarer ones through the GIN index, words in most documents checked on the rows found
  // (ts_match_vq is @@ without its index: a prefix of a common word would read most of the index).
  const frequent = new Set(ctx.groups.filter((g, i) => ctx.weights[i] === ITEM_WORD_WEIGHT && ctx.frequent?.[i]));
  const indexed = itemGroups.filter((g) => !frequent.has(g));
  const checked = itemGroups.filter((g) => frequent.has(g));
  const allItemWords = !itemGroups.length
    ? anyWord
    : indexed.length && checked.length
      ? Prisma.sql`(s.document @@ ${tsq(indexed.join(" & "))} AND ts_match_vq(s.document, ${tsq(checked.join(" & "))}))`
      : Prisma.sql`s.document @@ ${tsq(itemGroups.join(" & "))}`;
  const klass = Prisma.sql`s."kbliPrefixes" @> ARRAY[${ctx.kbliCode.slice(0, 4)}::text]`;
  const division = Prisma.sql`s."kbliPrefixes" @> ARRAY[${ctx.kbliCode.slice(0, 2)}::text]`;
  if (pass === 1) return Prisma.sql`(${klass} AND ${allItemWords})`;
  if (pass === 2) return Prisma.sql`((${klass} AND ${anyWord}) OR ${allItemWords})`;
  return Prisma.sql`(${division} OR ${anyWord})`;
}

/**
 * Scores candidates for one RFQ: the best `limit` qualified and `almost` almost-qualified rows. Ranking the
 * whole pool reads a replica (other organizations' public data, ADR 0035); scoring named suppliers reads the
 * primary, because it decides invitations and shows a supplier its own fit.
 */
async function scoreCandidates(
  client: Db,
  ctx: RfqContext,
  candidates: Candidates,
  limit: number,
  almost: number,
  caps?: Caps,
): Promise<Row[]> {
  return client.$queryRaw<Row[]>(candidatesSql(ctx, candidates, limit, almost, caps));
}

/** The statement behind scoreCandidates (exported for EXPLAIN in the benchmark). */
/** How many candidates the capped passes keep and how many are shortlisted (LIMITS; smaller in tests). */
interface Caps {
  firstPass: number;
  shortlist: number;
}

export function candidatesSql(
  ctx: RfqContext,
  candidates: Candidates,
  limit: number,
  almost: number,
  caps: Caps = { firstPass: LIMITS.firstPassCap, shortlist: LIMITS.shortlist },
): Prisma.Sql {
  const code = ctx.kbliCode;
  const deadline = ctx.deadlineDate;
  const n = ctx.groups.length;
  // Per word: 3 in a product name, 2 in the business name, 1 anywhere else in the document.
  const hits = ctx.groups.map(
    (g) =>
      Prisma.sql`CASE WHEN s."productVector" @@ ${tsq(g)} THEN 3 WHEN s."nameVector" @@ ${tsq(g)} THEN 2 WHEN s.document @@ ${tsq(g)} THEN 1 ELSE 0 END`,
  );
  const hitWeight = (h: Prisma.Sql) =>
    Prisma.sql`(CASE ${h} WHEN 3 THEN ${f8(WORD_WEIGHT.product)} WHEN 2 THEN ${f8(WORD_WEIGHT.name)} WHEN 1 THEN ${f8(WORD_WEIGHT.document)} ELSE 0::float8 END)`;
  const totalWeight = ctx.weights.reduce((a, w) => a + w, 0);
  const textPoints = n
    ? Prisma.sql`(${num(WEIGHTS.text)}::float8 * (${Prisma.join(
        ctx.groups.map((_, i) => Prisma.sql`${f8(ctx.weights[i])} * ${hitWeight(Prisma.raw(`c.hits[${i + 1}]`))}`),
        " + ",
      )}) / ${num(totalWeight)})`
    : Prisma.sql`0::float8`;
  const req = ctx.requiredCertifications;
  const heldCount = req.length
    ? Prisma.join(
        req.map((t) => Prisma.sql`(coalesce(s.${Prisma.raw(`"${UNTIL[t]}"`)} >= ${deadline}::date, false))::int`),
        " + ",
      )
    : Prisma.sql`0`;
  const certPointsOf = (held: Prisma.Sql) =>
    req.length
      ? Prisma.sql`(${num(WEIGHTS.certifications)}::float8 * ${held} / ${num(req.length)})`
      : Prisma.sql`${num(WEIGHTS.certifications)}::float8`;
  const certPoints = certPointsOf(Prisma.sql`c.held`);
  const distanceShareOf = (
    km: Prisma.Sql,
  ) => Prisma.sql`(CASE WHEN ${km} IS NULL THEN ${num(DISTANCE.unknownShare)} WHEN ${km} <= ${num(DISTANCE.fullWithinKm)} THEN 1
      ELSE greatest(0, 1 - (${km} - ${num(DISTANCE.fullWithinKm)}) / ${num(DISTANCE.zeroAtKm - DISTANCE.fullWithinKm)}::float8) END)`;
  const distanceShare = distanceShareOf(Prisma.sql`c.km`);
  // Passes 1 and 2: at most LIMITS.firstPassCap candidates, chosen on narrow in-row signals before words are scored.
  const capped = "pass" in candidates && candidates.pass !== 3;
  const kbliPoints = Prisma.sql`(CASE c."kbliLevel" WHEN 5 THEN ${num(WEIGHTS.kbli.exact)} WHEN 4 THEN ${num(WEIGHTS.kbli.class)}
      WHEN 3 THEN ${num(WEIGHTS.kbli.group)} WHEN 2 THEN ${num(WEIGHTS.kbli.division)} ELSE 0 END)`;
  const prescore = Prisma.sql`(c.kp + c.tp + ${certPoints} + ${num(WEIGHTS.distance)} * ${distanceShare} + c.verified::int * ${num(WEIGHTS.verified)})`;
  const anyWord = n ? tsq(ctx.groups.join(" | ")) : null;
  // A product's name can only hold one of the words if its lower-cased text contains it (the 'simple'
  // configuration only lower-cases tokens): that cheap test spares parsing most names.
  const nameMayMatch = n
    ? Prisma.sql`lower(p.name) LIKE ANY (${groupsLexemes(ctx.groups).map((w) => `%${likeEscape(w)}%`)}::text[])`
    : null;
  const minTkdn = ctx.minTkdn;
  const tkdnPoints =
    minTkdn === null
      ? Prisma.sql`${num(WEIGHTS.tkdn)}::float8`
      : Prisma.sql`(CASE WHEN tk.tkdn IS NULL THEN 0 WHEN tk.tkdn >= ${minTkdn}::float8 THEN ${num(WEIGHTS.tkdn)}
          ELSE ${num(WEIGHTS.tkdn)} * tk.tkdn / ${minTkdn}::float8 / 2 END)`;
  const capacityPoints =
    ctx.quantity > 0
      ? Prisma.sql`(CASE WHEN coalesce(cap.capacity, 0) <= 0 THEN 0 ELSE ${num(WEIGHTS.capacity)} * least(1, cap.capacity::float8 / ${ctx.quantity}::float8) END)`
      : Prisma.sql`0`;
  const trackPoints = Prisma.sql`(${num(WEIGHTS.trackRecord)} * (least(1, tr."completedAgreements"::float8 / ${num(TRACK_RECORD.completedForFull)})
      + CASE WHEN tr.deliveries > 0 THEN tr."onTimeDeliveries"::float8 / tr.deliveries ELSE 0 END) / 2)`;
  // "Can still qualify" on in-row dates (every required certificate, and a TKDN certificate when a minimum is
  // set, valid on the deadline) leads the cap's and the shortlist's order: the TKDN percentage is checked on the
  // shortlist only, but an UMKM without any valid TKDN certificate cannot meet a minimum.
  const tkdnDated = (alias: Prisma.Sql) =>
    minTkdn === null ? Prisma.empty : Prisma.sql` AND coalesce(${alias}."tkdnUntil" >= ${deadline}::date, false)`;
  const tkdnOk = minTkdn === null ? Prisma.sql`true` : Prisma.sql`coalesce(tk.tkdn >= ${minTkdn}::float8, false)`;
  // Dates are formatted for the returned rows only (to_char on every candidate is measurable).
  const date = (col: string) => Prisma.raw(`to_char(ranked."${col}", 'YYYY-MM-DD') AS "${col}"`);

  return Prisma.sql`
    WITH dest AS (SELECT lat, lon FROM "Regency" WHERE code = ${ctx.deliveryRegencyCode}),
    dist AS (
      SELECT r.code, r.name, r.lat, r.lon,
             CASE WHEN r.lat IS NULL OR d.lat IS NULL THEN NULL ELSE
               2 * 6371 * asin(least(1, sqrt(power(sin(radians(r.lat - d.lat) / 2), 2)
                 + cos(radians(d.lat)) * cos(radians(r.lat)) * power(sin(radians(r.lon - d.lon) / 2), 2)))) END AS km
        FROM "Regency" r LEFT JOIN dest d ON true),
    ${
      capped
        ? Prisma.sql`capped AS MATERIALIZED (
      SELECT s."organizationId" AS id
        FROM "SupplierSearch" s
        LEFT JOIN dist ON dist.code = s."regencyCode"
       WHERE ${candidateWhere(ctx, candidates)}
       ORDER BY ((${heldCount}) = ${num(req.length)}${tkdnDated(Prisma.sql`s`)}) DESC,
                (CASE WHEN s."kbliCodes" @> ARRAY[${code}::text] THEN ${num(WEIGHTS.kbli.exact)}
                      WHEN s."kbliPrefixes" @> ARRAY[${code.slice(0, 4)}::text] THEN ${num(WEIGHTS.kbli.class)}
                      WHEN s."kbliPrefixes" @> ARRAY[${code.slice(0, 3)}::text] THEN ${num(WEIGHTS.kbli.group)}
                      WHEN s."kbliPrefixes" @> ARRAY[${code.slice(0, 2)}::text] THEN ${num(WEIGHTS.kbli.division)} ELSE 0 END
                 + ${certPointsOf(Prisma.sql`(${heldCount})`)}
                 + ${num(WEIGHTS.distance)} * ${distanceShareOf(Prisma.sql`dist.km`)} + s.verified::int * ${num(WEIGHTS.verified)}) DESC,
                s."organizationId"
       LIMIT ${num(caps.firstPass)}),`
        : Prisma.empty
    }
    c0 AS MATERIALIZED (
      SELECT s."organizationId" AS id, s.name, s.verified, s."regencyCode", s."provinceCode", s."kbliCodes",
             s."halalUntil", s."sniUntil", s."iso9001Until", s."tkdnUntil", s."otherUntil",
             CASE WHEN s."kbliCodes" @> ARRAY[${code}::text] THEN 5
                  WHEN s."kbliPrefixes" @> ARRAY[${code.slice(0, 4)}::text] THEN 4
                  WHEN s."kbliPrefixes" @> ARRAY[${code.slice(0, 3)}::text] THEN 3
                  WHEN s."kbliPrefixes" @> ARRAY[${code.slice(0, 2)}::text] THEN 2 ELSE 0 END AS "kbliLevel",
             ${n ? Prisma.sql`ARRAY[${Prisma.join(hits, ", ")}]::int[]` : Prisma.sql`ARRAY[]::int[]`} AS hits,
             ${heldCount} AS held,
             ${ctx.minTkdn === null ? Prisma.sql`true` : Prisma.sql`coalesce(s."tkdnUntil" >= ${deadline}::date, false)`} AS tkdn_dated,
             dist.km, dist.name AS "regencyName", dist.lat, dist.lon
        FROM ${capped ? Prisma.sql`capped k JOIN "SupplierSearch" s ON s."organizationId" = k.id` : Prisma.sql`"SupplierSearch" s`}
        LEFT JOIN dist ON dist.code = s."regencyCode"
       WHERE ${capped ? Prisma.sql`true` : candidateWhere(ctx, candidates)}
       ${"pass" in candidates && candidates.pass === 3 ? Prisma.sql`LIMIT ${num(LIMITS.widestPass)}` : Prisma.empty}),
    c1 AS (SELECT c.*, ${kbliPoints} AS kp, ${textPoints} AS tp FROM c0 c),
    sl AS (
      SELECT c.*, ${prescore} AS prescore, (c.held = ${num(req.length)}) AS certs_ok, (c.held = ${num(req.length)} AND c.tkdn_dated) AS may_qualify
        FROM c1 c
       WHERE c.kp + c.tp >= ${num(LIMITS.minRelevance)}
       ORDER BY may_qualify DESC, prescore DESC, c.id
       LIMIT ${num(caps.shortlist)}),
    f0 AS (
      SELECT sl.*, cap.capacity, tk.tkdn,
             (sl.certs_ok AND ${tkdnOk}) AS qualified,
             sl.prescore + ${tkdnPoints} + ${capacityPoints} AS partial
        FROM sl
        LEFT JOIN LATERAL (
          SELECT coalesce(sum(p."monthlyCapacity") FILTER (WHERE lower(p.unit) = lower(${ctx.unit})), sum(p."monthlyCapacity"))::int AS capacity
            FROM "Product" p
           WHERE p."supplierId" = sl.id AND p."archivedAt" IS NULL
             AND (left(p."kbliCode", 4) = ${code.slice(0, 4)} ${anyWord ? Prisma.sql`OR (${nameMayMatch} AND to_tsvector('simple'::regconfig, p.name) @@ ${anyWord})` : Prisma.empty})
        ) cap ON true
        LEFT JOIN LATERAL (
          SELECT max(ce."tkdnPercent")::float8 AS tkdn
            FROM "Certification" ce
           WHERE ce."organizationId" = sl.id AND ce.type = 'tkdn' AND ce."verificationStatus" = 'verified'
             AND coalesce(ce."validUntil", DATE '9999-12-31') >= ${deadline}::date
        ) tk ON true
),
    f AS (
      SELECT f0.*, coalesce(tr."completedAgreements", 0) AS completed, coalesce(tr.deliveries, 0) AS deliveries,
             coalesce(tr."onTimeDeliveries", 0) AS on_time,
             f0.partial + CASE WHEN tr."supplierId" IS NULL THEN 0 ELSE ${trackPoints} END AS score
        FROM f0
        LEFT JOIN "SupplierTrackRecord" tr ON tr."supplierId" = f0.id),
    ranked AS (
      SELECT f.*, row_number() OVER (PARTITION BY f.qualified ORDER BY f.score DESC, f.verified DESC, f.id) AS rn FROM f)
    SELECT ranked.id, ranked.name, ranked."regencyCode", ranked."regencyName", ranked."provinceCode", ranked.lat, ranked.lon,
           ranked.verified, ranked."kbliLevel", ranked.hits AS "wordHits",
           ${date("halalUntil")}, ${date("sniUntil")}, ${date("iso9001Until")}, ${date("tkdnUntil")}, ${date("otherUntil")},
           ranked.km, ranked.capacity, ranked.tkdn, ranked.completed, ranked.deliveries, ranked.on_time AS "onTime",
           ranked.qualified, ranked.score,
           (SELECT k FROM unnest(ranked."kbliCodes") k
             ORDER BY (k = ${code}) DESC, (left(k, 4) = ${code.slice(0, 4)}) DESC, (left(k, 3) = ${code.slice(0, 3)}) DESC,
                      (left(k, 2) = ${code.slice(0, 2)}) DESC, k LIMIT 1) AS "kbliMatched"
      FROM ranked
     WHERE (ranked.qualified AND ranked.rn <= ${limit}::int) OR (NOT ranked.qualified AND ranked.rn <= ${almost}::int)
     ORDER BY ranked.qualified DESC, ranked.score DESC, ranked.verified DESC, ranked.id`;
}

/** The best qualified UMKM for an RFQ and the best almost-qualified ones (with their gaps). */
export async function rankSuppliers(ctx: RfqContext, opts: { limit?: number; almost?: number; caps?: Caps } = {}): Promise<RankResult> {
  const limit = opts.limit ?? LIMITS.defaultMatches;
  const almost = opts.almost ?? LIMITS.almostQualified;
  // Narrow to wide: stop at the first pass that fills the list with qualified UMKM. Once a pass has filled the
  // almost-qualified list (the most relevant UMKM that miss a requirement), the wider passes look for qualified
  // UMKM only (candidates that hold every required certificate), which keeps them small.
  let pass: 1 | 2 | 3 = ctx.groups.length ? 1 : 3;
  let rows = await scoreCandidates(readReplica(), ctx, { pass }, limit, almost, opts.caps);
  let qualified = rows.filter((r) => r.qualified);
  let almostRows = rows.filter((r) => !r.qualified);
  while (pass < 3 && qualified.length < limit) {
    pass = (pass + 1) as 2 | 3;
    const almostFilled = almostRows.length >= almost;
    rows = await scoreCandidates(readReplica(), ctx, { pass, qualifiedOnly: almostFilled }, limit, almostFilled ? 0 : almost, opts.caps);
    qualified = rows.filter((r) => r.qualified);
    if (!almostFilled) almostRows = rows.filter((r) => !r.qualified);
  }
  const matches = qualified.map((r) => toScored(ctx, r));
  const almostQualified = almostRows.map((r) => toScored(ctx, r));
  await withAffinity(ctx, [...matches, ...almostQualified]); // adds facts in place, one round of reads
  return { matches, almostQualified, pass };
}

/** Scores the given UMKM for an RFQ (qualified or not), best first. */
export async function scoreSuppliers(ctx: RfqContext, supplierIds: string[]): Promise<ScoredSupplier[]> {
  if (supplierIds.length === 0) return [];
  const rows = await scoreCandidates(db, ctx, { supplierIds }, supplierIds.length, supplierIds.length);
  return withAffinity(
    ctx,
    rows.map((r) => toScored(ctx, r)),
  );
}
