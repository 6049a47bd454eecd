// The award memo (issue 17, item 8): what a buyer prints or saves as PDF for its internal approval — the RFQ
// and its lines, the quotes compared (the same evaluation as /rfq/[id]/bandingkan: Perpres 46/2025 TKDN
// preference, best value per line), and the decision: who was awarded which lines, for how much, whether that
// was the best evaluated value on each line (the "why" the comparison gives; a departure is flagged for the
// approver to see), when and by whom. Only the RFQ's buyer organization (getComparison: another organization's
// RFQ is not found).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import { getComparison } from "./buyer-reads";

export interface AwardMemoDecision {
  quoteId: string;
  supplierName: string;
  decidedAt: Date;
  /** The member who awarded, with their role in the buyer organization (null: the account is gone). */
  decidedBy: { name: string; role: string | null } | null;
  agreementNumber: string | null;
  lines: { id: string; amountIdr: bigint; bestValue: boolean }[];
  amountIdr: bigint;
}

export async function getAwardMemo(actor: Actor | null, rfqId: string) {
  const comparison = await getComparison(actor, rfqId); // authorizes: the RFQ's own buyer organization
  const organizationId = actor!.membership!.organizationId;
  const [buyer, awards] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
    db.award.findMany({
      where: { rfqId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        quoteId: true,
        createdAt: true,
        decidedById: true,
        items: { select: { rfqItemId: true } },
        agreement: { select: { number: true } },
      },
    }),
  ]);
  const deciders = [...new Set(awards.map((a) => a.decidedById).filter((x): x is string => x !== null))];
  const users = deciders.length
    ? await db.user.findMany({
        where: { id: { in: deciders } },
        select: { id: true, name: true, memberships: { where: { organizationId }, select: { role: true } } },
      })
    : [];
  const userById = new Map(users.map((u) => [u.id, { name: u.name, role: u.memberships[0]?.role ?? null }]));
  const columns = new Map(comparison.suppliers.map((s) => [s.quoteId, s]));
  const decisions: AwardMemoDecision[] = awards.flatMap((a) => {
    const s = columns.get(a.quoteId);
    if (!s) return [];
    const lines = a.items.map((i) => {
      const cell = s.column.cells[i.rfqItemId];
      return { id: i.rfqItemId, amountIdr: cell?.lineTotalIdr ?? 0n, bestValue: cell?.best ?? false };
    });
    return [
      {
        quoteId: a.quoteId,
        supplierName: s.supplier.name,
        decidedAt: a.createdAt,
        decidedBy: a.decidedById ? (userById.get(a.decidedById) ?? null) : null,
        agreementNumber: a.agreement?.number ?? null,
        lines,
        amountIdr: lines.reduce((n, l) => n + l.amountIdr, 0n),
      },
    ];
  });
  return { ...comparison, buyer, decisions };
}
