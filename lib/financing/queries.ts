// Reading the financing bridge: a bank's inbox and one request (only what the request shares: bankView —
// the request, the supplier's and the buyer's names, the agreement's number, scheme, value, term and
// delivery/payment schedule, the buyer's confirmation and its days-to-pay from the Indeks Kemitraan; not the
// terms, deliveries, payments or ratings; one request adds the supplier's public basics, size class history,
// valid certificates and track record: ./bank-view.ts),
// the requests on one agreement for its parties, an UMKM's own requests, and the partner banks it can ask.
// A bank sees only requests addressed to it (bankId in every where); the agreement's parties see the requests
// on it; a supplier (UMKM or cooperative) its own. Writes: lib/financing/lifecycle.ts.
import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { ACTORS, authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import type { FinancingStatus, FinancingType } from "@/lib/enums";
import { decodeCursor, paginate, type Page, cursorInstant } from "@/lib/api/pagination";
import { notFound } from "@/lib/errors";
import { partyWhere } from "@/lib/agreements/access";
import { authorizeBank } from "./access";
import { getBankSupplierView, type BankSupplierView } from "./bank-view";
import { getBuyerPaymentBehaviour, type BuyerPaymentBehaviour } from "@/lib/partnership-index/queries";

const day = (d: Date) => d.toISOString().slice(0, 10);

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
      milestones: {
        select: { position: true, title: true, quantity: true, unit: true, dueDate: true, amountIdr: true, paymentTermDays: true },
        orderBy: { position: "asc" },
      },
    },
  },
} satisfies Prisma.FinancingRequestSelect;
type BankRow = Prisma.FinancingRequestGetPayload<{ select: typeof bankSelect }>;

/** A request as the bank sees it: only what the request shares. */
export interface FinancingBankView {
  id: string;
  type: FinancingType;
  amountIdr: bigint;
  status: FinancingStatus;
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
    /** issue 13: the buyer's own days-to-pay from its Indeks Kemitraan (this year; confirmed receipts only;
     *  no figures with fewer than 3 UMKM partners). */
    buyer: { id: string; name: string; paymentBehaviour: BuyerPaymentBehaviour };
    schedule: {
      position: number;
      title: string;
      quantity: number | null;
      unit: string | null;
      dueDate: string;
      amountIdr: bigint | null;
      paymentTermDays: number | null;
    }[];
  };
}

/** The buyers' payment behaviour from the Indeks Kemitraan, once per buyer. */
async function behaviourOf(rows: BankRow[]): Promise<Map<string, BuyerPaymentBehaviour>> {
  const ids = [...new Set(rows.map((r) => r.agreement.buyer.id))];
  return new Map(await Promise.all(ids.map(async (id) => [id, await getBuyerPaymentBehaviour(id)] as const)));
}

function toBankView(r: BankRow, behaviour: Map<string, BuyerPaymentBehaviour>): FinancingBankView {
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
      buyer: { ...r.agreement.buyer, paymentBehaviour: behaviour.get(r.agreement.buyer.id)! },
      schedule: r.agreement.milestones.map((m) => ({ ...m, dueDate: day(m.dueDate) })),
    },
  };
}

/** A request as the agreement's parties see it (the supplier that asked and the buyer). */
export interface FinancingPartyView {
  id: string;
  agreementId: string;
  type: FinancingType;
  amountIdr: bigint;
  status: FinancingStatus;
  bank: { id: string; name: string };
  supplier: { id: string; name: string };
  buyerConfirmedAt: Date | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export const partySelect = {
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

const listCursor = z.tuple([cursorInstant, z.string().min(1)]);

/** A bank's inbox: requests addressed to it, newest first. */
export async function listBankRequests(
  actor: Actor | null,
  query: { status?: FinancingBankView["status"]; limit: number; cursor?: string },
): Promise<Page<FinancingBankView>> {
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
  const behaviour = await behaviourOf(page.data);
  return { data: page.data.map((r) => toBankView(r, behaviour)), nextCursor: page.nextCursor };
}

/** One request as its bank sees it: the inbox's fields, and what the bank may know of the supplier (issue 13). */
export interface FinancingBankDetail extends Omit<FinancingBankView, "supplier"> {
  supplier: BankSupplierView;
}

/** One request addressed to the actor's bank; not found for any other bank. */
export async function getBankRequest(actor: Actor | null, id: string): Promise<FinancingBankDetail> {
  const a = authorizeBank(actor);
  const row = await db.financingRequest.findFirst({ where: { id, bankId: a.membership.organizationId }, select: bankSelect });
  if (!row) throw notFound();
  const [behaviour, supplier] = await Promise.all([behaviourOf([row]), getBankSupplierView(row.supplier.id)]);
  return { ...toBankView(row, behaviour), supplier };
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

/** A supplier's (UMKM's or cooperative's) own requests across its agreements. */
export async function listSupplierRequests(
  actor: Actor | null,
  query: { limit: number; cursor?: string; status?: FinancingPartyView["status"] },
): Promise<Page<FinancingPartyView>> {
  const a = authorize(actor, { orgTypes: ACTORS.suppliers, permission: "financing:request" });
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

/** Partner banks a supplier can address (verified bank organizations). */
export async function listPartnerBanks() {
  return db.organization.findMany({
    where: { type: "bank", verificationStatus: "verified" },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
