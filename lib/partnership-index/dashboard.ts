// The firm's own Indeks Kemitraan page (/dasbor/indeks-kemitraan): the index of a year or the rolling 12
// months, the quarterly trend of the year, what would raise the grade (concrete counts) and the publish toggle.
import "server-only";
import { ACTORS, authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { currentYear, type IndexPeriod } from "./periods";
import { getPartnershipIndex, getQuarterTrend, type PartnershipIndex, type QuarterPoint } from "./queries";
import { MICRO_SMALL_FULL, MIN_RATINGS } from "./weights";

export type IndexHint =
  | { key: "lateHint"; late: number; total: number; unpaid: number }
  | { key: "reviewHint"; late: number; total: number }
  | { key: "ratingHint"; count: number }
  | { key: "microSmallHint"; share: number }
  | { key: "terminatedHint"; terminated: number; ended: number };

export interface OwnIndexPage {
  index: PartnershipIndex;
  trend: QuarterPoint[];
  trendYear: number;
  hints: IndexHint[];
  canPublish: boolean;
  verified: boolean;
}

/** What would raise the grade, worst first, each with the counts behind it. */
function hintsFor(ix: PartnershipIndex): IndexHint[] {
  const c = ix.counts;
  const hints: IndexHint[] = [];
  if (c.paymentsLate > 0) hints.push({ key: "lateHint", late: c.paymentsLate, total: c.paymentsCounted, unpaid: c.unpaidPastTerm });
  const lateReviews = c.deliveriesCounted - c.deliveriesOnTime;
  if (lateReviews > 0) hints.push({ key: "reviewHint", late: lateReviews, total: c.deliveriesCounted });
  const ended = c.agreementsCompleted + c.agreementsTerminated;
  if (c.agreementsTerminated > 0) hints.push({ key: "terminatedHint", terminated: c.agreementsTerminated, ended });
  const ms = ix.components.microSmallShare;
  if (ms !== null && ms < MICRO_SMALL_FULL) hints.push({ key: "microSmallHint", share: ms });
  if (c.ratings < MIN_RATINGS) hints.push({ key: "ratingHint", count: c.ratings });
  return hints;
}

export async function getOwnIndexPage(actor: Actor | null, period: IndexPeriod): Promise<OwnIndexPage> {
  const a = authorize(actor, { orgTypes: ACTORS.buyer });
  const buyerId = a.membership.organizationId;
  const trendYear = period.kind === "year" ? period.year : currentYear();
  const [index, trend] = await Promise.all([getPartnershipIndex(buyerId, period), getQuarterTrend(buyerId, trendYear)]);
  return {
    index: index!,
    trend,
    trendYear,
    hints: hintsFor(index!),
    canPublish: can(a.membership, "index:publish"),
    verified: a.membership.verificationStatus === "verified",
  };
}
