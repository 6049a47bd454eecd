// An RFQ's history for its buyer organization (/rfq/[id]/riwayat): the audit trail of the RFQ and of its quotes,
// a sealed RFQ's quote entries masked until the deadline (lib/audit/sealed.ts).
import "server-only";
import type { Actor } from "@/lib/auth/types";
import { maskSealedQuoteEntries } from "@/lib/audit/sealed";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorizeBuyer } from "./access";
import { closeExpiredRfqs } from "./deadlines";

interface HistoryEntry {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string } | null;
  data: Record<string, unknown>;
  createdAt: Date;
  /** A quote entry of a sealed RFQ before its deadline: who did it is withheld. */
  sealed: boolean;
}

export async function listRfqHistory(actor: Actor | null, rfqId: string, limit = 200): Promise<HistoryEntry[]> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await closeExpiredRfqs({ rfqIds: [rfqId] });
  const rfq = await db.rfq.findFirst({ where: { id: rfqId, buyerId }, select: { id: true } });
  if (!rfq) throw notFound();
  const rows = await db.auditLog.findMany({
    where: { organizationId: buyerId, OR: [{ entityId: rfqId }, { data: { path: ["rfqId"], equals: rfqId } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 1000),
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      data: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
  });
  // A sealed RFQ hides even who quoted until the deadline: the one masking rule of lib/audit/sealed.ts.
  const masked = await maskSealedQuoteEntries(buyerId, rows);
  return masked.map((r) => ({
    ...r,
    data: r.data && typeof r.data === "object" && !Array.isArray(r.data) ? (r.data as Record<string, unknown>) : {},
  }));
}
