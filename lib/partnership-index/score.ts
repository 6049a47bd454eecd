// The score and grade of one buyer's index from its raw counts (pure; the weights are in weights.ts).
import {
  DAYS_MEDIAN,
  DAYS_P90,
  GRADES,
  MICRO_SMALL_FULL,
  MIN_PARTNERS,
  MIN_RATINGS,
  MOVED_UP_FULL,
  WEIGHTS,
  type Grade,
  type WeightKey,
} from "./weights";

/** What the rollups hold for a buyer and a period, with what turned late with time already added. */
export interface IndexCounts {
  partners: number;
  agreementsActive: number;
  agreementsCompleted: number;
  agreementsTerminated: number;
  valueIdr: bigint;
  microSmallValueIdr: bigint;
  /** Payments counted for lateness: confirmed payments with a term start, plus milestones unpaid past their term. */
  paymentsCounted: number;
  paymentsLate: number;
  /** Of paymentsLate: milestones still unpaid after their term. */
  unpaidPastTerm: number;
  daysMedian: number | null;
  daysP90: number | null;
  /** Deliveries counted: reviewed ones plus those waiting longer than the review window. */
  deliveriesCounted: number;
  deliveriesOnTime: number;
  partnersMovedUp: number;
  ratings: number;
  ratingSum: number;
}

export const EMPTY_COUNTS: IndexCounts = {
  partners: 0,
  agreementsActive: 0,
  agreementsCompleted: 0,
  agreementsTerminated: 0,
  valueIdr: 0n,
  microSmallValueIdr: 0n,
  paymentsCounted: 0,
  paymentsLate: 0,
  unpaidPastTerm: 0,
  daysMedian: null,
  daysP90: null,
  deliveriesCounted: 0,
  deliveriesOnTime: 0,
  partnersMovedUp: 0,
  ratings: 0,
  ratingSum: 0,
};

export interface IndexComponents {
  partners: number;
  agreements: { active: number; completed: number; terminated: number; total: number };
  valueIdr: bigint;
  microSmallShare: number | null;
  daysToPayMedian: number | null;
  daysToPayP90: number | null;
  latePaymentShare: number | null;
  deliveryReviewOnTimeShare: number | null;
  partnersMovedUp: number;
  /** Mean of the UMKM partners' ratings; null with fewer than MIN_RATINGS. Never who rated. */
  partnerRating: { mean: number; count: number } | null;
}

export interface Scored {
  /** Enough partners in the period for a score (MIN_PARTNERS). */
  enoughData: boolean;
  score: number | null;
  grade: Grade | null;
  components: IndexComponents;
  /** Each component's 0..1 value and weight (null: no data, left out). */
  parts: Record<WeightKey, { value: number | null; weight: number }>;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const linear = (x: number, best: number, worst: number) => clamp01((worst - x) / (worst - best));
const share = (n: number, d: number) => (d > 0 ? n / d : null);

function componentsOf(c: IndexCounts): IndexComponents {
  const total = c.agreementsActive + c.agreementsCompleted + c.agreementsTerminated;
  return {
    partners: c.partners,
    agreements: { active: c.agreementsActive, completed: c.agreementsCompleted, terminated: c.agreementsTerminated, total },
    valueIdr: c.valueIdr,
    microSmallShare: c.valueIdr > 0n ? Number((c.microSmallValueIdr * 10_000n) / c.valueIdr) / 10_000 : null,
    daysToPayMedian: c.daysMedian,
    daysToPayP90: c.daysP90,
    latePaymentShare: share(c.paymentsLate, c.paymentsCounted),
    deliveryReviewOnTimeShare: share(c.deliveriesOnTime, c.deliveriesCounted),
    partnersMovedUp: c.partnersMovedUp,
    partnerRating: c.ratings >= MIN_RATINGS ? { mean: Math.round((c.ratingSum / c.ratings) * 100) / 100, count: c.ratings } : null,
  };
}

function gradeOf(score: number): Grade {
  return GRADES.find((g) => score >= g.min)!.grade;
}

export function scoreIndex(c: IndexCounts): Scored {
  const components = componentsOf(c);
  const ended = c.agreementsCompleted + c.agreementsTerminated;
  const values: Record<WeightKey, number | null> = {
    onTimePayment: components.latePaymentShare === null ? null : 1 - components.latePaymentShare,
    daysToPayMedian: c.daysMedian === null ? null : linear(c.daysMedian, DAYS_MEDIAN.best, DAYS_MEDIAN.worst),
    daysToPayP90: c.daysP90 === null ? null : linear(c.daysP90, DAYS_P90.best, DAYS_P90.worst),
    deliveryReview: components.deliveryReviewOnTimeShare,
    microSmallShare: components.microSmallShare === null ? null : clamp01(components.microSmallShare / MICRO_SMALL_FULL),
    partnersMovedUp: c.partners > 0 ? clamp01(c.partnersMovedUp / c.partners / MOVED_UP_FULL) : null,
    partnerRating: components.partnerRating ? clamp01((components.partnerRating.mean - 1) / 4) : null,
    completion: ended > 0 ? c.agreementsCompleted / ended : null,
  };
  const parts = Object.fromEntries(
    (Object.keys(WEIGHTS) as WeightKey[]).map((k) => [k, { value: values[k], weight: WEIGHTS[k] }]),
  ) as Scored["parts"];
  const enoughData = c.partners >= MIN_PARTNERS;
  if (!enoughData) return { enoughData, score: null, grade: null, components, parts };
  let weight = 0;
  let points = 0;
  for (const k of Object.keys(WEIGHTS) as WeightKey[]) {
    const v = values[k];
    if (v === null) continue;
    weight += WEIGHTS[k];
    points += WEIGHTS[k] * v;
  }
  const score = weight > 0 ? Math.round((points / weight) * 1000) / 10 : null;
  return { enoughData, score, grade: score === null ? null : gradeOf(score), components, parts };
}
