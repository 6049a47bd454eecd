// An organization's track record from its partnerships: what matching (as evidence of reliability) and the
// statistics read. Public facts only (counts and rates, no agreement details), so any signed-in caller may
// use it; agreements that never became active do not count.
import "server-only";
import { db } from "@/lib/db";

export interface TrackRecord {
  /** Agreements completed / currently in force as a party. */
  completedAgreements: number;
  activeAgreements: number;
  /**
   * Deliveries as a supplier that the buyer accepted (issue 11: a supplier's own record counts only once
   * accepted), the share of them on time, and the share of reviewed deliveries accepted (null without any).
   */
  deliveries: number;
  onTimeRate: number | null;
  acceptedRate: number | null;
  /** Ratings received: average score 1–5 (null without any). */
  ratings: number;
  averageRating: number | null;
  /** As a buyer: average days from invoice (or accepted delivery) to payment. */
  averageDaysToPay: number | null;
}

export async function getTrackRecord(organizationId: string): Promise<TrackRecord> {
  const asParty = { parties: { some: { organizationId } } };
  const [completed, active, deliveries, onTime, accepted, reviewed, ratings, pay] = await Promise.all([
    db.agreement.count({ where: { ...asParty, status: "completed" } }),
    db.agreement.count({ where: { ...asParty, status: "active" } }),
    db.delivery.count({ where: { agreement: { supplierId: organizationId }, status: "accepted" } }),
    db.delivery.count({ where: { agreement: { supplierId: organizationId }, status: "accepted", onTime: true } }),
    db.delivery.count({ where: { agreement: { supplierId: organizationId }, status: "accepted" } }),
    db.delivery.count({ where: { agreement: { supplierId: organizationId }, status: { in: ["accepted", "rejected"] } } }),
    db.rating.aggregate({ where: { rateeId: organizationId }, _avg: { score: true }, _count: { _all: true } }),
    db.payment.aggregate({ where: { agreement: { buyerId: organizationId }, daysToPay: { not: null } }, _avg: { daysToPay: true } }),
  ]);
  return {
    completedAgreements: completed,
    activeAgreements: active,
    deliveries,
    onTimeRate: deliveries ? onTime / deliveries : null,
    acceptedRate: reviewed ? accepted / reviewed : null,
    ratings: ratings._count._all,
    averageRating: ratings._count._all ? Number(ratings._avg.score) : null,
    averageDaysToPay: pay._avg.daysToPay == null ? null : Number(pay._avg.daysToPay),
  };
}
