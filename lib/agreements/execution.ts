// Carrying out an agreement: deliveries (on time or late; accepted or rejected by the buyer), payments
// (paid on which date, so days-to-pay is known) and, after completion, each side rating the other.
// These rows are the UMKM's track record (lib/agreements/track-record.ts) that matching and the
// statistics read.
//
// Deliveries and payments are recorded while the agreement is in force: active, or proposed again after an
// amendment of an active agreement (activatedAt set). Any party with agreement:write records them.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { conflict, forbidden, invalidInput, notFound } from "@/lib/errors";
import { formatNumber, timeZoneForProvince } from "@/lib/i18n/format";
import { todayIn } from "@/lib/i18n/zoned-time";
import { authorizeParty, partyWhere } from "./access";
import { lockAgreement, notifyParties, resetCompletion, rupiahParam } from "./locking";
import { getAgreement } from "./queries";
import type { AgreementView } from "./views";
import type { DeliveryInput, PaymentInput, RatingInput, ReceiptInput } from "./schemas";

const DAY_MS = 86_400_000;
const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);

function assertInForce(ag: { status: string; activatedAt: Date | null }) {
  if (!(ag.status === "active" || (ag.status === "proposed" && ag.activatedAt))) throw conflict("agreements.errors.notInForce");
}

async function milestoneOf(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  agreementId: string,
  milestoneId: string | null | undefined,
) {
  if (!milestoneId) return null;
  const m = await tx.milestone.findFirst({ where: { id: milestoneId, agreementId }, select: { id: true, dueDate: true, amountIdr: true } });
  if (!m) throw invalidInput({ milestoneId: ["agreements.errors.milestoneUnknown"] });
  return m;
}

/**
 * Records a delivery. Its date (issue 11) is not in the future — today in the supplier's time zone (its
 * province: WIB, WITA or WIT) — and not before the agreement starts. On time = delivered on or before the milestone's due date (without a
 * milestone: the
 * agreement's end date). The buyer records the outcome (accepted by default, or rejected); a supplier's
 * record waits for the buyer's review.
 */
export async function recordDelivery(actor: Actor | null, agreementId: string, input: DeliveryInput): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, agreementId, { statuses: ["active", "proposed"], stateKey: "agreements.errors.notInForce" });
    assertInForce(ag);
    const supplier = await tx.organization.findUniqueOrThrow({ where: { id: ag.supplierId }, select: { regencyCode: true } });
    const deliveredOn = input.deliveredOn.toISOString().slice(0, 10);
    if (deliveredOn > todayIn(timeZoneForProvince(supplier.regencyCode)))
      throw invalidInput({ deliveredOn: ["agreements.errors.deliveredInFuture"] });
    if (input.deliveredOn < ag.startDate) throw invalidInput({ deliveredOn: ["agreements.errors.deliveredBeforeStart"] });
    const m = await milestoneOf(tx, agreementId, input.milestoneId);
    const isBuyer = ag.buyerId === a.membership.organizationId;
    if (!isBuyer && input.status) throw invalidInput({ status: ["agreements.errors.onlyBuyerReviews"] });
    const status = isBuyer ? (input.status ?? "accepted") : "pending_review";
    const onTime = input.deliveredOn <= (m?.dueDate ?? ag.endDate);
    const d = await tx.delivery.create({
      data: {
        agreementId,
        milestoneId: m?.id ?? null,
        quantity: input.quantity,
        deliveredOn: input.deliveredOn,
        onTime,
        status,
        // Issue 13: the index counts the supplier's deliveries the buyer reviewed within 7 days. The buyer's own
        // record reviews nothing (it would grade itself), so it carries no review time and is not counted.
        reviewedAt: null,
        note: input.note ?? null,
        recordedById: a.user.id,
      },
      select: { id: true },
    });
    if (m) await tx.milestone.update({ where: { id: m.id }, data: { status: status === "pending_review" ? "delivered" : status } });
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action: "delivery.recorded",
      entityType: "Delivery",
      entityId: d.id,
      data: { agreementId, quantity: input.quantity, onTime, status },
    });
    await notifyParties(tx, ag, a, "delivery.recorded", { quantity: formatNumber(input.quantity, "id") });
    await resetCompletion(tx, ag, a, "delivery");
  });
  return getAgreement(a, agreementId);
}

/** The buyer accepts or rejects a delivery the supplier recorded. */
export async function reviewDelivery(
  actor: Actor | null,
  agreementId: string,
  deliveryId: string,
  input: { status: "accepted" | "rejected"; note?: string },
): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, agreementId, { statuses: ["active", "proposed"], stateKey: "agreements.errors.notInForce" });
    assertInForce(ag);
    const d = await tx.delivery.findFirst({
      where: { id: deliveryId, agreementId, agreement: partyWhere(a.membership.organizationId) },
      select: { id: true, status: true, milestoneId: true, note: true },
    });
    if (!d) throw notFound();
    if (ag.buyerId !== a.membership.organizationId) throw invalidInput({ status: ["agreements.errors.onlyBuyerReviews"] });
    if (d.status !== "pending_review") throw conflict("agreements.errors.alreadyReviewed");
    await tx.delivery.update({
      where: { id: d.id },
      data: {
        status: input.status,
        note: input.note ? [d.note, input.note].filter(Boolean).join("\n") : d.note,
        reviewedAt: new Date(), // issue 13: the index counts reviews within 7 days of the record
      },
    });
    if (d.milestoneId) await tx.milestone.update({ where: { id: d.milestoneId }, data: { status: input.status } });
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action: `delivery.${input.status}`,
      entityType: "Delivery",
      entityId: d.id,
      data: { agreementId },
    });
    await resetCompletion(tx, ag, a, "delivery");
  });
  return getAgreement(a, agreementId);
}

/**
 * Records a payment. Days to pay = paid date − invoice date when the invoice date is given, otherwise −
 * the latest accepted delivery of the milestone. Payments never add up to more than the agreement's value.
 */
export async function recordPayment(actor: Actor | null, agreementId: string, input: PaymentInput): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, agreementId, { statuses: ["active", "proposed"], stateKey: "agreements.errors.notInForce" });
    assertInForce(ag);
    const m = await milestoneOf(tx, agreementId, input.milestoneId);
    const paid = await tx.payment.aggregate({ where: { agreementId }, _sum: { amountIdr: true } });
    if ((paid._sum.amountIdr ?? 0n) + input.amountIdr > ag.valueIdr)
      throw invalidInput({ amountIdr: ["agreements.errors.paymentAboveValue"] });
    let from: Date | null = input.invoicedOn ?? null;
    if (!from && m) {
      const last = await tx.delivery.findFirst({
        where: { milestoneId: m.id, status: "accepted" },
        orderBy: { deliveredOn: "desc" },
        select: { deliveredOn: true },
      });
      from = last?.deliveredOn ?? null;
    }
    const daysToPay = from ? Math.max(0, daysBetween(from, input.paidOn)) : null;
    const p = await tx.payment.create({
      data: {
        agreementId,
        milestoneId: m?.id ?? null,
        amountIdr: input.amountIdr,
        invoicedOn: input.invoicedOn ?? null,
        paidOn: input.paidOn,
        daysToPay,
        note: input.note ?? null,
        recordedById: a.user.id,
      },
      select: { id: true },
    });
    if (m?.amountIdr != null) {
      const forMilestone = await tx.payment.aggregate({ where: { milestoneId: m.id }, _sum: { amountIdr: true } });
      if ((forMilestone._sum.amountIdr ?? 0n) >= m.amountIdr) await tx.milestone.update({ where: { id: m.id }, data: { status: "paid" } });
    }
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action: "payment.recorded",
      entityType: "Payment",
      entityId: p.id,
      data: { agreementId, amountIdr: input.amountIdr.toString(), daysToPay },
    });
    await notifyParties(tx, ag, a, "payment.recorded", { amount: rupiahParam(input.amountIdr) });
    await resetCompletion(tx, ag, a, "payment");
  });
  return getAgreement(a, agreementId);
}

/**
 * After completion each party rates the other side once (1–5): the buyer rates the supplier; the supplier
 * and consortium members rate the buyer.
 */
export async function rateAgreement(actor: Actor | null, agreementId: string, input: RatingInput): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  const me = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, agreementId, { statuses: ["completed"], stateKey: "agreements.errors.notCompleted" });
    const ratee = ag.buyerId === me ? ag.supplierId : ag.buyerId;
    const already = await tx.rating.findUnique({ where: { agreementId_raterId: { agreementId, raterId: me } }, select: { id: true } });
    if (already) throw conflict("agreements.errors.alreadyRated");
    const r = await tx.rating.create({
      data: { agreementId, raterId: me, rateeId: ratee, score: input.score, comment: input.comment ?? null },
      select: { id: true },
    });
    await audit(tx, {
      organizationId: me,
      actorId: a.user.id,
      action: "agreement.rated",
      entityType: "Rating",
      entityId: r.id,
      data: { agreementId, score: input.score },
    });
  });
  return getAgreement(a, agreementId);
}

/**
 * The lead supplier confirms that a recorded payment reached it, and on which date (issue 13): the Indeks
 * Kemitraan counts a payment only once confirmed, with this date as the paid date (the buyer's paidOn is
 * self-reported). Once per payment (409 after); the buyer and consortium members may not (403); the date is
 * not before the agreement starts and not after today in the supplier's time zone. Allowed while the agreement
 * is in force and after it ended (a payment is often confirmed late).
 */
export async function confirmPaymentReceipt(
  actor: Actor | null,
  agreementId: string,
  paymentId: string,
  input: ReceiptInput,
): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  const me = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, agreementId, { statuses: ["active", "proposed", "completed", "terminated"] });
    const p = await tx.payment.findFirst({
      where: { id: paymentId, agreementId, agreement: partyWhere(me) },
      select: { id: true, receiptConfirmedAt: true },
    });
    if (!p) throw notFound();
    if (ag.supplierId !== me) throw forbidden("agreements.errors.onlySupplierConfirmsReceipt");
    if (p.receiptConfirmedAt) throw conflict("agreements.errors.receiptAlreadyConfirmed");
    const supplier = await tx.organization.findUniqueOrThrow({ where: { id: ag.supplierId }, select: { regencyCode: true } });
    if (input.receivedOn.toISOString().slice(0, 10) > todayIn(timeZoneForProvince(supplier.regencyCode)))
      throw invalidInput({ receivedOn: ["agreements.errors.receivedInFuture"] });
    if (input.receivedOn < ag.startDate) throw invalidInput({ receivedOn: ["agreements.errors.receivedBeforeStart"] });
    const { count } = await tx.payment.updateMany({
      where: { id: p.id, receiptConfirmedAt: null },
      data: { receivedOn: input.receivedOn, receiptConfirmedAt: new Date(), receiptConfirmedById: a.user.id },
    });
    if (count === 0) throw conflict("agreements.errors.receiptAlreadyConfirmed");
    await audit(tx, {
      organizationId: me,
      actorId: a.user.id,
      action: "payment.receipt_confirmed",
      entityType: "Payment",
      entityId: p.id,
      data: { agreementId, receivedOn: input.receivedOn.toISOString().slice(0, 10) },
    });
  });
  return getAgreement(a, agreementId);
}
