// The Indeks Kemitraan's weights and grade thresholds: the one place they are set
// (docs/decisions/0024-partnership-index.md explains each). Pure data; lib/partnership-index/score.ts applies them.

/** Fewer distinct verified UMKM partners than this in the period: no score, no grade ("belum cukup data"). */
export const MIN_PARTNERS = 3;

/** A partner rating is shown (and scored) only with at least this many ratings. */
export const MIN_RATINGS = 3;

// Fixed by the issue, applied in SQL (migration *_partnership_index, pindex_compute): a milestone without a
// payment term has 30 days from the term's start; a delivery reviewed within 7 days of being recorded counts as
// reviewed on time.

/**
 * Points per component (sum 100). Each component is first scaled to 0..1 (1 = best); a component without data
 * in the period (no payment due yet, no delivery, fewer than MIN_RATINGS ratings, no ended agreement) is left
 * out and the others are scaled up to 100.
 */
export const WEIGHTS = {
  /** 1 − share of payments later than the agreed term (KPPU's main concern). */
  onTimePayment: 30,
  /** Median days to pay: full marks at DAYS_MEDIAN.best or fewer, none at DAYS_MEDIAN.worst or more. */
  daysToPayMedian: 10,
  /** 90th percentile of days to pay: the slow tail. */
  daysToPayP90: 5,
  /** Share of deliveries the buyer reviewed within REVIEW_DAYS. */
  deliveryReview: 15,
  /** Share of the value going to micro and small firms, full marks from MICRO_SMALL_FULL. */
  microSmallShare: 10,
  /** Share of partners that moved up a size class during the partnership, full marks from MOVED_UP_FULL. */
  partnersMovedUp: 5,
  /** Mean of the UMKM partners' ratings of the buyer (1..5). */
  partnerRating: 15,
  /** Share of ended agreements completed rather than terminated. */
  completion: 10,
} as const;

export type WeightKey = keyof typeof WEIGHTS;

export const DAYS_MEDIAN = { best: 14, worst: 90 } as const;
export const DAYS_P90 = { best: 30, worst: 120 } as const;
export const MICRO_SMALL_FULL = 0.5;
export const MOVED_UP_FULL = 0.1;

/** Grades from the best: the lowest score that earns each. */
export const GRADES = [
  { grade: "terbaik", min: 85 },
  { grade: "sangat_baik", min: 70 },
  { grade: "baik", min: 55 },
  { grade: "cukup", min: 40 },
  { grade: "perlu_perbaikan", min: 0 },
] as const;

export type Grade = (typeof GRADES)[number]["grade"];
export const GRADE_KEYS: readonly Grade[] = GRADES.map((g) => g.grade);
