// Quotes: one per supplier (UMKM or cooperative) per RFQ, kept as a draft, submitted, revised until the
// deadline, or withdrawn. Used by the quote form's server actions (lib/quotes/actions.ts), the /penawaran
// pages and /api/v1/rfqs/{id}/quote(s).
//
// Who sees what:
//  - A supplier sees the RFQ only when lib/rfqs/access.ts says so, and only its OWN quote (the supplier is in
//    every `where`); another supplier's quote is "not found".
//  - The buyer organization sees submitted quotes of its own RFQs (drafts and withdrawn quotes never). For a
//    sealed RFQ it sees only how many arrived until the deadline has passed (pricesRevealed()).
//  - Nobody else sees quotes at all.
// Every transition is audited twice (for the buyer organization and for the supplier), in the same
// transaction; a submission notifies the buyer organization ("quote.received", never with a price).
import "server-only";
import { authorize, type AuthorizedActor } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { deadlinePassed, pricesRevealed, supplierVisibleRfqWhere } from "@/lib/rfqs/access";
import { assessTkdn, compareQuotes, evaluatedPriceIdr, tkdnPreferencePercent, type ComparisonColumn, type TkdnAssessment } from "./evaluation";
import type { QuoteInput } from "./schemas";
import { pricedLinesSchema } from "./limits";
import { fieldErrors } from "@/lib/auth/schemas";
import { z } from "zod";

export const quoteAttachmentUrl = (rfqId: string, attachmentId: string) =>
  `/api/v1/rfqs/${encodeURIComponent(rfqId)}/quote/attachments/${encodeURIComponent(attachmentId)}`;

export const SUPPLIER_ORG_TYPES = ["umkm", "cooperative"] as const;

/** A member of an UMKM or cooperative allowed to quote. */
export function authorizeQuoting(actor: Actor | null): AuthorizedActor {
  return authorize(actor, { orgTypes: SUPPLIER_ORG_TYPES, permission: "quote:write" });
}

/** A member of a buyer organization (reading its RFQs' quotes). */
export function authorizeBuyerReading(actor: Actor | null): AuthorizedActor {
  return authorize(actor, { orgTypes: ["buyer"], permission: "rfq:write" });
}

const ownQuoteSelect = {
  id: true,
  rfqId: true,
  supplierId: true,
  consortiumId: true,
  status: true,
  includesVat: true,
  offeredTkdn: true,
  leadTimeDays: true,
  validUntil: true,
  note: true,
  revision: true,
  submittedAt: true,
  withdrawnAt: true,
  createdAt: true,
  updatedAt: true,
  items: { select: { rfqItemId: true, unitPriceIdr: true } },
  attachments: { orderBy: { id: "asc" }, select: { id: true, file: { select: { filename: true, mimeType: true, sizeBytes: true } } } },
  awards: {
    select: {
      id: true,
      createdAt: true,
      items: { select: { rfqItemId: true } },
      agreement: { select: { id: true, number: true, status: true, valueIdr: true } },
    },
  },
} satisfies Prisma.QuoteSelect;

type OwnQuoteRow = Prisma.QuoteGetPayload<{ select: typeof ownQuoteSelect }>;

export interface QuoteLineView {
  rfqItemId: string;
  unitPriceIdr: bigint;
  lineTotalIdr: bigint;
}

export interface OwnQuoteView {
  id: string;
  rfqId: string;
  supplierId: string;
  consortiumId: string | null;
  status: "draft" | "submitted" | "withdrawn" | "awarded" | "not_awarded";
  includesVat: boolean;
  offeredTkdn: number | null;
  leadTimeDays: number | null;
  validUntil: string | null;
  note: string | null;
  revision: number;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  items: QuoteLineView[];
  totalIdr: bigint;
  consortiumShares: { supplierId: string; name: string; shareQuantity: number | null }[];
  attachments: { id: string; filename: string; mimeType: string; sizeBytes: number; url: string }[];
  award: { id: string; rfqItemIds: string[]; agreement: { id: string; number: string; status: string; valueIdr: bigint } | null } | null;
}

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function rfqQuantities(rfqId: string) {
  const items = await db.rfqItem.findMany({ where: { rfqId }, select: { id: true, quantity: true } });
  return new Map(items.map((i) => [i.id, BigInt(i.quantity)]));
}

async function toOwnQuoteView(q: OwnQuoteRow): Promise<OwnQuoteView> {
  const qty = await rfqQuantities(q.rfqId);
  const items = q.items.map((i) => ({ rfqItemId: i.rfqItemId, unitPriceIdr: i.unitPriceIdr, lineTotalIdr: i.unitPriceIdr * (qty.get(i.rfqItemId) ?? 0n) }));
  const shares = q.consortiumId
    ? await db.consortiumMember.findMany({
        where: { consortiumId: q.consortiumId },
        select: { supplierId: true, shareQuantity: true, supplier: { select: { name: true } } },
        orderBy: { supplier: { name: "asc" } },
      })
    : [];
  const award = q.awards[0] ?? null;
  return {
    id: q.id,
    rfqId: q.rfqId,
    supplierId: q.supplierId,
    consortiumId: q.consortiumId,
    status: q.status,
    includesVat: q.includesVat,
    offeredTkdn: num(q.offeredTkdn),
    leadTimeDays: q.leadTimeDays,
    validUntil: day(q.validUntil),
    note: q.note,
    revision: q.revision,
    submittedAt: q.submittedAt,
    withdrawnAt: q.withdrawnAt,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    items,
    totalIdr: items.reduce((s, i) => s + i.lineTotalIdr, 0n),
    consortiumShares: shares.map((s) => ({ supplierId: s.supplierId, name: s.supplier.name, shareQuantity: s.shareQuantity })),
    attachments: q.attachments.map((x) => ({ id: x.id, ...x.file, url: quoteAttachmentUrl(q.rfqId, x.id) })),
    award: award
      ? {
          id: award.id,
          rfqItemIds: award.items.map((i) => i.rfqItemId),
          agreement: award.agreement ? { ...award.agreement, status: award.agreement.status as string } : null,
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Supplier side
// ---------------------------------------------------------------------------------------------------------

const rfqForQuoteSelect = {
  id: true,
  title: true,
  status: true,
  deadline: true,
  sealed: true,
  buyerId: true,
  minTkdn: true,
  buyer: { select: { name: true } },
  items: { orderBy: { position: "asc" }, select: { id: true, position: true, name: true, specification: true, quantity: true, unit: true, targetUnitPriceIdr: true } },
} satisfies Prisma.RfqSelect;

/** The consortium this organization leads and that is invited to the RFQ (its quote is the consortium's). */
async function ledConsortium(tx: Pick<Prisma.TransactionClient, "rfqInvitation">, rfqId: string, supplierId: string) {
  const inv = await tx.rfqInvitation.findFirst({
    where: { rfqId, consortiumId: { not: null }, consortium: { leadId: supplierId } },
    select: {
      consortium: {
        select: {
          id: true,
          name: true,
          members: { select: { supplierId: true, shareQuantity: true, supplier: { select: { name: true } } }, orderBy: { supplier: { name: "asc" } } },
        },
      },
    },
  });
  return inv?.consortium ?? null;
}

/** What the quote form needs: the RFQ (as this supplier may see it), its own quote if any, and a consortium it leads. */
export async function getQuoteContext(actor: Actor | null, rfqId: string) {
  const a = authorizeQuoting(actor);
  const supplierId = a.membership.organizationId;
  const rfq = await db.rfq.findFirst({ where: { AND: [{ id: rfqId }, supplierVisibleRfqWhere(supplierId)] }, select: rfqForQuoteSelect });
  if (!rfq) throw notFound();
  const row = await db.quote.findUnique({ where: { rfqId_supplierId: { rfqId, supplierId } }, select: ownQuoteSelect });
  const consortium = await ledConsortium(db as unknown as Prisma.TransactionClient, rfqId, supplierId);
  const certs = await db.certification.findMany({
    where: { organizationId: supplierId, type: "tkdn" },
    select: { tkdnPercent: true, validFrom: true, validUntil: true, verificationStatus: true },
  });
  const now = new Date();
  return {
    rfq: { ...rfq, minTkdn: num(rfq.minTkdn) },
    /** The best TKDN (%) of this organization's verified certificates valid on the deadline: the most that earns the preference. */
    tkdnCertifiedPercent: assessTkdn(
      null,
      certs.map((c) => ({ tkdnPercent: num(c.tkdnPercent), validFrom: c.validFrom, validUntil: c.validUntil, verified: c.verificationStatus === "verified" })),
      rfq.deadline,
    ).certifiedPercent,
    quote: row ? await toOwnQuoteView(row) : null,
    consortium: consortium
      ? { id: consortium.id, name: consortium.name, members: consortium.members.map((m) => ({ supplierId: m.supplierId, name: m.supplier.name, shareQuantity: m.shareQuantity })) }
      : null,
    /** Can the quote still be created or changed? */
    editable: rfq.status === "open" && !deadlinePassed(rfq, now) && (!row || row.status === "draft" || row.status === "submitted" || row.status === "withdrawn"),
  };
}

/** The caller's own quote on an RFQ; not found when it has none (or cannot see the RFQ). */
export async function getOwnQuote(actor: Actor | null, rfqId: string): Promise<OwnQuoteView> {
  const a = authorizeQuoting(actor);
  const row = await db.quote.findFirst({ where: { rfqId, supplierId: a.membership.organizationId }, select: ownQuoteSelect });
  if (!row) throw notFound();
  return toOwnQuoteView(row);
}

function auditBoth(tx: Prisma.TransactionClient, args: { buyerId: string; supplierId: string; actorId: string; action: string; quoteId: string; rfqId: string; extra?: Record<string, string | number | boolean | null> }) {
  const data = { rfqId: args.rfqId, ...(args.extra ?? {}) };
  return Promise.all([
    audit(tx, { organizationId: args.buyerId, actorId: args.actorId, action: args.action, entityType: "quote", entityId: args.quoteId, data }),
    audit(tx, { organizationId: args.supplierId, actorId: args.actorId, action: args.action, entityType: "quote", entityId: args.quoteId, data }),
  ]);
}

const quoteTotalsSchema = z.object({
  items: pricedLinesSchema({ priceField: "unitPriceIdr", lineMessage: "quotes.errors.lineTotalTooLarge", totalMessage: "quotes.errors.totalTooLarge" }),
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
      select: { id: true, title: true, status: true, deadline: true, sealed: true, buyerId: true, items: { select: { id: true, quantity: true } } },
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
    const totals = quoteTotalsSchema.safeParse({ items: input.items.map((it) => ({ quantity: quantities.get(it.rfqItemId)!, unitPriceIdr: it.unitPriceIdr })) });
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

    const existing = await tx.quote.findUnique({ where: { rfqId_supplierId: { rfqId, supplierId } }, select: { id: true, status: true, revision: true } });
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
    let action: string;
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

    const extra = { revision: wasSubmitted ? existing!.revision + 1 : existing?.revision ?? 0 };
    if (action === "quote.drafted") {
      // A draft is the supplier's own business: the buyer's audit trail learns of the quote when it is submitted.
      await audit(tx, { organizationId: supplierId, actorId: a.user.id, action, entityType: "quote", entityId: id, data: { rfqId, ...extra } });
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
        link: `/rfq/${rfqId}/bandingkan`,
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

/** The caller organization's quotes (all RFQs), newest first, with the award and its draft agreement. */
export async function listOwnQuotes(actor: Actor | null) {
  const a = authorizeQuoting(actor);
  const rows = await db.quote.findMany({
    where: { supplierId: a.membership.organizationId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 300,
    select: {
      ...ownQuoteSelect,
      rfq: { select: { id: true, title: true, status: true, deadline: true, sealed: true, buyer: { select: { name: true } }, items: { select: { id: true, quantity: true } } } },
    },
  });
  return rows.map((r) => {
    const qty = new Map(r.rfq.items.map((i) => [i.id, BigInt(i.quantity)]));
    const total = r.items.reduce((s, i) => s + i.unitPriceIdr * (qty.get(i.rfqItemId) ?? 0n), 0n);
    const award = r.awards[0] ?? null;
    const awardedTotal = award
      ? r.items.filter((i) => award.items.some((x) => x.rfqItemId === i.rfqItemId)).reduce((s, i) => s + i.unitPriceIdr * (qty.get(i.rfqItemId) ?? 0n), 0n)
      : null;
    return {
      id: r.id,
      status: r.status,
      revision: r.revision,
      totalIdr: total,
      linesPriced: r.items.length,
      lines: r.rfq.items.length,
      updatedAt: r.updatedAt,
      submittedAt: r.submittedAt,
      rfq: { id: r.rfq.id, title: r.rfq.title, status: r.rfq.status, deadline: r.rfq.deadline, buyerName: r.rfq.buyer.name },
      award: award ? { lines: award.items.length, valueIdr: awardedTotal, agreement: award.agreement } : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Buyer side
// ---------------------------------------------------------------------------------------------------------

/** The buyer's own RFQ (any status) or not found. */
async function ownRfq(a: AuthorizedActor, rfqId: string) {
  // issue 11 (review): an extension running as the deadline passes holds the row (FOR UPDATE) with the later
  // deadline not yet committed; reading the old one here would reveal a sealed RFQ's prices and then let the
  // round go on. FOR KEY SHARE waits for such a lock only (not for plain updates), so the read below sees the
  // deadline the extension leaves.
  await db.$queryRaw`SELECT id FROM "Rfq" WHERE id = ${rfqId} FOR KEY SHARE`;
  const rfq = await db.rfq.findFirst({
    where: { id: rfqId, buyerId: a.membership.organizationId },
    select: {
      ...rfqForQuoteSelect,
      awardedAt: true,
      kbliCode: true,
    },
  });
  if (!rfq) throw notFound();
  return rfq;
}

const VISIBLE_TO_BUYER = ["submitted", "awarded", "not_awarded"] as const;

/**
 * Each quote's TKDN as declared or certified (lib/quotes/evaluation.ts assessTkdn): the quoting organization's
 * TKDN certificates (a consortium's quote is its lead's, so the lead's), judged on the RFQ's deadline.
 */
async function tkdnAssessments(quotes: readonly { id: string; supplierId: string; offeredTkdn: Prisma.Decimal | null }[], deadline: Date): Promise<Map<string, TkdnAssessment>> {
  const supplierIds = [...new Set(quotes.filter((q) => q.offeredTkdn !== null).map((q) => q.supplierId))];
  const certs = supplierIds.length
    ? await db.certification.findMany({
        where: { organizationId: { in: supplierIds }, type: "tkdn" },
        select: { organizationId: true, tkdnPercent: true, validFrom: true, validUntil: true, verificationStatus: true },
      })
    : [];
  return new Map(
    quotes.map((q) => [
      q.id,
      assessTkdn(
        num(q.offeredTkdn),
        certs
          .filter((c) => c.organizationId === q.supplierId)
          .map((c) => ({ tkdnPercent: num(c.tkdnPercent), validFrom: c.validFrom, validUntil: c.validUntil, verified: c.verificationStatus === "verified" })),
        deadline,
      ),
    ]),
  );
}

const buyerQuoteSelect = {
  id: true,
  supplierId: true,
  consortiumId: true,
  status: true,
  includesVat: true,
  offeredTkdn: true,
  leadTimeDays: true,
  validUntil: true,
  note: true,
  revision: true,
  submittedAt: true,
  supplier: {
    select: {
      id: true,
      name: true,
      verificationStatus: true,
      regency: { select: { name: true, province: { select: { name: true } } } },
      supplierProfile: { select: { sizeClass: true } },
      certifications: {
        where: { OR: [{ validUntil: null }, { validUntil: { gte: new Date(new Date().toISOString().slice(0, 10)) } }] },
        select: { type: true, name: true, tkdnPercent: true, validUntil: true, verificationStatus: true },
        orderBy: { type: "asc" },
      },
    },
  },
  consortium: { select: { name: true, members: { select: { supplierId: true, shareQuantity: true, supplier: { select: { name: true } } } } } },
  items: { select: { rfqItemId: true, unitPriceIdr: true } },
  attachments: { orderBy: { id: "asc" }, select: { id: true, file: { select: { filename: true, mimeType: true, sizeBytes: true } } } },
  awards: { select: { id: true, items: { select: { rfqItemId: true } }, agreement: { select: { id: true, number: true } } } },
} satisfies Prisma.QuoteSelect;

/**
 * GET /api/v1/rfqs/{id}/quotes: the buyer organization's view of the quotes on its RFQ. Sealed and before
 * the deadline: `pricesRevealed: false`, the count, and no quotes at all (not even who quoted).
 */
export async function listRfqQuotes(actor: Actor | null, rfqId: string) {
  const a = authorizeBuyerReading(actor);
  const rfq = await ownRfq(a, rfqId);
  const revealed = pricesRevealed(rfq);
  const count = await db.quote.count({ where: { rfqId, status: { in: [...VISIBLE_TO_BUYER] } } });
  if (!revealed) return { rfqId, sealed: rfq.sealed, pricesRevealed: false, count, data: [] };
  const rows = await db.quote.findMany({
    where: { rfqId, status: { in: [...VISIBLE_TO_BUYER] } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: buyerQuoteSelect,
  });
  const qty = new Map(rfq.items.map((i) => [i.id, BigInt(i.quantity)]));
  const tkdn = await tkdnAssessments(rows, rfq.deadline);
  return {
    rfqId,
    sealed: rfq.sealed,
    pricesRevealed: true,
    count,
    data: rows.map((q) => {
      const assessed = tkdn.get(q.id)!;
      const items = q.items.map((i) => ({
        rfqItemId: i.rfqItemId,
        unitPriceIdr: i.unitPriceIdr,
        lineTotalIdr: i.unitPriceIdr * (qty.get(i.rfqItemId) ?? 0n),
        evaluatedUnitPriceIdr: evaluatedPriceIdr(i.unitPriceIdr, assessed.preferenceTkdn, q.includesVat),
      }));
      return {
        id: q.id,
        status: q.status,
        supplier: { id: q.supplier.id, name: q.supplier.name },
        consortiumId: q.consortiumId,
        includesVat: q.includesVat,
        offeredTkdn: num(q.offeredTkdn),
        tkdnStatus: assessed.status,
        tkdnCertifiedPercent: assessed.certifiedPercent,
        tkdnPreferencePercent: tkdnPreferencePercent(assessed.preferenceTkdn),
        leadTimeDays: q.leadTimeDays,
        validUntil: day(q.validUntil),
        note: q.note,
        revision: q.revision,
        submittedAt: q.submittedAt,
        items,
        totalIdr: items.reduce((s, i) => s + i.lineTotalIdr, 0n),
        attachments: q.attachments.map((x) => ({ id: x.id, ...x.file, url: quoteAttachmentUrl(rfqId, x.id) })),
      };
    }),
  };
}

export interface ComparisonView {
  rfq: {
    id: string;
    title: string;
    status: string;
    deadline: Date;
    sealed: boolean;
    minTkdn: number | null;
    awardedAt: Date | null;
    items: { id: string; position: number; name: string; specification: string | null; quantity: number; unit: string; targetUnitPriceIdr: bigint | null }[];
  };
  pricesRevealed: boolean;
  count: number;
  /** Can the actor award now? (permission, status, prices visible, at least one quote) */
  canAward: boolean;
  awardBlockedReason: "permission" | "status" | "sealed" | "noQuotes" | null;
  suppliers: {
    quoteId: string;
    status: string;
    supplier: { id: string; name: string; verified: boolean; sizeClass: string | null; location: string | null };
    consortium: { name: string; members: { name: string; shareQuantity: number | null }[] } | null;
    includesVat: boolean;
    /** The TKDN the quote declares. */
    offeredTkdn: number | null;
    /** "verified": covered by a verified TKDN certificate valid on the deadline (it earns the preference); "unverified": declared only. */
    tkdnStatus: TkdnAssessment["status"];
    /** The quoting organization's highest certified TKDN valid on the deadline. */
    tkdnCertifiedPercent: number | null;
    leadTimeDays: number | null;
    validUntil: string | null;
    note: string | null;
    revision: number;
    certifications: { type: string; name: string | null; tkdnPercent: number | null; verified: boolean }[];
    column: ComparisonColumn;
    awardedItemIds: string[];
    agreement: { id: string; number: string } | null;
    attachments: { id: string; filename: string; url: string }[];
  }[];
}

/** The side-by-side comparison for the buyer organization (/rfq/[id]/bandingkan). */
export async function getComparison(actor: Actor | null, rfqId: string): Promise<ComparisonView> {
  const a = authorizeBuyerReading(actor);
  const rfq = await ownRfq(a, rfqId);
  const revealed = pricesRevealed(rfq);
  const count = await db.quote.count({ where: { rfqId, status: { in: [...VISIBLE_TO_BUYER] } } });
  const rows = revealed
    ? await db.quote.findMany({ where: { rfqId, status: { in: [...VISIBLE_TO_BUYER] } }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], select: buyerQuoteSelect })
    : [];
  const lines = rfq.items.map((i) => ({ id: i.id, quantity: i.quantity }));
  const tkdn = await tkdnAssessments(rows, rfq.deadline);
  // The preference is computed from the certified TKDN only: a declared, unverified TKDN earns none.
  const columns = compareQuotes(
    lines,
    rows.map((q) => ({
      id: q.id,
      offeredTkdn: tkdn.get(q.id)!.preferenceTkdn,
      includesVat: q.includesVat,
      leadTimeDays: q.leadTimeDays,
      prices: Object.fromEntries(q.items.map((i) => [i.rfqItemId, i.unitPriceIdr])),
    })),
  );
  const mayAward = can(a.membership, "rfq:award");
  let reason: ComparisonView["awardBlockedReason"] = null;
  if (!mayAward) reason = "permission";
  else if (rfq.status !== "open" && rfq.status !== "closed") reason = "status";
  else if (!revealed) reason = "sealed";
  else if (!rows.some((q) => q.status === "submitted")) reason = "noQuotes";
  return {
    rfq: {
      id: rfq.id,
      title: rfq.title,
      status: rfq.status,
      deadline: rfq.deadline,
      sealed: rfq.sealed,
      minTkdn: num(rfq.minTkdn),
      awardedAt: rfq.awardedAt,
      items: rfq.items,
    },
    pricesRevealed: revealed,
    count,
    canAward: reason === null,
    awardBlockedReason: reason,
    suppliers: rows.map((q, i) => ({
      quoteId: q.id,
      status: q.status,
      supplier: {
        id: q.supplier.id,
        name: q.supplier.name,
        verified: q.supplier.verificationStatus === "verified",
        sizeClass: q.supplier.supplierProfile?.sizeClass ?? null,
        location: q.supplier.regency ? `${q.supplier.regency.name}, ${q.supplier.regency.province.name}` : null,
      },
      consortium: q.consortium ? { name: q.consortium.name, members: q.consortium.members.map((m) => ({ name: m.supplier.name, shareQuantity: m.shareQuantity })) } : null,
      includesVat: q.includesVat,
      offeredTkdn: num(q.offeredTkdn),
      tkdnStatus: tkdn.get(q.id)!.status,
      tkdnCertifiedPercent: tkdn.get(q.id)!.certifiedPercent,
      leadTimeDays: q.leadTimeDays,
      validUntil: day(q.validUntil),
      note: q.note,
      revision: q.revision,
      certifications: q.supplier.certifications.map((c) => ({ type: c.type, name: c.name, tkdnPercent: num(c.tkdnPercent), verified: c.verificationStatus === "verified" })),
      column: columns[i],
      awardedItemIds: q.awards.flatMap((w) => w.items.map((x) => x.rfqItemId)),
      agreement: q.awards[0]?.agreement ?? null,
      attachments: q.attachments.map((x) => ({ id: x.id, filename: x.file.filename, url: quoteAttachmentUrl(rfqId, x.id) })),
    })),
  };
}
