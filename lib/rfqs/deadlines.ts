// RFQ deadlines are the server's (docs/decisions/0009-rfq-deadlines-and-visibility.md): an open RFQ whose deadline
// has passed is closed lazily by closeExpiredRfqs(), which every read runs; a deadline being set must be ahead and
// within MAX_DEADLINE_DAYS. A deadline typed on a wall clock is on the buyer organization's (WIB, WITA or WIT from
// its region, lib/i18n/time-zone.ts) — never a zone the client names — and is stored in UTC.
import "server-only";
import { audit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { zoneForOrganization } from "@/lib/i18n/time-zone";
import { zonedLocalToUtc } from "@/lib/i18n/zoned-time";
import { MAX_DEADLINE_DAYS, type DeadlineInput } from "./schemas";

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

/**
 * The UTC instant of a deadline as parsed by deadlineSchema: an instant stays as it is; a wall-clock
 * "YYYY-MM-DDTHH:mm" is read on the clock of the buyer organization ("2026-12-15T17:00" for a Makassar buyer
 * → 09:00Z).
 */
export async function deadlineInstant(buyerId: string, deadline: DeadlineInput): Promise<Date> {
  if (deadline instanceof Date) return deadline;
  const d = zonedLocalToUtc(deadline.wallClock, await zoneForOrganization(buyerId));
  if (Number.isNaN(d.getTime())) throw invalidInput({ deadline: ["rfqs.errors.deadlineFormat"] });
  return d;
}
