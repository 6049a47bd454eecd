// The financing bridge's writes: on an active agreement the supplying UMKM or cooperative asks a partner bank
// (a bank organization on the platform) for purchase-order or invoice financing; the buyer confirms the
// agreement is real; the supplier may withdraw; the bank approves or declines. No money moves in Rantai. Reads: lib/financing/queries.ts.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { ACTORS, authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { formatRupiah } from "@/lib/i18n/format";
import { translate } from "@/lib/i18n/translate";
import { agreementRoutes } from "@/lib/agreements/routes";
import { authorizeBank } from "./access";
import { getBankRequest, partySelect, type FinancingBankDetail, type FinancingPartyView } from "./queries";
import { financingRoutes } from "./routes";
import type { FinancingDecisionInput, FinancingRequestInput } from "./schemas";

/**
 * What is asked or granted against an agreement: the sum of its submitted and approved requests at every
 * bank. Requests stay below the agreement's value in force (issue 11: no over-financing the same agreement
 * at several banks); an amendment may not lower the value below it (lib/agreements/content.ts).
 */
export async function financedAgainst(tx: Prisma.TransactionClient, agreementId: string): Promise<bigint> {
  const s = await tx.financingRequest.aggregate({
    where: { agreementId, status: { in: ["submitted", "approved"] } },
    _sum: { amountIdr: true },
  });
  return s._sum.amountIdr ?? 0n;
}

/**
 * A supplier party (lead supplier or consortium member; an UMKM or a cooperative) of an active agreement asks a
 * partner bank for financing against it. Anyone else: not found, nothing written.
 */
export async function requestFinancing(
  actor: Actor | null,
  agreementId: string,
  input: FinancingRequestInput,
): Promise<FinancingPartyView> {
  const a = authorize(actor, { orgTypes: ACTORS.suppliers, permission: "financing:request" });
  const me = a.membership.organizationId;
  const id = await db.$transaction(async (tx) => {
    // Lock the agreement row: two quick clicks cannot create two open requests.
    const { count } = await tx.agreement.updateMany({
      where: { id: agreementId, parties: { some: { organizationId: me, role: { in: ["supplier", "consortium_member"] } } } },
      data: { updatedAt: new Date() },
    });
    if (count === 0) throw notFound();
    const ag = await tx.agreement.findUniqueOrThrow({
      where: { id: agreementId },
      select: { number: true, status: true, valueIdr: true, buyerId: true },
    });
    if (ag.status !== "active") throw conflict("financing.errors.notActive");
    if (input.amountIdr > ag.valueIdr) throw invalidInput({ amountIdr: ["financing.errors.aboveValue"] });
    // Issue 11: one agreement is not financed beyond its value across banks. What is asked or granted
    // already (submitted or approved, at any bank, by any supplier party) counts against the value in force.
    const committed = await financedAgainst(tx, agreementId);
    if (committed + input.amountIdr > ag.valueIdr) throw invalidInput({ amountIdr: ["financing.errors.aboveOpenFinancing"] });
    const bank = await tx.organization.findFirst({
      where: { id: input.bankId, type: "bank", verificationStatus: "verified" },
      select: { id: true },
    });
    if (!bank) throw invalidInput({ bankId: ["financing.errors.bankUnknown"] });
    const open = await tx.financingRequest.findFirst({
      where: { agreementId, bankId: bank.id, supplierId: me, status: "submitted" },
      select: { id: true },
    });
    if (open) throw conflict("financing.errors.alreadyOpen");
    const r = await tx.financingRequest.create({
      data: { agreementId, supplierId: me, bankId: bank.id, type: input.type, amountIdr: input.amountIdr },
      select: { id: true },
    });
    await audit(tx, {
      organizationId: me,
      actorId: a.user.id,
      action: "financing.requested",
      entityType: "FinancingRequest",
      entityId: r.id,
      data: { agreementId, bankId: bank.id, type: input.type, amountIdr: input.amountIdr.toString() },
    });
    const params = { number: ag.number, supplierName: a.membership.organizationName, amount: formatRupiah(input.amountIdr, "id") };
    await notify(tx, { type: "financing.requested", organizationIds: [bank.id], params, link: financingRoutes.detail(r.id) });
    await notify(tx, { type: "financing.requested", organizationIds: [ag.buyerId], params, link: agreementRoutes.detail(agreementId) });
    return r.id;
  });
  return db.financingRequest.findUniqueOrThrow({ where: { id }, select: partySelect });
}

/** The buyer confirms the agreement behind a request (what the bank relies on). */
export async function confirmFinancing(actor: Actor | null, id: string): Promise<FinancingPartyView> {
  const a = authorize(actor, { orgTypes: ["buyer"], permission: "agreement:accept" });
  await db.$transaction(async (tx) => {
    const { count } = await tx.financingRequest.updateMany({
      // Issue 11: the buyer does not vouch for an agreement that was terminated.
      where: {
        id,
        status: "submitted",
        buyerConfirmedAt: null,
        agreement: { buyerId: a.membership.organizationId, status: { in: ["active", "completed"] } },
      },
      data: { buyerConfirmedAt: new Date() },
    });
    if (count === 0) {
      const r = await tx.financingRequest.findFirst({
        where: { id, agreement: { buyerId: a.membership.organizationId } },
        select: { status: true, buyerConfirmedAt: true },
      });
      if (!r) throw notFound();
      throw conflict(r.status === "submitted" && !r.buyerConfirmedAt ? "financing.errors.agreementTerminated" : "financing.errors.state");
    }
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action: "financing.confirmed",
      entityType: "FinancingRequest",
      entityId: id,
    });
  });
  return db.financingRequest.findUniqueOrThrow({ where: { id }, select: partySelect });
}

/** The supplier (UMKM or cooperative) that asked withdraws its open request. */
export async function withdrawFinancing(actor: Actor | null, id: string): Promise<FinancingPartyView> {
  const a = authorize(actor, { orgTypes: ACTORS.suppliers, permission: "financing:request" });
  await db.$transaction(async (tx) => {
    const { count } = await tx.financingRequest.updateMany({
      where: { id, supplierId: a.membership.organizationId, status: "submitted" },
      data: { status: "withdrawn" },
    });
    if (count === 0) {
      const r = await tx.financingRequest.findFirst({ where: { id, supplierId: a.membership.organizationId }, select: { id: true } });
      if (!r) throw notFound();
      throw conflict("financing.errors.state");
    }
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action: "financing.withdrawn",
      entityType: "FinancingRequest",
      entityId: id,
    });
  });
  return db.financingRequest.findUniqueOrThrow({ where: { id }, select: partySelect });
}

/** The bank approves or declines a request addressed to it (a decline says why). */
export async function decideFinancing(actor: Actor | null, id: string, input: FinancingDecisionInput): Promise<FinancingBankDetail> {
  const a = authorizeBank(actor);
  const bankId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    // Issue 11: no approval once the agreement was terminated (a decline is always possible).
    const { count } = await tx.financingRequest.updateMany({
      where: {
        id,
        bankId,
        status: "submitted",
        ...(input.decision === "approved" ? { agreement: { status: { in: ["active", "completed"] } } } : {}),
      },
      data: { status: input.decision, decisionNote: input.note ?? null, decidedAt: new Date() },
    });
    if (count === 0) {
      const r = await tx.financingRequest.findFirst({ where: { id, bankId }, select: { status: true } });
      if (!r) throw notFound();
      throw conflict(r.status === "submitted" ? "financing.errors.agreementTerminated" : "financing.errors.alreadyDecided");
    }
    const r = await tx.financingRequest.findUniqueOrThrow({
      where: { id },
      select: { agreementId: true, supplierId: true, agreement: { select: { number: true, buyerId: true } } },
    });
    await audit(tx, {
      organizationId: bankId,
      actorId: a.user.id,
      action: `financing.${input.decision}`,
      entityType: "FinancingRequest",
      entityId: id,
      data: { note: input.note ?? null },
    });
    await notify(tx, {
      type: "financing.decided",
      organizationIds: [r.supplierId, r.agreement.buyerId],
      params: {
        number: r.agreement.number,
        bankName: a.membership.organizationName,
        decision: translate("id", `financing.status.${input.decision}`),
      },
      link: agreementRoutes.detail(r.agreementId),
    });
  });
  return getBankRequest(a, id);
}
