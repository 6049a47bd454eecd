// The quote's lifecycle on the supplier's side: create or revise (as a draft or submitted) and withdraw, before
// the deadline of an open RFQ only. Used by the quote form's server actions (lib/quotes/actions.ts) and
// PUT / DELETE /api/v1/rfqs/{id}/quote. Who may: lib/quotes/access.ts.
// Every transition is audited twice (for the buyer organization and for the supplier), in the same
// transaction; a submission notifies the buyer organization ("quote.received", never with a price).
import type { AuditAction } from "@/lib/audit/actions";
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/types";
import { fieldErrors } from "@/lib/auth/schemas";
import { audit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { deadlinePassed, supplierVisibleRfqWhere } from "@/lib/rfqs/access";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { authorizeQuoting } from "./access";
import { pricedLinesSchema } from "./limits";
import type { QuoteInput } from "./schemas";
import { getOwnQuote, ledConsortium, type OwnQuoteView } from "./supplier-reads";

function auditBoth(
  tx: Prisma.TransactionClient,
  args: {
    buyerId: string;
    supplierId: string;
    actorId: string;
    action: AuditAction;
    quoteId: string;
    rfqId: string;
    extra?: Record<string, string | number | boolean | null>;
  },
) {
  const data = { rfqId: args.rfqId, ...(args.extra ?? {}) };
  return Promise.all([
    audit(tx, {
      organizationId: args.buyerId,
      actorId: args.actorId,
      action: args.action,
      entityType: "quote",
      entityId: args.quoteId,
      data,
    }),
    audit(tx, {
      organizationId: args.supplierId,
      actorId: args.actorId,
      action: args.action,
      entityType: "quote",
      entityId: args.quoteId,
      data,
    }),
  ]);
}

const quoteTotalsSchema = z.object({
  items: pricedLinesSchema({
    priceField: "unitPriceIdr",
    lineMessage: "quotes.errors.lineTotalTooLarge",
    totalMessage: "quotes.errors.totalTooLarge",
  }),
});

/** Locks the RFQ row for the rest of the transaction and returns what the quote rules need. */
async function lockRfq(tx: Prisma.TransactionClient, rfqId: string) {
  await tx.$queryRaw`SELECT id FROM "Rfq" WHERE id = ${rfqId} FOR UPDATE`;
}

/**
 * Creates or revises the caller's quote. `submit` (default true) submits it; false keeps (or puts) it in
 * draft. Before the deadline of an open RFQ only (409 afterwards). Every priced line must be a line of this
 * RFQ (400 with the field otherwise).
 */
export async function saveQuote(actor: Actor | null, rfqId: string, input: QuoteInput): Promise<OwnQuoteView> {
  const a = authorizeQuoting(actor);
  const supplierId = a.membership.organizationId;
  const submit = input.submit ?? true;

  const quoteId = await db.$transaction(async (tx) => {
    const visible = await tx.rfq.findFirst({ where: { AND: [{ id: rfqId }, supplierVisibleRfqWhere(supplierId)] }, select: { id: true } });
    if (!visible) throw notFound();
    await lockRfq(tx, rfqId);
    const rfq = await tx.rfq.findUniqueOrThrow({
      where: { id: rfqId },
      select: {
        id: true,
        title: true,
        status: true,
        deadline: true,
        sealed: true,
        buyerId: true,
        items: { select: { id: true, quantity: true } },
      },
    });
    if (rfq.status !== "open" || deadlinePassed(rfq)) throw conflict("quotes.errors.closed");

    // Lines: every id must be one of this RFQ's lines.
    const lineIds = new Set(rfq.items.map((i) => i.id));
    const fields: Record<string, string[]> = {};
    input.items.forEach((it, i) => {
      if (!lineIds.has(it.rfqItemId)) fields[`items.${i}.rfqItemId`] = ["quotes.errors.unknownItem"];
    });
    if (Object.keys(fields).length) throw invalidInput(fields);

    // quantity × unit price per line, and the quote's total, within the range of a Rupiah sum (issue 11)
    const quantities = new Map(rfq.items.map((i) => [i.id, i.quantity]));
    const totals = quoteTotalsSchema.safeParse({
      items: input.items.map((it) => ({ quantity: quantities.get(it.rfqItemId)!, unitPriceIdr: it.unitPriceIdr })),
    });
    if (!totals.success) throw invalidInput(fieldErrors(totals.error));

    // A consortium this organization leads quotes through this quote; shares only for its members.
    const consortium = await ledConsortium(tx, rfqId, supplierId);
    if (input.consortiumShares?.length) {
      if (!consortium) throw invalidInput({ consortiumShares: ["quotes.errors.notConsortiumLead"] });
      const members = new Set(consortium.members.map((m) => m.supplierId));
      input.consortiumShares.forEach((s, i) => {
        if (!members.has(s.supplierId)) fields[`consortiumShares.${i}.supplierId`] = ["quotes.errors.notConsortiumMember"];
      });
      if (Object.keys(fields).length) throw invalidInput(fields);
    }

    const existing = await tx.quote.findUnique({
      where: { rfqId_supplierId: { rfqId, supplierId } },
      select: { id: true, status: true, revision: true },
    });
    if (existing && (existing.status === "awarded" || existing.status === "not_awarded")) throw conflict("quotes.errors.closed");

    const now = new Date();
    const fieldsData = {
      includesVat: input.includesVat,
      offeredTkdn: input.offeredTkdn === undefined ? null : String(input.offeredTkdn),
      leadTimeDays: input.leadTimeDays,
      validUntil: input.validUntil ?? null,
      note: input.note ?? null,
      consortiumId: consortium?.id ?? null,
    };
    let id: string;
    let action: AuditAction;
    const wasSubmitted = existing?.status === "submitted";
    if (!existing) {
      const created = await tx.quote.create({
        data: {
          rfqId,
          supplierId,
          ...fieldsData,
          status: submit ? "submitted" : "draft",
          submittedById: submit ? a.user.id : null,
          submittedAt: submit ? now : null,
          items: { create: input.items.map((it) => ({ rfqItemId: it.rfqItemId, unitPriceIdr: it.unitPriceIdr })) },
        },
        select: { id: true },
      });
      id = created.id;
      action = submit ? "quote.submitted" : "quote.drafted";
    } else {
      id = existing.id;
      if (wasSubmitted && !submit) throw conflict("quotes.errors.alreadySubmitted"); // a submitted quote is revised, not un-submitted
      await tx.quoteItem.deleteMany({ where: { quoteId: id } });
      await tx.quote.update({
        where: { id },
        data: {
          ...fieldsData,
          status: submit ? "submitted" : "draft",
          revision: wasSubmitted ? existing.revision + 1 : existing.revision,
          withdrawnAt: null,
          ...(submit ? { submittedById: a.user.id, submittedAt: now } : {}),
          items: { create: input.items.map((it) => ({ rfqItemId: it.rfqItemId, unitPriceIdr: it.unitPriceIdr })) },
        },
      });
      action = wasSubmitted ? "quote.revised" : submit ? "quote.submitted" : "quote.drafted";
    }

    if (consortium && input.consortiumShares?.length) {
      for (const s of input.consortiumShares) {
        await tx.consortiumMember.update({
          where: { consortiumId_supplierId: { consortiumId: consortium.id, supplierId: s.supplierId } },
          data: { shareQuantity: s.shareQuantity },
        });
      }
    }

    const extra = { revision: wasSubmitted ? existing!.revision + 1 : (existing?.revision ?? 0) };
    if (action === "quote.drafted") {
      // A draft is the supplier's own business: the buyer's audit trail learns of the quote when it is submitted.
      await audit(tx, {
        organizationId: supplierId,
        actorId: a.user.id,
        action,
        entityType: "quote",
        entityId: id,
        data: { rfqId, ...extra },
      });
    } else {
      await auditBoth(tx, { buyerId: rfq.buyerId, supplierId, actorId: a.user.id, action, quoteId: id, rfqId, extra });
    }

    if (action === "quote.submitted") {
      // Sealed or not, the notification says that a quote arrived and how many there are: never a price or who.
      const count = await tx.quote.count({ where: { rfqId, status: "submitted" } });
      await notify(tx, {
        type: "quote.received",
        organizationIds: [rfq.buyerId],
        params: { rfqTitle: rfq.title, count },
        link: rfqRoutes.compare(rfqId),
      });
    }
    return id;
  });
  return getOwnQuote(a, rfqId).then((q) => (q.id === quoteId ? q : q));
}

/** Withdraws the caller's quote (draft or submitted) before the deadline; 409 afterwards or once decided. */
export async function withdrawQuote(actor: Actor | null, rfqId: string): Promise<OwnQuoteView> {
  const a = authorizeQuoting(actor);
  const supplierId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const q = await tx.quote.findFirst({ where: { rfqId, supplierId }, select: { id: true, status: true } });
    if (!q) throw notFound();
    await lockRfq(tx, rfqId);
    const rfq = await tx.rfq.findUniqueOrThrow({ where: { id: rfqId }, select: { status: true, deadline: true, buyerId: true } });
    if (rfq.status !== "open" || deadlinePassed(rfq)) throw conflict("quotes.errors.closed");
    if (q.status === "withdrawn") return; // already: nothing changes
    if (q.status !== "draft" && q.status !== "submitted") throw conflict("quotes.errors.closed");
    await tx.quote.update({ where: { id: q.id }, data: { status: "withdrawn", withdrawnAt: new Date() } });
    await auditBoth(tx, { buyerId: rfq.buyerId, supplierId, actorId: a.user.id, action: "quote.withdrawn", quoteId: q.id, rfqId });
  });
  return getOwnQuote(a, rfqId);
}
