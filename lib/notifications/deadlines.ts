// "Deadline approaching": once per RFQ, when an open RFQ's deadline is within 24 hours, tell the suppliers
// who are in it — those with a draft or submitted quote, and those invited — so nobody misses the close.
//
// Exactly once, with any number of app instances sweeping at the same time: each RFQ is claimed by a
// conditional UPDATE of Rfq.deadlineReminderAt (NULL → now) with FOR UPDATE SKIP LOCKED, in the same
// transaction as the notifications and the audit entry. A concurrent sweeper skips the locked row and, once
// it is committed, no longer matches `deadlineReminderAt IS NULL`; a failure rolls the claim back so a
// later sweep tries again.
import "server-only";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { notify } from "./notify";
import { rfqRoutes } from "@/lib/rfqs/routes";

export const REMINDER_WINDOW_MS = 24 * 60 * 60_000;

export interface SweepOptions {
  now?: Date;
  /** At most this many RFQs per sweep (default 50; the next sweep continues). */
  limit?: number;
}

export interface SweepResult {
  /** RFQs claimed and notified by this sweep. */
  rfqIds: string[];
  /** People notified, summed over those RFQs. */
  notified: number;
}

export async function sweepDeadlineReminders(opts: SweepOptions = {}): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const until = new Date(now.getTime() + REMINDER_WINDOW_MS);
  const limit = Math.max(1, Math.min(opts.limit ?? 50, 500));
  const result: SweepResult = { rfqIds: [], notified: 0 };

  for (let i = 0; i < limit; i++) {
    const done = await db.$transaction(async (tx) => {
      const [rfq] = await tx.$queryRaw<{ id: string; buyerId: string; title: string; deadline: Date }[]>`
        UPDATE "Rfq" SET "deadlineReminderAt" = ${now}
         WHERE id = (
                 SELECT id FROM "Rfq"
                  WHERE status = 'open' AND "deadlineReminderAt" IS NULL AND deadline > ${now} AND deadline <= ${until}
                  ORDER BY deadline, id
                  LIMIT 1
                  FOR UPDATE SKIP LOCKED)
           AND "deadlineReminderAt" IS NULL
        RETURNING id, "buyerId", title, deadline`;
      if (!rfq) return false;

      const [quotes, invitations] = await Promise.all([
        tx.quote.findMany({ where: { rfqId: rfq.id, status: { in: ["draft", "submitted"] } }, select: { supplierId: true } }),
        tx.rfqInvitation.findMany({ where: { rfqId: rfq.id }, select: { supplierId: true } }),
      ]);
      const supplierIds = [...new Set([...quotes, ...invitations].map((r) => r.supplierId))];
      const notified = supplierIds.length
        ? await notify(tx, {
            type: "rfq.deadline_approaching",
            organizationIds: supplierIds,
            params: { rfqTitle: rfq.title, deadline: new Date(rfq.deadline) },
            link: rfqRoutes.boardDetail(rfq.id),
          })
        : 0;
      await audit(tx, {
        organizationId: rfq.buyerId,
        actorId: null,
        action: "rfq.deadline_reminder_sent",
        entityType: "rfq",
        entityId: rfq.id,
        data: { suppliers: supplierIds.length, notified },
      });
      result.rfqIds.push(rfq.id);
      result.notified += notified;
      return true;
    });
    if (!done) break;
  }
  return result;
}
