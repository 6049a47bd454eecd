// Reading a buyer organization's own RFQs. The organization comes from the actor, never from the client.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { closeExpiredRfqs } from "./service";

export const RFQ_STATUSES = ["draft", "open", "closed", "awarded", "cancelled"] as const;
export const rfqListFilterSchema = z.object({
  status: z.enum(RFQ_STATUSES).optional().catch(undefined),
});
export type RfqListFilter = z.infer<typeof rfqListFilterSchema>;

export async function listOwnRfqs(actor: Actor | null, filter: RfqListFilter = {}) {
  const a = authorize(actor, { orgTypes: ["buyer"], permission: "rfq:write" });
  const buyerId = a.membership.organizationId;
  await closeExpiredRfqs(); // an open RFQ past its deadline is shown (and counted) as closed
  const [rfqs, counts] = await Promise.all([
    db.rfq.findMany({
      where: { buyerId, ...(filter.status ? { status: filter.status } : {}) },
      orderBy: [{ status: "asc" }, { deadline: "asc" }],
      take: 200,
      select: {
        id: true,
        title: true,
        status: true,
        deadline: true,
        sealed: true,
        visibility: true,
        requiredCertifications: true,
        minTkdn: true,
        kbliCode: true,
        kbli: { select: { titleId: true } },
        deliveryRegency: { select: { name: true, province: { select: { code: true, name: true } } } },
        items: { orderBy: { position: "asc" }, select: { id: true, name: true, quantity: true, unit: true, targetUnitPriceIdr: true } },
        _count: { select: { quotes: { where: { status: "submitted" } }, invitations: true } },
      },
    }),
    db.rfq.groupBy({ by: ["status"], where: { buyerId }, _count: { _all: true } }),
  ]);
  return {
    rfqs: rfqs.map((r) => ({ ...r, minTkdn: r.minTkdn === null ? null : Number(r.minTkdn) })),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<(typeof RFQ_STATUSES)[number], number>>,
  };
}
