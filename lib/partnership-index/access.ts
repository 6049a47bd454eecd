// Who sees which Indeks Kemitraan (issue 13; docs/decisions/0024-partnership-index.md):
// - the firm itself: its own index, always (also unpublished, also with fewer than 3 partners: counts shown);
// - ministry and platform staff (stats:drilldown): every firm's index and the ranking, exact;
// - everyone else: a firm's index only when it published it (Organization.indexPublishedAt) and is a verified,
//   not suspended buyer; otherwise the index does not exist (404). A published index of a firm with fewer than
//   3 UMKM partners in the period shows no figures (the disclosure rule of issue 7).
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

/** Ministry and platform staff: every firm's index and the ranking. */
const isIndexStaff = (actor: Pick<Actor, "membership"> | null | undefined): boolean => can(actor?.membership, "stats:drilldown");

/** The signed-in buyer whose own index this is. */
const isOwnIndex = (actor: Pick<Actor, "membership"> | null | undefined, buyerId: string): boolean =>
  actor?.membership?.organizationType === "buyer" && actor.membership.organizationId === buyerId;

/** For requirePageActor on /dasbor/indeks-kemitraan: buyers only. */
export const mayOpenOwnIndex = (actor: Actor): boolean => actor.membership?.organizationType === "buyer";

/** For requirePageActor on /statistik/indeks-kemitraan. */
export const mayOpenRanking = (actor: Actor): boolean => isIndexStaff(actor);

export type IndexAudience = "own" | "staff" | "public";

/** How the actor may see a buyer's index: null = not at all (404). */
export function indexAudience(
  actor: Pick<Actor, "membership"> | null | undefined,
  buyer: { id: string; verified: boolean; suspended: boolean; publishedAt: Date | null },
): IndexAudience | null {
  if (isOwnIndex(actor, buyer.id)) return "own";
  if (isIndexStaff(actor)) return "staff";
  if (buyer.publishedAt && buyer.verified && !buyer.suspended) return "public";
  return null;
}
