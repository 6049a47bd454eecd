// What the matching engine measured for one (RFQ, UMKM) pair, and what follows from it: the score (the same
// arithmetic as the SQL in lib/matching/engine.ts, kept here so it can be tested and cross-checked), the
// reasons behind it and the hard requirements missed (gaps). Pure: no database, no i18n — reasons and gaps are
// codes with parameters; lib/matching/labels.ts turns them into Indonesian or English sentences.
import type { CertificationType } from "@/lib/enums";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { DISTANCE, TRACK_RECORD, WEIGHTS, WORD_WEIGHT } from "./weights";

/** Where an RFQ word was found in the UMKM's texts: 3 a product name, 2 the business name, 1 elsewhere, 0 nowhere. */
export type WordHit = 0 | 1 | 2 | 3;

export interface MatchSignals {
  /** 5 same KBLI kelompok, 4 same class (4 digits), 3 same golongan, 2 same division (2 digits), 0 none. */
  kbliLevel: 0 | 2 | 3 | 4 | 5;
  /** The UMKM's code that matched best (for the reason text). */
  kbliMatched: string | null;
  rfqKbli: string;
  /** The RFQ's words and where each was found. */
  words: string[];
  wordHits: WordHit[];
  /** How much each word counts (item-name words ITEM_WORD_WEIGHT, title-only words 1); default 1 each. */
  wordWeights?: number[];
  requiredCertifications: CertificationType[];
  /** Per required certificate: the latest end date held (YYYY-MM-DD; 9999-12-31 without end), or null. */
  certUntil: Partial<Record<CertificationType, string | null>>;
  /** The RFQ deadline's date in Jakarta (YYYY-MM-DD): certificates must still be valid that day. */
  deadlineDate: string;
  minTkdn: number | null;
  /** The best TKDN percentage valid on the deadline, or null. */
  tkdn: number | null;
  /** Monthly capacity of the relevant products (null: none stated). */
  capacity: number | null;
  quantity: number;
  unit: string;
  /** Distance from the UMKM's regency to the delivery regency, km (null: unknown). */
  km: number | null;
  sameRegency: boolean;
  regencyName: string | null;
  /** The RFQ's delivery regency (named by the distance reasons). */
  deliveryName?: string | null;
  verified: boolean;
  completedAgreements: number;
  deliveries: number;
  onTimeDeliveries: number;
  /**
   * Affinity (issue 12; lib/matching/affinity.ts), no points: the clusters linking this UMKM to the RFQ — the
   * cluster the RFQ is posted to ("rfq") or a cluster the buyer anchors ("anchor") that the UMKM belongs to,
   * directly or through its cooperative — and the industrial estate (site) the UMKM shares with the buyer.
   */
  clusters?: { name: string; via: "rfq" | "anchor" }[];
  estate?: string | null;
}

type ReasonCode =
  | "cluster_member"
  | "same_estate"
  | "kbli_exact"
  | "kbli_class"
  | "kbli_group"
  | "kbli_division"
  | "words_product"
  | "words_other"
  | "certs_held"
  | "tkdn_met"
  | "capacity_full"
  | "capacity_partial"
  | "distance_same_regency"
  | "distance_near"
  | "distance_far"
  | "verified"
  | "track_record";

type GapCode = "cert_missing" | "cert_expires" | "tkdn_missing" | "tkdn_below";

export type Params = Record<string, string | number>;

export interface Reason {
  code: ReasonCode;
  params: Params;
  /** Points this reason contributed (0 for negative remarks such as a long distance). */
  points: number;
}

export interface Gap {
  code: GapCode;
  params: Params;
  /** Where the UMKM fixes it (its profile's certificate step). */
  fixPath: string;
}

const FIX_CERTIFICATES_PATH = supplierRoutes.step("sertifikat");

const round1 = (x: number) => Math.round(x * 10) / 10;

function kbliPoints(level: MatchSignals["kbliLevel"]): number {
  return level === 5
    ? WEIGHTS.kbli.exact
    : level === 4
      ? WEIGHTS.kbli.class
      : level === 3
        ? WEIGHTS.kbli.group
        : level === 2
          ? WEIGHTS.kbli.division
          : 0;
}

function hitWeight(hit: WordHit): number {
  return hit === 3 ? WORD_WEIGHT.product : hit === 2 ? WORD_WEIGHT.name : hit === 1 ? WORD_WEIGHT.document : 0;
}

function textPoints(hits: readonly WordHit[], weights?: readonly number[]): number {
  if (hits.length === 0) return 0;
  const w = (i: number) => weights?.[i] ?? 1;
  const total = hits.reduce<number>((a, _, i) => a + w(i), 0);
  return (WEIGHTS.text * hits.reduce<number>((a, h, i) => a + w(i) * hitWeight(h), 0)) / total;
}

/** Is a certificate held until this date still valid on the deadline? */
function validOn(until: string | null | undefined, deadlineDate: string): boolean {
  return !!until && until >= deadlineDate;
}

function certificationPoints(s: Pick<MatchSignals, "requiredCertifications" | "certUntil" | "deadlineDate">): number {
  if (s.requiredCertifications.length === 0) return WEIGHTS.certifications;
  const held = s.requiredCertifications.filter((c) => validOn(s.certUntil[c], s.deadlineDate)).length;
  return (WEIGHTS.certifications * held) / s.requiredCertifications.length;
}

function tkdnPoints(s: Pick<MatchSignals, "minTkdn" | "tkdn">): number {
  if (s.minTkdn === null) return WEIGHTS.tkdn;
  if (s.tkdn === null) return 0;
  return s.tkdn >= s.minTkdn ? WEIGHTS.tkdn : (WEIGHTS.tkdn * s.tkdn) / s.minTkdn / 2;
}

function capacityPoints(s: Pick<MatchSignals, "capacity" | "quantity">): number {
  if (s.capacity === null || s.capacity <= 0 || s.quantity <= 0) return 0;
  return WEIGHTS.capacity * Math.min(1, s.capacity / s.quantity);
}

export function distanceShare(km: number | null): number {
  if (km === null) return DISTANCE.unknownShare;
  if (km <= DISTANCE.fullWithinKm) return 1;
  return Math.max(0, 1 - (km - DISTANCE.fullWithinKm) / (DISTANCE.zeroAtKm - DISTANCE.fullWithinKm));
}

function trackRecordPoints(s: Pick<MatchSignals, "completedAgreements" | "deliveries" | "onTimeDeliveries">): number {
  const completed = Math.min(1, s.completedAgreements / TRACK_RECORD.completedForFull);
  const onTime = s.deliveries > 0 ? s.onTimeDeliveries / s.deliveries : 0;
  return (WEIGHTS.trackRecord * (completed + onTime)) / 2;
}

/** The score, 0..100, rounded to a whole number (the SQL computes the same before rounding). */
export function scoreOf(s: MatchSignals): number {
  const total =
    kbliPoints(s.kbliLevel) +
    textPoints(s.wordHits, s.wordWeights) +
    certificationPoints(s) +
    tkdnPoints(s) +
    capacityPoints(s) +
    WEIGHTS.distance * distanceShare(s.km) +
    (s.verified ? WEIGHTS.verified : 0) +
    trackRecordPoints(s);
  return Math.max(0, Math.min(100, Math.round(total)));
}

/** The hard requirements this UMKM misses for this RFQ (empty: it qualifies). */
export function gapsOf(s: MatchSignals): Gap[] {
  const gaps: Gap[] = [];
  for (const c of s.requiredCertifications) {
    if (c === "tkdn" && s.minTkdn !== null && s.tkdn === null) continue; // said once, with the minimum, below
    const until = s.certUntil[c] ?? null;
    if (validOn(until, s.deadlineDate)) continue;
    gaps.push(
      until
        ? { code: "cert_expires", params: { cert: c, until, deadline: s.deadlineDate }, fixPath: FIX_CERTIFICATES_PATH }
        : { code: "cert_missing", params: { cert: c }, fixPath: FIX_CERTIFICATES_PATH },
    );
  }
  if (s.minTkdn !== null && (s.tkdn === null || s.tkdn < s.minTkdn)) {
    gaps.push(
      s.tkdn === null
        ? { code: "tkdn_missing", params: { min: s.minTkdn }, fixPath: FIX_CERTIFICATES_PATH }
        : { code: "tkdn_below", params: { min: s.minTkdn, percent: s.tkdn }, fixPath: FIX_CERTIFICATES_PATH },
    );
  }
  return gaps;
}

/**
 * Affinity reasons (no points: the score measures fit, ADR 0029): membership of the cluster the RFQ is posted
 * to or of a cluster the buyer anchors, and the same industrial estate as the buyer. Listed before the scored
 * reasons so the short lists (the top three) show them.
 */
function affinityReasons(s: MatchSignals): Reason[] {
  const out: Reason[] = [];
  for (const c of s.clusters ?? []) out.push({ code: "cluster_member", params: { cluster: c.name, via: c.via }, points: 0 });
  if (s.estate) out.push({ code: "same_estate", params: { estate: s.estate }, points: 0 });
  return out;
}

/** The reasons behind the score: affinity first (no points), then the scored ones, strongest first. */
export function reasonsOf(s: MatchSignals): Reason[] {
  const out: Reason[] = [];
  const kp = kbliPoints(s.kbliLevel);
  if (s.kbliLevel > 0) {
    const code = s.kbliLevel === 5 ? "kbli_exact" : s.kbliLevel === 4 ? "kbli_class" : s.kbliLevel === 3 ? "kbli_group" : "kbli_division";
    out.push({ code, params: { kbli: s.kbliMatched ?? s.rfqKbli, rfqKbli: s.rfqKbli }, points: kp });
  }
  const inProducts = s.words.filter((_, i) => s.wordHits[i] === 3);
  const elsewhere = s.words.filter((_, i) => s.wordHits[i] === 1 || s.wordHits[i] === 2);
  const tp = textPoints(s.wordHits, s.wordWeights);
  if (inProducts.length > 0) {
    const share = inProducts.length / Math.max(1, inProducts.length + elsewhere.length);
    out.push({
      code: "words_product",
      params: { words: inProducts.join(", "), count: inProducts.length, total: s.words.length },
      points: tp * share,
    });
  }
  if (elsewhere.length > 0) {
    const share = elsewhere.length / Math.max(1, inProducts.length + elsewhere.length);
    out.push({
      code: "words_other",
      params: { words: elsewhere.join(", "), count: elsewhere.length, total: s.words.length },
      points: tp * share,
    });
  }
  const held = s.requiredCertifications.filter((c) => validOn(s.certUntil[c], s.deadlineDate));
  if (held.length > 0)
    out.push({ code: "certs_held", params: { certs: held.join(","), deadline: s.deadlineDate }, points: certificationPoints(s) });
  if (s.minTkdn !== null && s.tkdn !== null && s.tkdn >= s.minTkdn)
    out.push({ code: "tkdn_met", params: { percent: s.tkdn, min: s.minTkdn }, points: WEIGHTS.tkdn });
  if (s.capacity !== null && s.capacity > 0) {
    const cp = capacityPoints(s);
    if (s.capacity >= s.quantity)
      out.push({ code: "capacity_full", params: { capacity: s.capacity, quantity: s.quantity, unit: s.unit }, points: cp });
    else
      out.push({
        code: "capacity_partial",
        params: { capacity: s.capacity, quantity: s.quantity, unit: s.unit, percent: Math.round((100 * s.capacity) / s.quantity) },
        points: cp,
      });
  }
  const dp = WEIGHTS.distance * distanceShare(s.km);
  const place = { regency: s.regencyName ?? "", delivery: s.deliveryName || s.regencyName || "" };
  if (s.sameRegency) out.push({ code: "distance_same_regency", params: place, points: dp });
  else if (s.km !== null && s.km <= 500) out.push({ code: "distance_near", params: { km: Math.round(s.km), ...place }, points: dp });
  else if (s.km !== null) out.push({ code: "distance_far", params: { km: Math.round(s.km), ...place }, points: dp });
  if (s.verified) out.push({ code: "verified", params: {}, points: WEIGHTS.verified });
  if (s.completedAgreements > 0 || s.deliveries > 0) {
    out.push({
      code: "track_record",
      params: {
        completed: s.completedAgreements,
        onTimePercent: s.deliveries > 0 ? Math.round((100 * s.onTimeDeliveries) / s.deliveries) : 0,
        deliveries: s.deliveries,
      },
      points: trackRecordPoints(s),
    });
  }
  return [...affinityReasons(s), ...out.map((r) => ({ ...r, points: round1(r.points) })).sort((a, b) => b.points - a.points)];
}
