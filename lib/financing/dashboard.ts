// A bank's dashboard: the financing requests addressed to it (and only those), with what each request shares.
import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";

export async function getBankDashboard(actor: Actor | null) {
  const a = authorize(actor, { orgTypes: ["bank"], permission: "financing:decide" });
  const bankId = a.membership.organizationId;
  const [requests, byStatus] = await Promise.all([
    db.financingRequest.findMany({
      where: { bankId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        type: true,
        amountIdr: true,
        status: true,
        createdAt: true,
        buyerConfirmedAt: true,
        supplier: { select: { name: true } },
        agreement: { select: { number: true, valueIdr: true, startDate: true, endDate: true, buyer: { select: { name: true } } } },
      },
    }),
    db.financingRequest.groupBy({ by: ["status"], where: { bankId }, _count: { _all: true }, _sum: { amountIdr: true } }),
  ]);
  return {
    requests,
    byStatus: byStatus.map((g) => ({ status: g.status, count: g._count._all, amountIdr: g._sum.amountIdr ?? BigInt(0) })),
  };
}
