// The buyer's side of quotes, read-only: GET /api/v1/rfqs/{id}/quotes and the side-by-side comparison
// (/rfq/[id]/bandingkan). Only the buyer organization that owns the RFQ, only submitted (and decided) quotes,
// and for a sealed RFQ nothing but the count until its deadline has passed. Who may: lib/quotes/access.ts.
import "server-only";
import type { AuthorizedActor } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { db, type Prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { zoneForActor } from "@/lib/i18n/time-zone";
import { todayIn } from "@/lib/i18n/zoned-time";
import { pricesRevealed } from "@/lib/rfqs/access";
import { authorizeBuyerReading } from "./access";
import {
  assessTkdn,
  compareQuotes,
  evaluatedPriceIdr,
  tkdnPreferencePercent,
  type ComparisonColumn,
  type TkdnAssessment,
} from "./evaluation";
import { quoteRoutes } from "./routes";
import { day, num, rfqForQuoteSelect } from "./supplier-reads";
import { verifiedBy } from "@/lib/suppliers/certificate-trust";

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
async function tkdnAssessments(
  quotes: readonly { id: string; supplierId: string; offeredTkdn: Prisma.Decimal | null }[],
  deadline: Date,
  buyerZone: string,
): Promise<Map<string, TkdnAssessment>> {
  const supplierIds = [...new Set(quotes.filter((q) => q.offeredTkdn !== null).map((q) => q.supplierId))];
  const certs = supplierIds.length
    ? await db.certification.findMany({
        where: { organizationId: { in: supplierIds }, type: "tkdn" },
        select: { organizationId: true, tkdnPercent: true, validFrom: true, validUntil: true, verificationStatus: true, verifiedAt: true },
      })
    : [];
  return new Map(
    quotes.map((q) => [
      q.id,
      assessTkdn(
        num(q.offeredTkdn),
        certs
          .filter((c) => c.organizationId === q.supplierId)
          .map((c) => ({
            tkdnPercent: num(c.tkdnPercent),
            validFrom: c.validFrom,
            validUntil: c.validUntil,
            verified: verifiedBy(c, deadline),
          })),
        deadline,
        buyerZone,
      ),
    ]),
  );
}

/**
 * A quote as its RFQ's buyer reads it; the supplier's certificates still valid `today` — the calendar day on
 * the buyer organization's clock (a function, so "today" is the request's, not the day the server started).
 */
const buyerQuoteSelect = (today: string) =>
  ({
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
          where: { OR: [{ validUntil: null }, { validUntil: { gte: new Date(`${today}T00:00:00Z`) } }] },
          select: { type: true, name: true, tkdnPercent: true, validUntil: true, verificationStatus: true },
          orderBy: { type: "asc" },
        },
      },
    },
    consortium: {
      select: { name: true, members: { select: { supplierId: true, shareQuantity: true, supplier: { select: { name: true } } } } },
    },
    items: { select: { rfqItemId: true, unitPriceIdr: true } },
    attachments: { orderBy: { id: "asc" }, select: { id: true, file: { select: { filename: true, mimeType: true, sizeBytes: true } } } },
    awards: { select: { id: true, items: { select: { rfqItemId: true } }, agreement: { select: { id: true, number: true } } } },
  }) satisfies Prisma.QuoteSelect;

/**
 * GET /api/v1/rfqs/{id}/quotes: the buyer organization's view of the quotes on its RFQ. Sealed and before
 * the deadline: `pricesRevealed: false`, the count, and no quotes at all (not even who quoted).
 */
export async function listRfqQuotes(actor: Actor | null, rfqId: string) {
  const a = authorizeBuyerReading(actor);
  const rfq = await ownRfq(a, rfqId);
  const zone = await zoneForActor(a); // the buyer organization's: the RFQ's own clock
  const revealed = pricesRevealed(rfq);
  const count = await db.quote.count({ where: { rfqId, status: { in: [...VISIBLE_TO_BUYER] } } });
  if (!revealed) return { rfqId, sealed: rfq.sealed, pricesRevealed: false, count, data: [] };
  const rows = await db.quote.findMany({
    where: { rfqId, status: { in: [...VISIBLE_TO_BUYER] } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: buyerQuoteSelect(todayIn(zone)),
  });
  const qty = new Map(rfq.items.map((i) => [i.id, BigInt(i.quantity)]));
  const tkdn = await tkdnAssessments(rows, rfq.deadline, zone);
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
        attachments: q.attachments.map((x) => ({ id: x.id, ...x.file, url: quoteRoutes.attachment(rfqId, x.id) })),
      };
    }),
  };
}

interface ComparisonView {
  rfq: {
    id: string;
    title: string;
    status: string;
    deadline: Date;
    sealed: boolean;
    minTkdn: number | null;
    awardedAt: Date | null;
    items: {
      id: string;
      position: number;
      name: string;
      specification: string | null;
      quantity: number;
      unit: string;
      targetUnitPriceIdr: bigint | null;
    }[];
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
  const zone = await zoneForActor(a); // the buyer organization's: the RFQ's own clock
  const revealed = pricesRevealed(rfq);
  const count = await db.quote.count({ where: { rfqId, status: { in: [...VISIBLE_TO_BUYER] } } });
  const rows = revealed
    ? await db.quote.findMany({
        where: { rfqId, status: { in: [...VISIBLE_TO_BUYER] } },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: buyerQuoteSelect(todayIn(zone)),
      })
    : [];
  const lines = rfq.items.map((i) => ({ id: i.id, quantity: i.quantity }));
  const tkdn = await tkdnAssessments(rows, rfq.deadline, zone);
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
      consortium: q.consortium
        ? { name: q.consortium.name, members: q.consortium.members.map((m) => ({ name: m.supplier.name, shareQuantity: m.shareQuantity })) }
        : null,
      includesVat: q.includesVat,
      offeredTkdn: num(q.offeredTkdn),
      tkdnStatus: tkdn.get(q.id)!.status,
      tkdnCertifiedPercent: tkdn.get(q.id)!.certifiedPercent,
      leadTimeDays: q.leadTimeDays,
      validUntil: day(q.validUntil),
      note: q.note,
      revision: q.revision,
      certifications: q.supplier.certifications.map((c) => ({
        type: c.type,
        name: c.name,
        tkdnPercent: num(c.tkdnPercent),
        verified: c.verificationStatus === "verified",
      })),
      column: columns[i],
      awardedItemIds: q.awards.flatMap((w) => w.items.map((x) => x.rfqItemId)),
      agreement: q.awards[0]?.agreement ?? null,
      attachments: q.attachments.map((x) => ({ id: x.id, filename: x.file.filename, url: quoteRoutes.attachment(rfqId, x.id) })),
    })),
  };
}
