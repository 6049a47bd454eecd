// The one place where the matching engine's weights and thresholds live (docs/decisions/0014-matching-model.md).
// A match score is the sum of the parts below and runs from 0 to 100: the maxima add up to exactly 100 (a unit
// test checks it). Change a weight here and both directions change with it: an RFQ's ranked UMKM (buyer) and
// an UMKM's recommended RFQs (dashboard), the SQL that ranks them (lib/matching/engine.ts) and the reasons shown.
//
// Hard requirements are NOT weights: an UMKM that misses one (a required certificate not valid on the RFQ's
// deadline, or a TKDN percentage below the RFQ's minimum) is never in the ranking; it goes to the "almost
// qualified" list with its gaps. Everything here only orders suppliers that qualify.

export const WEIGHTS = {
  /**
   * KBLI 2020 of the RFQ against the UMKM's codes (its profile and its active products): the same 5-digit
   * kelompok, else the same 4-digit subgolongan ("class"), the same 3-digit golongan, the same 2-digit golongan
   * pokok ("division"). The strongest single signal: a KBLI code says what a business is licensed to do.
   */
  kbli: { exact: 30, class: 22, group: 16, division: 10 },
  /**
   * Words of the RFQ (title and item names) found in the UMKM's texts, as a share of the RFQ's words: a word
   * in a product name counts fully, in the business name 0.8, only in descriptions or KBLI titles 0.5.
   * Typos are corrected against the vocabulary with trigram similarity before matching.
   */
  text: 25,
  /** Share of the RFQ's required certificates held and valid on its deadline (full when none is required). */
  certifications: 8,
  /** TKDN at or above the RFQ's minimum (full when the RFQ sets none). */
  tkdn: 4,
  /** Monthly capacity of the UMKM's relevant products against the RFQ's quantity: capacity ÷ quantity, at most 1. */
  capacity: 10,
  /** Distance between the UMKM's regency and the delivery regency (reference points of data/regions.json). */
  distance: 12,
  /** Verified by the platform (NIB, NPWP and documents checked). */
  verified: 5,
  /** Track record on Rantai: completed agreements (half) and the share of deliveries on time (half). */
  trackRecord: 6,
} as const;

/** The largest possible score (the sum of the maxima above): 100. */
export const MAX_SCORE =
  WEIGHTS.kbli.exact +
  WEIGHTS.text +
  WEIGHTS.certifications +
  WEIGHTS.tkdn +
  WEIGHTS.capacity +
  WEIGHTS.distance +
  WEIGHTS.verified +
  WEIGHTS.trackRecord;

/**
 * Words of the RFQ's line items (what is bought: "kain batik tulis") count this many times a word found only in
 * its title ("… untuk HUT perusahaan", "premium").
 */
export const ITEM_WORD_WEIGHT = 2;

/** How much a matched word counts, by where it was found. */
export const WORD_WEIGHT = { product: 1, name: 0.8, document: 0.5 } as const;

export const DISTANCE = {
  /** Up to this many km the distance part is full (same or neighbouring regency). */
  fullWithinKm: 100,
  /** From fullWithinKm the part falls linearly to zero at this distance (e.g. Java to Papua is ~3,000 km). */
  zeroAtKm: 1_500,
  /** Share of the distance part when a location is unknown (no regency or no reference point). */
  unknownShare: 0.5,
} as const;

export const TRACK_RECORD = {
  /** This many completed agreements earn the full "completed" half. */
  completedForFull: 3,
} as const;

export const LIMITS = {
  /**
   * Relevance floor: KBLI points plus word points must reach this, or the UMKM is not a match at all (a word
   * that only appears in some product description, with an unrelated KBLI, is a coincidence, not a fit).
   * 10 = at least the same KBLI division, or about 40% of the RFQ's words in product names.
   */
  minRelevance: 10,
  /** Default and largest number of ranked UMKM returned for an RFQ. */
  defaultMatches: 20,
  maxMatches: 100,
  /** Almost-qualified UMKM shown beside the ranking. */
  almostQualified: 10,
  /**
   * The first pass ranks every candidate on the cheap signals (KBLI, words, certificates, distance,
   * verified), keeps this many, and computes capacity, TKDN and track record for those only.
   */
  shortlist: 200,
  /**
   * The first and second passes keep at most this many candidates, chosen on the narrow in-row signals (all
   * required certificates held first, then KBLI points + certificate points + distance + verified; not the
   * words, which every first-pass candidate has) before words, capacity, TKDN and track record are scored: a
   * common product kind has thousands of such UMKM. On the bench dataset the top 20 is unchanged for 297 of 300
   * RFQs (docs/decisions/0014-matching-model.md).
   */
  firstPassCap: 500,
  /**
   * A word found in at least this share of the search documents (planner statistics) is checked on the
   * candidate rows rather than through the GIN index (a plan choice only: the same UMKM are candidates).
   */
  frequentWordShare: 0.1,
  /**
   * An RFQ word used as a prefix ("jahit" also finds "jahitan") is written as the vocabulary's words that
   * start with it when there are at most this many (same UMKM found; exact words are far cheaper to look up
   * in the GIN index than a prefix of a common word). More than this: the prefix itself.
   */
  prefixLexemes: 8,
  /** The widest candidate pass (KBLI division or any word) scores at most this many UMKM. */
  widestPass: 5_000,
  /** A multi-line RFQ: the lines matched one by one (issue 17; later lines are listed, not matched). */
  matchedLines: 20,
  /** The best UMKM shown per line, and how many per line the split may choose from. */
  lineMatches: 5,
  lineCandidates: 10,
  /** Recommended RFQs on an UMKM's dashboard. */
  recommendations: 10,
  /** Open RFQs considered per UMKM (the most relevant by KBLI, then the nearest deadline). */
  recommendationCandidates: 60,
} as const;

export const CONSORTIUM = {
  minMembers: 2,
  maxMembers: 5,
  /** Proposals returned for an RFQ. */
  maxProposals: 5,
  /** Qualified UMKM considered when assembling groups (best scores first). */
  pool: 60,
  /** Members other than the cooperative's own must lie within this distance of the group's first member. */
  nearbyKm: 300,
} as const;
