// What a buyer organization's officers see on their dashboard: their RFQs by state and their partnerships.
import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { closeExpiredRfqs } from "./deadlines";

export async function getBuyerDashboard(actor: Actor | null) {
  const a = authorize(actor, { orgTypes: ["buyer"], permission: "org:read" });
  const buyerId = a.membership.organizationId;
  await closeExpiredRfqs(); // RFQs past their deadline count as closed (awaiting a decision)
  const [rfqs, byStatus, agreementsByStatus] = await Promise.all([
    db.rfq.findMany({
      where: { buyerId, status: { in: ["draft", "open", "closed"] } },
      orderBy: [{ deadline: "asc" }],
      take: 10,
      select: {
        id: true,
        title: true,
        status: true,
        deadline: true,
        sealed: true,
        visibility: true,
        kbliCode: true,
        deliveryRegency: { select: { name: true } },
        _count: { select: { items: true, quotes: { where: { status: "submitted" } } } },
      },
    }),
    db.rfq.groupBy({ by: ["status"], where: { buyerId }, _count: { _all: true } }),
    db.agreement.groupBy({ by: ["status"], where: { buyerId }, _count: { _all: true }, _sum: { valueIdr: true } }),
  ]);
  return {
    rfqs,
    rfqCounts: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Record<string, number>,
    agreements: agreementsByStatus.map((g) => ({ status: g.status, count: g._count._all, valueIdr: g._sum.valueIdr ?? BigInt(0) })),
  };
}
