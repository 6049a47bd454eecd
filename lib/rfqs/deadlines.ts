// RFQ deadlines are the server's (docs/decisions/0009-rfq-deadlines-and-visibility.md): an open RFQ whose deadline
// has passed is closed lazily by closeExpiredRfqs(), which every read runs; a deadline being set must be ahead and
// within MAX_DEADLINE_DAYS.
import "server-only";
import { audit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { MAX_DEADLINE_DAYS } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Closes open RFQs whose deadline has passed (status closed, closedAt = the deadline) with an audit entry each.
 * Safe to run from several instances at once: the conditional update returns only the rows this call closed.
 * `rfqIds` limits it to those RFQs (a page's own), otherwise every expired RFQ.
 */
export async function closeExpiredRfqs(opts: { rfqIds?: string[]; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const where: Prisma.RfqWhereInput = { status: "open", deadline: { lte: now }, ...(opts.rfqIds && { id: { in: opts.rfqIds } }) };
  const any = await db.rfq.findFirst({ where, select: { id: true } });
  if (!any) return 0;
  return db.$transaction(async (tx) => {
    const closed = await tx.rfq.updateManyAndReturn({
      where,
      data: { status: "closed", closedAt: now, version: { increment: 1 } },
      select: { id: true, buyerId: true, deadline: true },
    });
    for (const r of closed) {
      await audit(tx, {
        organizationId: r.buyerId,
        actorId: null,
        action: "rfq.closed",
        entityType: "rfq",
        entityId: r.id,
        data: { rfqId: r.id, reason: "deadline", deadline: r.deadline.toISOString() },
      });
    }
    return closed.length;
  });
}


/** A deadline being set (create, edit, publish, extend) must be in the future and at most MAX_DEADLINE_DAYS ahead. */
export function assertFutureDeadline(deadline: Date, now = new Date(), field = "deadline") {
  if (deadline.getTime() <= now.getTime()) throw invalidInput({ [field]: ["rfqs.errors.deadlinePast"] });
  if (deadline.getTime() > now.getTime() + MAX_DEADLINE_DAYS * DAY_MS) throw invalidInput({ [field]: ["rfqs.errors.deadlineTooFar"] });
}
