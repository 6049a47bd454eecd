// An organization's track record from its partnerships: what matching (as evidence of reliability) and the
// statistics read. Public facts only (counts and rates, no agreement details), so any signed-in caller may
// use it; agreements that never became active do not count, nor (issue 11) agreements whose buyer or supplying
// party is not verified (nor their ratings), nor deliveries the buyer has not accepted — the rules of "SupplierTrackRecord", which
// matching scores (migration *_stats_verified_only).
import "server-only";
import { db } from "@/lib/db";

interface TrackRecord {
  /** Agreements completed / currently in force as a party. */
  completedAgreements: number;
  activeAgreements: number;
  /** Deliveries as a supplier that the buyer accepted, the share of them on time, and accepted ÷ reviewed (null without any). */
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
  const verifiedParties = { buyer: { verificationStatus: "verified" as const }, supplier: { verificationStatus: "verified" as const } };
  const asParty = { parties: { some: { organizationId } }, ...verifiedParties };
  const asSupplier = { supplierId: organizationId, ...verifiedParties };
  const [completed, active, deliveries, onTime, reviewed, ratings, pay] = await Promise.all([
    db.agreement.count({ where: { ...asParty, status: "completed" } }),
    db.agreement.count({ where: { ...asParty, status: "active" } }),
    db.delivery.count({ where: { agreement: asSupplier, status: "accepted" } }),
    db.delivery.count({ where: { agreement: asSupplier, status: "accepted", onTime: true } }),
    db.delivery.count({ where: { agreement: asSupplier, status: { in: ["accepted", "rejected"] } } }),
    db.rating.aggregate({ where: { rateeId: organizationId, agreement: verifiedParties }, _avg: { score: true }, _count: { _all: true } }),
    db.payment.aggregate({
      where: { agreement: { buyerId: organizationId, ...verifiedParties }, daysToPay: { not: null } },
      _avg: { daysToPay: true },
    }),
  ]);
  return {
    completedAgreements: completed,
    activeAgreements: active,
    deliveries,
    onTimeRate: deliveries ? onTime / deliveries : null,
    acceptedRate: reviewed ? deliveries / reviewed : null,
    ratings: ratings._count._all,
    averageRating: ratings._count._all ? Number(ratings._avg.score) : null,
    averageDaysToPay: pay._avg.daysToPay == null ? null : Number(pay._avg.daysToPay),
  };
}
