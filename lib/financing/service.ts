// Financing bridge: on an active agreement the UMKM asks a partner bank (a bank organization on the
// platform) for purchase-order or invoice financing; the buyer confirms the agreement is real; the bank
// approves or declines. No money moves in Rantai.
//
// What the bank sees is only what the request shares (bankView): the request, the supplier's and the
// buyer's names, the agreement's number, scheme, value, term and delivery/payment schedule, and the
// buyer's confirmation. Not the terms, deliveries, payments or ratings. A bank sees only requests
// addressed to it (bankId in every where); the agreement's parties see the requests on it.
import "server-only";
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import { decodeCursor, paginate, type Page, cursorInstant } from "@/lib/api/pagination";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { formatRupiah } from "@/lib/i18n/format";
import { translate } from "@/lib/i18n/translate";
import { partyWhere } from "@/lib/agreements/access";
import type { FinancingDecisionInput, FinancingRequestInput } from "./schemas";

const day = (d: Date) => d.toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------------

const bankSelect = {
  id: true,
  type: true,
  amountIdr: true,
  status: true,
  buyerConfirmedAt: true,
  decisionNote: true,
  decidedAt: true,
  createdAt: true,
  updatedAt: true,
  supplier: { select: { id: true, name: true } },
  agreement: {
    select: {
      number: true,
      scheme: true,
      status: true,
      valueIdr: true,
      startDate: true,
      endDate: true,
      buyer: { select: { id: true, name: true } },
      milestones: { select: { position: true, title: true, quantity: true, unit: true, dueDate: true, amountIdr: true, paymentTermDays: true }, orderBy: { position: "asc" } },
    },
  },
} satisfies Prisma.FinancingRequestSelect;
type BankRow = Prisma.FinancingRequestGetPayload<{ select: typeof bankSelect }>;

/** A request as the bank sees it: only what the request shares. */
export interface FinancingBankView {
  id: string;
  type: "purchase_order" | "invoice";
  amountIdr: bigint;
  status: "submitted" | "approved" | "declined" | "withdrawn";
  buyerConfirmed: boolean;
  buyerConfirmedAt: Date | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  supplier: { id: string; name: string };
  agreement: {
    number: string;
    scheme: string;
    status: string;
    valueIdr: bigint;
    startDate: string;
    endDate: string;
    buyer: { id: string; name: string };
    schedule: { position: number; title: string; quantity: number | null; unit: string | null; dueDate: string; amountIdr: bigint | null; paymentTermDays: number | null }[];
  };
}

function toBankView(r: BankRow): FinancingBankView {
  return {
    id: r.id,
    type: r.type,
    amountIdr: r.amountIdr,
    status: r.status,
    buyerConfirmed: r.buyerConfirmedAt !== null,
    buyerConfirmedAt: r.buyerConfirmedAt,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt,
    createdAt: r.createdAt,
    supplier: r.supplier,
    agreement: {
      number: r.agreement.number,
      scheme: r.agreement.scheme,
      status: r.agreement.status,
      valueIdr: r.agreement.valueIdr,
      startDate: day(r.agreement.startDate),
      endDate: day(r.agreement.endDate),
      buyer: r.agreement.buyer,
      schedule: r.agreement.milestones.map((m) => ({ ...m, dueDate: day(m.dueDate) })),
    },
  };
}

/** A request as the agreement's parties see it (the supplier that asked and the buyer). */
export interface FinancingPartyView {
  id: string;
  agreementId: string;
  type: "purchase_order" | "invoice";
  amountIdr: bigint;
  status: "submitted" | "approved" | "declined" | "withdrawn";
  bank: { id: string; name: string };
  supplier: { id: string; name: string };
  buyerConfirmedAt: Date | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

const partySelect = {
  id: true,
  agreementId: true,
  type: true,
  amountIdr: true,
  status: true,
  buyerConfirmedAt: true,
  decisionNote: true,
  decidedAt: true,
  createdAt: true,
  bank: { select: { id: true, name: true } },
  supplier: { select: { id: true, name: true } },
} satisfies Prisma.FinancingRequestSelect;

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

const authorizeBank = (actor: Actor | null) => authorize(actor, { orgTypes: ["bank"], permission: "financing:decide" });

const listCursor = z.tuple([cursorInstant, z.string().min(1)]);

/** A bank's inbox: requests addressed to it, newest first. */
export async function listBankRequests(actor: Actor | null, query: { status?: FinancingBankView["status"]; limit: number; cursor?: string }): Promise<Page<FinancingBankView>> {
  const a = authorizeBank(actor);
  const after = decodeCursor(query.cursor, listCursor);
  const rows = await db.financingRequest.findMany({
    where: {
      bankId: a.membership.organizationId,
      ...(query.status ? { status: query.status } : {}),
      ...(after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    select: bankSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = paginate(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: page.data.map(toBankView), nextCursor: page.nextCursor };
}

/** One request addressed to the actor's bank; not found for any other bank. */
export async function getBankRequest(actor: Actor | null, id: string): Promise<FinancingBankView> {
  const a = authorizeBank(actor);
  const row = await db.financingRequest.findFirst({ where: { id, bankId: a.membership.organizationId }, select: bankSelect });
  if (!row) throw notFound();
  return toBankView(row);
}

/** The requests on one agreement, for its parties (buyer and supplier sides; not the ministry). */
export async function listAgreementFinancing(actor: Actor | null, agreementId: string): Promise<FinancingPartyView[]> {
  const a = authorize(actor, { orgTypes: ["umkm", "buyer", "cooperative"], permission: "agreement:read" });
  return db.financingRequest.findMany({
    where: { agreementId, agreement: partyWhere(a.membership.organizationId) },
    select: partySelect,
    orderBy: { createdAt: "desc" },
  });
}

/** An UMKM's own requests across its agreements. */
export async function listSupplierRequests(actor: Actor | null, query: { limit: number; cursor?: string; status?: FinancingPartyView["status"] }): Promise<Page<FinancingPartyView>> {
  const a = authorize(actor, { orgTypes: ["umkm"], permission: "financing:request" });
  const after = decodeCursor(query.cursor, listCursor);
  const rows = await db.financingRequest.findMany({
    where: {
      supplierId: a.membership.organizationId,
      ...(query.status ? { status: query.status } : {}),
      ...(after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    select: partySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return paginate(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

/** Partner banks an UMKM can address (verified bank organizations). */
export async function listPartnerBanks() {
  return db.organization.findMany({ where: { type: "bank", verificationStatus: "verified" }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

// ---------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------

const link = (agreementId: string) => `/kemitraan/${agreementId}`;

/**
 * What is asked or granted against an agreement: the sum of its submitted and approved requests at every
 * bank. Requests stay below the agreement's value in force (issue 11: no over-financing the same agreement
 * at several banks); an amendment may not lower the value below it (lib/agreements/service.ts).
 */
export async function financedAgainst(tx: Prisma.TransactionClient, agreementId: string): Promise<bigint> {
  const s = await tx.financingRequest.aggregate({ where: { agreementId, status: { in: ["submitted", "approved"] } }, _sum: { amountIdr: true } });
  return s._sum.amountIdr ?? 0n;
}

/** The UMKM that supplies under an active agreement asks a partner bank for financing against it. */
export async function requestFinancing(actor: Actor | null, agreementId: string, input: FinancingRequestInput): Promise<FinancingPartyView> {
  const a = authorize(actor, { orgTypes: ["umkm"], permission: "financing:request" });
  const me = a.membership.organizationId;
  const id = await db.$transaction(async (tx) => {
    // Lock the agreement row: two quick clicks cannot create two open requests.
    const { count } = await tx.agreement.updateMany({ where: { id: agreementId, parties: { some: { organizationId: me, role: { in: ["supplier", "consortium_member"] } } } }, data: { updatedAt: new Date() } });
    if (count === 0) throw notFound();
    const ag = await tx.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { number: true, status: true, valueIdr: true, buyerId: true } });
    if (ag.status !== "active") throw conflict("financing.errors.notActive");
    if (input.amountIdr > ag.valueIdr) throw invalidInput({ amountIdr: ["financing.errors.aboveValue"] });
    // Issue 11: one agreement is not financed beyond its value across banks. What is asked or granted
    // already (submitted or approved, at any bank, by any supplier party) counts against the value in force.
    const committed = await financedAgainst(tx, agreementId);
    if (committed + input.amountIdr > ag.valueIdr) throw invalidInput({ amountIdr: ["financing.errors.aboveOpenFinancing"] });
    const bank = await tx.organization.findFirst({ where: { id: input.bankId, type: "bank", verificationStatus: "verified" }, select: { id: true } });
    if (!bank) throw invalidInput({ bankId: ["financing.errors.bankUnknown"] });
    const open = await tx.financingRequest.findFirst({ where: { agreementId, bankId: bank.id, supplierId: me, status: "submitted" }, select: { id: true } });
    if (open) throw conflict("financing.errors.alreadyOpen");
    const r = await tx.financingRequest.create({ data: { agreementId, supplierId: me, bankId: bank.id, type: input.type, amountIdr: input.amountIdr }, select: { id: true } });
    await audit(tx, { organizationId: me, actorId: a.user.id, action: "financing.requested", entityType: "FinancingRequest", entityId: r.id, data: { agreementId, bankId: bank.id, type: input.type, amountIdr: input.amountIdr.toString() } });
    const params = { number: ag.number, supplierName: a.membership.organizationName, amount: formatRupiah(input.amountIdr, "id") };
    await notify(tx, { type: "financing.requested", organizationIds: [bank.id], params, link: `/pembiayaan/${r.id}` });
    await notify(tx, { type: "financing.requested", organizationIds: [ag.buyerId], params, link: link(agreementId) });
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
      where: { id, status: "submitted", buyerConfirmedAt: null, agreement: { buyerId: a.membership.organizationId, status: { in: ["active", "completed"] } } },
      data: { buyerConfirmedAt: new Date() },
    });
    if (count === 0) {
      const r = await tx.financingRequest.findFirst({ where: { id, agreement: { buyerId: a.membership.organizationId } }, select: { status: true, buyerConfirmedAt: true } });
      if (!r) throw notFound();
      throw conflict(r.status === "submitted" && !r.buyerConfirmedAt ? "financing.errors.agreementTerminated" : "financing.errors.state");
    }
    await audit(tx, { organizationId: a.membership.organizationId, actorId: a.user.id, action: "financing.confirmed", entityType: "FinancingRequest", entityId: id });
  });
  return db.financingRequest.findUniqueOrThrow({ where: { id }, select: partySelect });
}

/** The supplier withdraws its open request. */
export async function withdrawFinancing(actor: Actor | null, id: string): Promise<FinancingPartyView> {
  const a = authorize(actor, { orgTypes: ["umkm"], permission: "financing:request" });
  await db.$transaction(async (tx) => {
    const { count } = await tx.financingRequest.updateMany({ where: { id, supplierId: a.membership.organizationId, status: "submitted" }, data: { status: "withdrawn" } });
    if (count === 0) {
      const r = await tx.financingRequest.findFirst({ where: { id, supplierId: a.membership.organizationId }, select: { id: true } });
      if (!r) throw notFound();
      throw conflict("financing.errors.state");
    }
    await audit(tx, { organizationId: a.membership.organizationId, actorId: a.user.id, action: "financing.withdrawn", entityType: "FinancingRequest", entityId: id });
  });
  return db.financingRequest.findUniqueOrThrow({ where: { id }, select: partySelect });
}

/** The bank approves or declines a request addressed to it (a decline says why). */
export async function decideFinancing(actor: Actor | null, id: string, input: FinancingDecisionInput): Promise<FinancingBankView> {
  const a = authorizeBank(actor);
  const bankId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    // Issue 11: no approval once the agreement was terminated (a decline is always possible).
    const { count } = await tx.financingRequest.updateMany({
      where: { id, bankId, status: "submitted", ...(input.decision === "approved" ? { agreement: { status: { in: ["active", "completed"] } } } : {}) },
      data: { status: input.decision, decisionNote: input.note ?? null, decidedAt: new Date() },
    });
    if (count === 0) {
      const r = await tx.financingRequest.findFirst({ where: { id, bankId }, select: { status: true } });
      if (!r) throw notFound();
      throw conflict(r.status === "submitted" ? "financing.errors.agreementTerminated" : "financing.errors.alreadyDecided");
    }
    const r = await tx.financingRequest.findUniqueOrThrow({ where: { id }, select: { agreementId: true, supplierId: true, agreement: { select: { number: true, buyerId: true } } } });
    await audit(tx, { organizationId: bankId, actorId: a.user.id, action: `financing.${input.decision}`, entityType: "FinancingRequest", entityId: id, data: { note: input.note ?? null } });
    await notify(tx, {
      type: "financing.decided",
      organizationIds: [r.supplierId, r.agreement.buyerId],
      params: { number: r.agreement.number, bankName: a.membership.organizationName, decision: translate("id", `financing.status.${input.decision}`) },
      link: link(r.agreementId),
    });
  });
  return getBankRequest(a, id);
}
