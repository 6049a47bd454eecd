// Awarding an RFQ: the whole RFQ to one supplier, or its lines split between suppliers. One transaction:
//   1. lock the RFQ row (SELECT … FOR UPDATE) and re-read its status under the lock — a second officer
//      clicking at the same moment waits, then sees "awarded" and gets 409;
//   2. check every award (a submitted quote of this RFQ; lines it priced; no line twice);
//   3. write Award + AwardItem rows (AwardItem.rfqItemId is unique: a line can never be awarded twice, even
//      if the lock were bypassed), quote statuses (awarded / not_awarded), the RFQ (awarded);
//   4. one draft partnership agreement per winning quote (lib/agreements/drafts.ts; scheme rantai pasok unless the buyer picks another),
//      linked from its Award; audit entries; notifications "award.won" / "award.lost".
// Only members with "rfq:award" (owners and admins of the buyer organization) may award; the RFQ must be open
// or closed and, when sealed, past its deadline (nobody can award on prices nobody may see).
import "server-only";
import { authorize, requireVerified } from "@/lib/auth/authorize";
import { zoneForActor } from "@/lib/i18n/time-zone";
import { todayIn } from "@/lib/i18n/zoned-time";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { createDraftAgreement, DEFAULT_SCHEME } from "@/lib/agreements/drafts";
import { db, Prisma } from "@/lib/db";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { pricesRevealed } from "@/lib/rfqs/access";
import { formatRupiah } from "@/lib/i18n/format";
import type { AwardInput } from "./schemas";
import { pricedLinesSchema } from "./limits";
import { quoteRoutes } from "./routes";
import { agreementRoutes } from "@/lib/agreements/routes";

const awardTotals = pricedLinesSchema({
  priceField: "unitPriceIdr",
  lineMessage: "quotes.errors.awardTotalTooLarge",
  totalMessage: "quotes.errors.awardTotalTooLarge",
});

/** Payment term written into each milestone of an award's draft agreement (days after delivery). */
const AWARD_PAYMENT_TERM_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Today as a calendar date (UTC midnight, like @db.Date) on the buyer organization's clock. */
const todayOn = (timeZone: string, now: Date) => new Date(`${todayIn(timeZone, now)}T00:00:00Z`);

/** Scheme names as the contract text (Indonesian) writes them. */
const SCHEME_NAMES_ID: Record<string, string> = {
  inti_plasma: "inti-plasma",
  subkontrak: "subkontrak",
  waralaba: "waralaba",
  perdagangan_umum: "perdagangan umum",
  distribusi_keagenan: "distribusi dan keagenan",
  rantai_pasok: "rantai pasok",
  bagi_hasil: "bagi hasil",
  kerja_sama_operasional: "kerja sama operasional",
  usaha_patungan: "usaha patungan (joint venture)",
  penyumberluaran: "penyumberluaran (outsourcing)",
};

/** The prefilled terms of an award's draft agreement (Indonesian: the language of the contract). */
function awardTerms(args: {
  scheme?: string;
  rfqTitle: string;
  buyerName: string;
  supplierName: string;
  includesVat: boolean;
  leadTimeDays: number;
  paymentTermDays: number;
  offeredTkdn: number | null;
}) {
  const vat = args.includesVat
    ? "Harga satuan dalam perjanjian ini sudah termasuk Pajak Pertambahan Nilai (PPN)."
    : "Harga satuan dalam perjanjian ini belum termasuk Pajak Pertambahan Nilai (PPN); PPN dihitung dan dipungut sesuai ketentuan perpajakan yang berlaku.";
  return [
    `Perjanjian kemitraan ${SCHEME_NAMES_ID[args.scheme ?? DEFAULT_SCHEME] ?? "rantai pasok"} antara ${args.buyerName} (Pembeli) dan ${args.supplierName} (Pemasok) atas hasil RFQ "${args.rfqTitle}", sesuai pola kemitraan dalam PP 7/2021 Pasal 106.`,
    `1. Barang, jumlah, dan harga satuan sesuai penawaran Pemasok yang dipilih; nilai perjanjian adalah jumlah harga seluruh baris yang diberikan.`,
    `2. ${vat}`,
    `3. Pemasok mengirimkan barang paling lambat ${args.leadTimeDays} hari kalender sejak perjanjian berlaku, sesuai jadwal tahapan.`,
    `4. Pembeli membayar setiap tahapan paling lambat ${args.paymentTermDays} hari setelah barang diterima dalam keadaan baik.`,
    args.offeredTkdn !== null
      ? `5. Pemasok menjamin Tingkat Komponen Dalam Negeri (TKDN) sebesar ${String(args.offeredTkdn).replace(".", ",")}% sebagaimana dinyatakan dalam penawaran.`
      : null,
    `Ketentuan ini adalah draf dan dapat disesuaikan para pihak sebelum disetujui.`,
  ]
    .filter(Boolean)
    .join("\n");
}

interface AwardResultAgreement {
  id: string;
  number: string;
  status: "draft";
  scheme: string;
  valueIdr: bigint;
  quoteId: string;
  supplier: { id: string; name: string };
  rfqItemIds: string[];
}

export async function awardRfq(
  actor: Actor | null,
  rfqId: string,
  input: AwardInput,
): Promise<{ rfqId: string; status: "awarded"; agreements: AwardResultAgreement[] }> {
  // Awarding decides other organizations' quotes and drafts agreements for them: a verified buyer only
  // (issue 11 item 8; also when the verification was taken back after the RFQ was published).
  const a = requireVerified(authorize(actor, { orgTypes: ["buyer"], permission: "rfq:award" }));
  const buyerZone = await zoneForActor(a); // the draft agreements start "today" on the buyer's clock
  const buyerId = a.membership.organizationId;
  const scheme = input.scheme ?? DEFAULT_SCHEME;

  try {
    return await db.$transaction(
      async (tx) => {
        // 1. lock, then read the status under the lock (a concurrent award has committed or not yet started).
        const locked = await tx.$queryRaw<{ id: string; status: string }[]>`
          SELECT id, status::text AS status FROM "Rfq" WHERE id = ${rfqId} AND "buyerId" = ${buyerId} FOR UPDATE`;
        if (locked.length === 0) throw notFound();
        if (locked[0].status === "awarded") throw conflict("quotes.errors.alreadyAwarded");
        if (locked[0].status !== "open" && locked[0].status !== "closed") throw conflict("quotes.errors.notAwardable");

        const rfq = await tx.rfq.findUniqueOrThrow({
          where: { id: rfqId },
          select: {
            id: true,
            title: true,
            deadline: true,
            sealed: true,
            version: true,
            buyer: { select: { name: true } },
            items: { orderBy: { position: "asc" }, select: { id: true, name: true, quantity: true, unit: true } },
          },
        });
        if (!pricesRevealed(rfq)) throw conflict("quotes.errors.sealedUntilDeadline");

        // 2. check the awards
        const quotes = await tx.quote.findMany({
          where: { rfqId, status: { in: ["submitted"] } },
          select: {
            id: true,
            supplierId: true,
            consortiumId: true,
            includesVat: true,
            offeredTkdn: true,
            leadTimeDays: true,
            supplier: { select: { name: true } },
            items: { select: { rfqItemId: true, unitPriceIdr: true } },
            consortium: { select: { members: { select: { supplierId: true, shareQuantity: true, sharePercent: true } } } },
          },
        });
        const byId = new Map(quotes.map((q) => [q.id, q]));
        const fields: Record<string, string[]> = {};
        const plan = input.awards.map((aw, i) => {
          const q = byId.get(aw.quoteId);
          if (!q) {
            fields[`awards.${i}.quoteId`] = ["quotes.errors.unknownQuote"];
            return null;
          }
          const priced = new Set(q.items.map((it) => it.rfqItemId));
          const lineIds = aw.rfqItemIds ?? [...priced];
          lineIds.forEach((l, j) => {
            if (!priced.has(l)) fields[`awards.${i}.rfqItemIds.${j}`] = ["quotes.errors.lineNotQuoted"];
          });
          return { quote: q, lineIds };
        });
        // Whole-quote awards (rfqItemIds omitted) may overlap with another award's lines.
        const seen = new Map<string, number>();
        plan.forEach((p, i) => {
          p?.lineIds.forEach((l) => {
            if (seen.has(l) && seen.get(l) !== i) fields[`awards.${i}.rfqItemIds`] = ["quotes.errors.lineAwardedTwice"];
            seen.set(l, i);
          });
        });
        // Each agreement's value (Σ quantity × unit price of its lines) within the range of a Rupiah sum (issue 11):
        // a quote saved before that check could exceed it, and PostgreSQL would refuse the agreement (500).
        const quantity = new Map(rfq.items.map((i) => [i.id, i.quantity]));
        plan.forEach((p, i) => {
          if (!p || fields[`awards.${i}.quoteId`]) return;
          const prices = new Map(p.quote.items.map((it) => [it.rfqItemId, it.unitPriceIdr]));
          const lines = p.lineIds
            .filter((l) => prices.has(l) && quantity.has(l))
            .map((l) => ({ quantity: quantity.get(l)!, unitPriceIdr: prices.get(l)! }));
          const check = awardTotals.safeParse(lines);
          if (!check.success) fields[`awards.${i}.rfqItemIds`] = ["quotes.errors.awardTotalTooLarge"];
        });
        if (Object.keys(fields).length) throw invalidInput(fields);
        const winners = plan.filter((p): p is NonNullable<typeof p> => p !== null && p.lineIds.length > 0);
        if (winners.length === 0) throw invalidInput({ awards: ["quotes.errors.awardRequired"] });

        // 3. the RFQ: a conditional update on its version as a second guard
        const now = new Date();
        const { count } = await tx.rfq.updateMany({
          where: { id: rfqId, buyerId, version: rfq.version, status: { in: ["open", "closed"] } },
          data: { status: "awarded", awardedAt: now, closedAt: locked[0].status === "open" ? now : undefined, version: { increment: 1 } },
        });
        if (count !== 1) throw conflict("quotes.errors.alreadyAwarded");

        const start = todayOn(buyerZone, now);
        const out: AwardResultAgreement[] = [];
        for (const w of winners) {
          const q = w.quote;
          const prices = new Map(q.items.map((i) => [i.rfqItemId, i.unitPriceIdr]));
          const lines = rfq.items.filter((i) => w.lineIds.includes(i.id)); // in RFQ order
          const leadTime = q.leadTimeDays ?? 0;
          const due = new Date(start.getTime() + leadTime * DAY_MS);
          const value = lines.reduce((s, l) => s + BigInt(l.quantity) * prices.get(l.id)!, 0n);
          const offeredTkdn = q.offeredTkdn === null ? null : Number(q.offeredTkdn);

          const award = await tx.award.create({
            data: { rfqId, quoteId: q.id, decidedById: a.user.id, items: { create: lines.map((l) => ({ rfqItemId: l.id })) } },
            select: { id: true },
          });
          const agreement = await createDraftAgreement(tx, {
            title: rfq.title,
            scheme,
            buyerId,
            supplierId: q.supplierId,
            consortiumId: q.consortiumId,
            consortiumMembers: q.consortium?.members.map((m) => ({
              supplierId: m.supplierId,
              shareQuantity: m.shareQuantity,
              sharePercent: m.sharePercent === null ? null : String(m.sharePercent),
            })),
            rfqId,
            valueIdr: value,
            startDate: start,
            endDate: due,
            terms: awardTerms({
              scheme,
              rfqTitle: rfq.title,
              buyerName: rfq.buyer.name,
              supplierName: q.supplier.name,
              includesVat: q.includesVat,
              leadTimeDays: leadTime,
              paymentTermDays: AWARD_PAYMENT_TERM_DAYS,
              offeredTkdn,
            }),
            milestones: lines.map((l) => ({
              title: l.name,
              quantity: l.quantity,
              unit: l.unit,
              dueDate: due,
              amountIdr: BigInt(l.quantity) * prices.get(l.id)!,
              paymentTermDays: AWARD_PAYMENT_TERM_DAYS,
            })),
            createdById: a.user.id,
            changeNote: "Dibuat dari keputusan pemenang RFQ",
          });
          await tx.award.update({ where: { id: award.id }, data: { agreementId: agreement.id } });
          await tx.quote.update({ where: { id: q.id }, data: { status: "awarded" } });
          const data = { rfqId, awardId: award.id, agreementId: agreement.id, lines: lines.length };
          await audit(tx, {
            organizationId: buyerId,
            actorId: a.user.id,
            action: "quote.awarded",
            entityType: "quote",
            entityId: q.id,
            data,
          });
          await audit(tx, {
            organizationId: q.supplierId,
            actorId: a.user.id,
            action: "quote.awarded",
            entityType: "quote",
            entityId: q.id,
            data,
          });
          await audit(tx, {
            organizationId: buyerId,
            actorId: a.user.id,
            action: "agreement.drafted",
            entityType: "agreement",
            entityId: agreement.id,
            data: { rfqId, number: agreement.number },
          });
          await notify(tx, {
            type: "award.won",
            organizationIds: [q.supplierId],
            params: { rfqTitle: rfq.title, buyerName: rfq.buyer.name, supplierName: q.supplier.name, value: formatRupiah(value, "id") },
            link: agreementRoutes.detail(agreement.id),
          });
          out.push({
            id: agreement.id,
            number: agreement.number,
            status: "draft",
            scheme,
            valueIdr: value,
            quoteId: q.id,
            supplier: { id: q.supplierId, name: q.supplier.name },
            rfqItemIds: lines.map((l) => l.id),
          });
        }

        const winnerIds = new Set(winners.map((w) => w.quote.id));
        const losers = quotes.filter((q) => !winnerIds.has(q.id));
        if (losers.length) {
          await tx.quote.updateMany({ where: { id: { in: losers.map((q) => q.id) } }, data: { status: "not_awarded" } });
          for (const q of losers) {
            const data = { rfqId };
            await audit(tx, {
              organizationId: buyerId,
              actorId: a.user.id,
              action: "quote.not_awarded",
              entityType: "quote",
              entityId: q.id,
              data,
            });
            await audit(tx, {
              organizationId: q.supplierId,
              actorId: a.user.id,
              action: "quote.not_awarded",
              entityType: "quote",
              entityId: q.id,
              data,
            });
            await notify(tx, {
              type: "award.lost",
              organizationIds: [q.supplierId],
              params: { rfqTitle: rfq.title, buyerName: rfq.buyer.name, supplierName: q.supplier.name },
              link: quoteRoutes.list(),
            });
          }
        }
        await audit(tx, {
          organizationId: buyerId,
          actorId: a.user.id,
          action: "rfq.awarded",
          entityType: "rfq",
          entityId: rfqId,
          data: { rfqId, awards: out.map((o) => ({ quoteId: o.quoteId, agreementId: o.id, lines: o.rfqItemIds.length })) },
        });
        return { rfqId, status: "awarded" as const, agreements: out };
      },
      { timeout: 20_000, maxWait: 20_000 },
    );
  } catch (err) {
    // A concurrent award that slipped past the lock still hits AwardItem.rfqItemId / Award(rfqId, quoteId).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw conflict("quotes.errors.alreadyAwarded");
    throw err;
  }
}
