// Clarifications: asked by suppliers that can see an RFQ while it accepts quotes (other suppliers never learn who
// asked), answered by the buyer for everyone; a sealed RFQ's buyer learns who asked only after the deadline.
import "server-only";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { suppliersWithheld } from "@/lib/audit/sealed";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import {
  authorizeBuyer,
  authorizeRfqReader,
  authorizeSupplier,
  deadlinePassed,
  isBuyer,
  supplierVisibleRfqWhere,
  visibleRfqWhere,
} from "./access";
import { closeExpiredRfqs } from "./deadlines";
import { lockOwn } from "./lock";
import { rfqRoutes } from "./routes";

interface ClarificationView {
  id: string;
  question: string;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  /** Suppliers: whether the asking organization is the caller's own. */
  askedByYou?: boolean;
  /**
   * The buyer only: who asked; null while the asker is withheld (a sealed RFQ before its deadline, issue 11:
   * lib/audit/sealed.ts suppliersWithheld()).
   */
  askedBy?: { id: string; name: string } | null;
  /** The buyer only: true while the asker is withheld (then `askedBy` is null). */
  askerWithheld?: boolean;
}

export async function listClarifications(actor: Actor | null, rfqId: string): Promise<ClarificationView[]> {
  const a = authorizeRfqReader(actor);
  const org = a.membership.organizationId;
  // Waits for an extension being saved (issue 11 review; as lib/quotes/service.ts ownRfq): its deadline decides.
  await db.$queryRaw`SELECT id FROM "Rfq" WHERE id = ${rfqId} FOR KEY SHARE`;
  const rfq = await db.rfq.findFirst({
    where: { AND: [{ id: rfqId }, visibleRfqWhere(a)] },
    select: { id: true, sealed: true, deadline: true },
  });
  if (!rfq) throw notFound();
  // Who asks tells the buyer who is likely to quote: a sealed RFQ's buyer learns it only after the deadline.
  const withheld = suppliersWithheld(rfq);
  const rows = await db.clarification.findMany({
    where: { rfqId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      question: true,
      answer: true,
      answeredAt: true,
      createdAt: true,
      askedByOrgId: true,
      askedByOrg: { select: { id: true, name: true } },
    },
  });
  const buyer = isBuyer(a);
  return (
    rows
      // A supplier sees answered questions, and its own still unanswered ones.
      .filter((c) => buyer || c.answer !== null || c.askedByOrgId === org)
      .map((c) => ({
        id: c.id,
        question: c.question,
        answer: c.answer,
        answeredAt: c.answeredAt,
        createdAt: c.createdAt,
        ...(buyer ? { askedBy: withheld ? null : c.askedByOrg, askerWithheld: withheld } : { askedByYou: c.askedByOrgId === org }),
      }))
  );
}

/** A supplier that can see an RFQ asks a question while it accepts quotes. */
export async function askClarification(actor: Actor | null, rfqId: string, question: string): Promise<ClarificationView> {
  const a = authorizeSupplier(actor);
  const org = a.membership.organizationId;
  await closeExpiredRfqs({ rfqIds: [rfqId] });
  const rfq = await db.rfq.findFirst({
    where: { AND: [{ id: rfqId }, supplierVisibleRfqWhere(org)] },
    select: { id: true, status: true, deadline: true, buyerId: true },
  });
  if (!rfq) throw notFound();
  if (rfq.status !== "open" || deadlinePassed(rfq)) throw conflict("rfqs.errors.notOpen");
  const c = await db.$transaction(async (tx) => {
    const row = await tx.clarification.create({
      data: { rfqId, askedByOrgId: org, askedById: a.user.id, question },
      select: { id: true, question: true, answer: true, answeredAt: true, createdAt: true },
    });
    await audit(tx, {
      organizationId: rfq.buyerId,
      actorId: a.user.id,
      action: "clarification.asked",
      entityType: "clarification",
      entityId: row.id,
      data: { rfqId, supplierId: org },
    });
    return row;
  });
  return { ...c, askedByYou: true };
}

/**
 * The buyer answers (or corrects its answer to) a clarification; every supplier that can see the RFQ sees it.
 * The asking organization and the suppliers that quoted are notified.
 */
export async function answerClarification(
  actor: Actor | null,
  rfqId: string,
  clarificationId: string,
  answer: string,
): Promise<ClarificationView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status === "draft" || r.status === "cancelled") throw conflict("rfqs.errors.notOpen");
    const c = await tx.clarification.findFirst({
      where: { id: clarificationId, rfqId },
      select: { id: true, askedByOrgId: true, answer: true },
    });
    if (!c) throw notFound();
    await tx.clarification.update({ where: { id: c.id }, data: { answer, answeredById: a.user.id, answeredAt: new Date() } });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "clarification.answered",
      entityType: "clarification",
      entityId: c.id,
      data: { rfqId, ...(c.answer !== null && { revised: true }) },
    });
    const quoted = await tx.quote.findMany({ where: { rfqId }, select: { supplierId: true }, distinct: ["supplierId"] });
    const orgs = [...new Set([c.askedByOrgId, ...quoted.map((q) => q.supplierId)])];
    await notify(tx, {
      type: "rfq.clarification_answered",
      organizationIds: orgs,
      params: { rfqTitle: r.title },
      link: rfqRoutes.boardClarifications(rfqId),
      excludeUserId: a.user.id,
    });
  });
  const list = await listClarifications(a, rfqId);
  return list.find((c) => c.id === clarificationId)!;
}
