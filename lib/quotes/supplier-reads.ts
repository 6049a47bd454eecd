// The supplier's side of quotes, read-only: what the quote form needs (the RFQ as this supplier may see it, its
// own quote, a consortium it leads), its own quote as /api/v1/rfqs/{id}/quote returns it, and its list of
// quotes (/penawaran). Who may see what: lib/quotes/access.ts.
import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db, type Prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { zoneForOrganization } from "@/lib/i18n/time-zone";
import { deadlinePassed, supplierVisibleRfqWhere } from "@/lib/rfqs/access";
import type { QuoteStatus } from "@/lib/enums";
import { authorizeQuoting } from "./access";
import { assessTkdn } from "./evaluation";
import { quoteRoutes } from "./routes";
import { verifiedBy } from "@/lib/suppliers/certificate-trust";

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

interface QuoteLineView {
  rfqItemId: string;
  unitPriceIdr: bigint;
  lineTotalIdr: bigint;
}

export interface OwnQuoteView {
  id: string;
  rfqId: string;
  supplierId: string;
  consortiumId: string | null;
  status: QuoteStatus;
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

/** A Decimal column (TKDN %) as a number. */
export const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));
/** A date column as `YYYY-MM-DD`. */
export const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function rfqQuantities(rfqId: string) {
  const items = await db.rfqItem.findMany({ where: { rfqId }, select: { id: true, quantity: true } });
  return new Map(items.map((i) => [i.id, BigInt(i.quantity)]));
}

async function toOwnQuoteView(q: OwnQuoteRow): Promise<OwnQuoteView> {
  const qty = await rfqQuantities(q.rfqId);
  const items = q.items.map((i) => ({
    rfqItemId: i.rfqItemId,
    unitPriceIdr: i.unitPriceIdr,
    lineTotalIdr: i.unitPriceIdr * (qty.get(i.rfqItemId) ?? 0n),
  }));
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
    attachments: q.attachments.map((x) => ({ id: x.id, ...x.file, url: quoteRoutes.attachment(q.rfqId, x.id) })),
    award: award
      ? {
          id: award.id,
          rfqItemIds: award.items.map((i) => i.rfqItemId),
          agreement: award.agreement ? { ...award.agreement, status: award.agreement.status as string } : null,
        }
      : null,
  };
}

export const rfqForQuoteSelect = {
  id: true,
  title: true,
  status: true,
  deadline: true,
  sealed: true,
  buyerId: true,
  minTkdn: true,
  buyer: { select: { name: true } },
  items: {
    orderBy: { position: "asc" },
    select: { id: true, position: true, name: true, specification: true, quantity: true, unit: true, targetUnitPriceIdr: true },
  },
} satisfies Prisma.RfqSelect;

/** The consortium this organization leads and that is invited to the RFQ (its quote is the consortium's). */
export async function ledConsortium(tx: Pick<Prisma.TransactionClient, "rfqInvitation">, rfqId: string, supplierId: string) {
  const inv = await tx.rfqInvitation.findFirst({
    where: { rfqId, consortiumId: { not: null }, consortium: { leadId: supplierId } },
    select: {
      consortium: {
        select: {
          id: true,
          name: true,
          members: {
            select: { supplierId: true, shareQuantity: true, supplier: { select: { name: true } } },
            orderBy: { supplier: { name: "asc" } },
          },
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
    select: { tkdnPercent: true, validFrom: true, validUntil: true, verificationStatus: true, verifiedAt: true },
  });
  const now = new Date();
  return {
    rfq: { ...rfq, minTkdn: num(rfq.minTkdn) },
    /** The best TKDN (%) of this organization's verified certificates valid on the deadline: the most that earns the preference. */
    tkdnCertifiedPercent: assessTkdn(
      null,
      certs.map((c) => ({
        tkdnPercent: num(c.tkdnPercent),
        validFrom: c.validFrom,
        validUntil: c.validUntil,
        verified: verifiedBy(c, rfq.deadline),
      })),
      rfq.deadline,
      await zoneForOrganization(rfq.buyerId), // the deadline's day on the buyer's clock, as the buyer's comparison reads it
    ).certifiedPercent,
    quote: row ? await toOwnQuoteView(row) : null,
    consortium: consortium
      ? {
          id: consortium.id,
          name: consortium.name,
          members: consortium.members.map((m) => ({ supplierId: m.supplierId, name: m.supplier.name, shareQuantity: m.shareQuantity })),
        }
      : null,
    /** Can the quote still be created or changed? */
    editable:
      rfq.status === "open" &&
      !deadlinePassed(rfq, now) &&
      (!row || row.status === "draft" || row.status === "submitted" || row.status === "withdrawn"),
  };
}

/** The caller's own quote on an RFQ; not found when it has none (or cannot see the RFQ). */
export async function getOwnQuote(actor: Actor | null, rfqId: string): Promise<OwnQuoteView> {
  const a = authorizeQuoting(actor);
  const row = await db.quote.findFirst({ where: { rfqId, supplierId: a.membership.organizationId }, select: ownQuoteSelect });
  if (!row) throw notFound();
  return toOwnQuoteView(row);
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
      rfq: {
        select: {
          id: true,
          title: true,
          status: true,
          deadline: true,
          sealed: true,
          buyer: { select: { name: true } },
          items: { select: { id: true, quantity: true } },
        },
      },
    },
  });
  return rows.map((r) => {
    const qty = new Map(r.rfq.items.map((i) => [i.id, BigInt(i.quantity)]));
    const total = r.items.reduce((s, i) => s + i.unitPriceIdr * (qty.get(i.rfqItemId) ?? 0n), 0n);
    const award = r.awards[0] ?? null;
    const awardedTotal = award
      ? r.items
          .filter((i) => award.items.some((x) => x.rfqItemId === i.rfqItemId))
          .reduce((s, i) => s + i.unitPriceIdr * (qty.get(i.rfqItemId) ?? 0n), 0n)
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
