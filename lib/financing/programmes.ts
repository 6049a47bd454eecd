// Supply-chain financing programmes (issue 13; docs/decisions/0026-financing-programmes.md): an anchor buyer runs
// a programme with a partner bank (maximum per UMKM, tenor; qualifying agreements: active, with this buyer, not
// excluded as fake partnerships, with at least one delivery the buyer accepted); the bank accepts or declines it;
// the buyer refers a verified UMKM (or cooperative) partner with a qualifying agreement; the partner accepts or
// declines; under an accepted referral its requests to the programme's bank are capped by the programme maximum
// (what it already asked or was granted under the programme counts) and the agreement's open-financing cap, and
// are pre-confirmed by the buyer (buyerConfirmedAt at creation: the programme is the buyer's confirmation).
// Everyone outside a programme (other buyers, banks, UMKM): not found.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { authorize, requireVerified } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { formatRupiah } from "@/lib/i18n/format";
import { financedAgainst } from "./lifecycle";
import { financingRoutes } from "./routes";
import type { FinancingProgrammeInput, ProgrammeRequestInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export const SUPPLIER_TYPES = ["umkm", "cooperative"] as const;

const authorizeBuyer = (actor: Actor | null) =>
  requireVerified(authorize(actor, { orgTypes: ["buyer"], permission: "financing:programme" }));
const authorizeBankDecider = (actor: Actor | null) =>
  requireVerified(authorize(actor, { orgTypes: ["bank"], permission: "financing:decide" }));
const authorizeSupplier = (actor: Actor | null) => authorize(actor, { orgTypes: SUPPLIER_TYPES, permission: "financing:request" });

/** A buyer's agreements that qualify under its programme, whoever supplies them. */
export function qualifyingTerms(buyerId: string, requireAcceptedDeliveries: boolean): Prisma.AgreementWhereInput {
  return {
    buyerId,
    status: "active",
    excludedAt: null,
    ...(requireAcceptedDeliveries ? { deliveries: { some: { status: "accepted" } } } : {}),
  };
}

/** The agreements of a supplier that qualify under a programme of this buyer. */
export function qualifyingWhere(buyerId: string, supplierId: string, requireAcceptedDeliveries: boolean): Prisma.AgreementWhereInput {
  return {
    ...qualifyingTerms(buyerId, requireAcceptedDeliveries),
    parties: { some: { organizationId: supplierId, role: { in: ["supplier", "consortium_member"] } } },
  };
}

const programmeSelect = {
  id: true,
  name: true,
  status: true,
  maxPerUmkmIdr: true,
  tenorDays: true,
  requireAcceptedDeliveries: true,
  acceptedAt: true,
  decisionNote: true,
  createdAt: true,
  buyer: { select: { id: true, name: true } },
  bank: { select: { id: true, name: true } },
} satisfies Prisma.FinancingProgrammeSelect;

export type ProgrammeView = Prisma.FinancingProgrammeGetPayload<{ select: typeof programmeSelect }> & {
  referrals: { id: string; status: string; supplier: { id: string; name: string }; referredAt: Date; decidedAt: Date | null }[];
};

/** Which programmes the actor is part of: the buyer's, the bank's, or those the supplier was referred to. */
function visibleWhere(actor: Actor | null): {
  where: Prisma.FinancingProgrammeWhereInput;
  orgId: string;
  side: "buyer" | "bank" | "supplier";
} {
  const a = authorize(actor, { orgTypes: ["buyer", "bank", "umkm", "cooperative"] });
  const orgId = a.membership.organizationId;
  const type = a.membership.organizationType;
  if (type === "buyer") return { where: { buyerId: orgId }, orgId, side: "buyer" };
  if (type === "bank") return { where: { bankId: orgId }, orgId, side: "bank" };
  return { where: { status: "active", referrals: { some: { supplierId: orgId } } }, orgId, side: "supplier" };
}

async function load(where: Prisma.FinancingProgrammeWhereInput, side: string, orgId: string): Promise<ProgrammeView[]> {
  const rows = await db.financingProgramme.findMany({
    where,
    select: {
      ...programmeSelect,
      referrals: {
        // a supplier sees only its own referral; the bank sees the referred partners; the buyer all
        where: side === "supplier" ? { supplierId: orgId } : {},
        select: { id: true, status: true, referredAt: true, decidedAt: true, supplier: { select: { id: true, name: true } } },
        orderBy: { referredAt: "desc" },
      },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  return rows;
}

export async function listProgrammes(actor: Actor | null): Promise<ProgrammeView[]> {
  const v = visibleWhere(actor);
  return load(v.where, v.side, v.orgId);
}

/** One programme the actor is part of (its referrals as listProgrammes shows them); anyone else: not found. */
export async function getProgramme(actor: Actor | null, id: string): Promise<ProgrammeView> {
  const v = visibleWhere(actor);
  const [row] = await load({ AND: [v.where, { id }] }, v.side, v.orgId);
  if (!row) throw notFound();
  return row;
}

/** A verified buyer proposes a programme to a verified partner bank. */
export async function createProgramme(actor: Actor | null, input: FinancingProgrammeInput): Promise<ProgrammeView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  const id = await db.$transaction(async (tx) => {
    const bank = await tx.organization.findFirst({
      where: { id: input.bankId, type: "bank", verificationStatus: "verified" },
      select: { id: true },
    });
    if (!bank) throw invalidInput({ bankId: ["financing.errors.bankUnknown"] });
    const p = await tx.financingProgramme.create({
      data: {
        buyerId,
        bankId: bank.id,
        name: input.name,
        maxPerUmkmIdr: input.maxPerUmkmIdr,
        tenorDays: input.tenorDays,
        requireAcceptedDeliveries: input.requireAcceptedDeliveries,
        createdById: a.user.id,
      },
      select: { id: true },
    });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "financing.programme_proposed",
      entityType: "FinancingProgramme",
      entityId: p.id,
      data: {
        bankId: bank.id,
        maxPerUmkmIdr: input.maxPerUmkmIdr.toString(),
        tenorDays: input.tenorDays,
        requireAcceptedDeliveries: input.requireAcceptedDeliveries,
      },
    });
    await notify(tx, {
      type: "financing.programme_proposed",
      organizationIds: [bank.id],
      params: { programme: input.name, buyerName: a.membership.organizationName },
      link: financingRoutes.programme(p.id),
    });
    return p.id;
  });
  return getProgramme(a, id);
}

/** The bank accepts or declines a programme proposed to it (once). */
export async function decideProgramme(actor: Actor | null, id: string, accept: boolean, note?: string): Promise<ProgrammeView> {
  const a = authorizeBankDecider(actor);
  const bankId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const p = await tx.financingProgramme.findFirst({ where: { id, bankId }, select: { status: true, name: true, buyerId: true } });
    if (!p) throw notFound();
    const { count } = await tx.financingProgramme.updateMany({
      where: { id, bankId, status: "proposed" },
      data: { status: accept ? "active" : "declined", acceptedAt: accept ? new Date() : null, decisionNote: note ?? null },
    });
    if (count === 0) throw conflict("financing.programmes.errors.alreadyDecided");
    await audit(tx, {
      organizationId: bankId,
      actorId: a.user.id,
      action: accept ? "financing.programme_accepted" : "financing.programme_declined",
      entityType: "FinancingProgramme",
      entityId: id,
      data: { note: note ?? null },
    });
    await notify(tx, {
      type: accept ? "financing.programme_accepted" : "financing.programme_declined",
      organizationIds: [p.buyerId],
      params: { programme: p.name, bankName: a.membership.organizationName },
      link: financingRoutes.programme(id),
    });
  });
  return getProgramme(a, id);
}

/** The buyer refers a verified partner with a qualifying agreement into its active programme. */
export async function referSupplier(actor: Actor | null, programmeId: string, supplierId: string): Promise<ProgrammeView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const p = await tx.financingProgramme.findFirst({
      where: { id: programmeId, buyerId },
      select: { status: true, name: true, requireAcceptedDeliveries: true, bank: { select: { name: true } } },
    });
    if (!p) throw notFound();
    if (p.status !== "active") throw conflict("financing.programmes.errors.notActive");
    const supplier = await tx.organization.findFirst({
      where: { id: supplierId, type: { in: [...SUPPLIER_TYPES] }, verificationStatus: "verified" },
      select: { id: true, name: true },
    });
    const qualifies =
      supplier && (await tx.agreement.count({ where: qualifyingWhere(buyerId, supplier.id, p.requireAcceptedDeliveries) })) > 0;
    if (!supplier || !qualifies) throw invalidInput({ supplierId: ["financing.programmes.errors.notPartner"] });
    const existing = await tx.financingReferral.findUnique({
      where: { programmeId_supplierId: { programmeId, supplierId } },
      select: { id: true, status: true },
    });
    if (existing && (existing.status === "referred" || existing.status === "accepted"))
      throw conflict("financing.programmes.errors.alreadyReferred");
    const r = existing
      ? await tx.financingReferral.update({
          where: { id: existing.id },
          data: { status: "referred", referredAt: new Date(), decidedAt: null, referredById: a.user.id },
          select: { id: true },
        })
      : await tx.financingReferral.create({ data: { programmeId, supplierId, referredById: a.user.id }, select: { id: true } });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "financing.referral_created",
      entityType: "FinancingReferral",
      entityId: r.id,
      data: { programmeId, supplierId },
    });
    await notify(tx, {
      type: "financing.referral_received",
      organizationIds: [supplier.id],
      params: { programme: p.name, buyerName: a.membership.organizationName, supplierName: supplier.name, bankName: p.bank.name },
      link: financingRoutes.programme(programmeId),
    });
  });
  return getProgramme(a, programmeId);
}

/** The referred partner accepts or declines the referral (once). */
export async function decideReferral(actor: Actor | null, referralId: string, accept: boolean) {
  const a = authorizeSupplier(actor);
  const me = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const r = await tx.financingReferral.findFirst({
      where: { id: referralId, supplierId: me },
      select: { programmeId: true, programme: { select: { name: true, buyerId: true, status: true } } },
    });
    if (!r) throw notFound();
    // A programme the bank declined or the buyer closed offers nothing to accept (declining stays possible).
    if (accept && r.programme.status !== "active") throw conflict("financing.programmes.errors.notActive");
    const { count } = await tx.financingReferral.updateMany({
      where: { id: referralId, supplierId: me, status: "referred" },
      data: { status: accept ? "accepted" : "declined", decidedAt: new Date() },
    });
    if (count === 0) throw conflict("financing.programmes.errors.referralDecided");
    await audit(tx, {
      organizationId: me,
      actorId: a.user.id,
      action: accept ? "financing.referral_accepted" : "financing.referral_declined",
      entityType: "FinancingReferral",
      entityId: referralId,
    });
    await notify(tx, {
      type: accept ? "financing.referral_accepted" : "financing.referral_declined",
      organizationIds: [r.programme.buyerId],
      params: { programme: r.programme.name, supplierName: a.membership.organizationName },
      link: financingRoutes.programme(r.programmeId),
    });
    return { id: referralId, programmeId: r.programmeId, status: accept ? "accepted" : "declined" };
  });
}

/** What the supplier already asked or was granted under the programme (submitted or approved). */
async function usedUnder(tx: Pick<Tx, "financingRequest">, programmeId: string, supplierId: string): Promise<bigint> {
  const s = await tx.financingRequest.aggregate({
    where: { programmeId, supplierId, status: { in: ["submitted", "approved"] } },
    _sum: { amountIdr: true },
  });
  return s._sum.amountIdr ?? 0n;
}

/** A request under the programme: to its bank, capped, pre-confirmed by the buyer. */
export async function requestUnderProgramme(actor: Actor | null, programmeId: string, input: ProgrammeRequestInput) {
  const a = authorizeSupplier(actor);
  const me = a.membership.organizationId;
  const id = await db.$transaction(async (tx) => {
    const p = await tx.financingProgramme.findFirst({
      where: { id: programmeId, referrals: { some: { supplierId: me, status: "accepted" } } },
      select: { id: true, name: true, status: true, buyerId: true, bankId: true, maxPerUmkmIdr: true, requireAcceptedDeliveries: true },
    });
    if (!p) throw notFound();
    if (p.status !== "active") throw conflict("financing.programmes.errors.notActive");
    // Lock the agreement row (two quick requests cannot both pass the caps).
    const { count } = await tx.agreement.updateMany({
      where: { id: input.agreementId, ...qualifyingWhere(p.buyerId, me, p.requireAcceptedDeliveries) },
      data: { updatedAt: new Date() },
    });
    if (count === 0) throw invalidInput({ agreementId: ["financing.programmes.errors.notQualifying"] });
    const ag = await tx.agreement.findUniqueOrThrow({ where: { id: input.agreementId }, select: { number: true, valueIdr: true } });
    if (input.amountIdr + (await usedUnder(tx, p.id, me)) > p.maxPerUmkmIdr)
      throw invalidInput({ amountIdr: ["financing.programmes.errors.aboveMaximum"] });
    if ((await financedAgainst(tx, input.agreementId)) + input.amountIdr > ag.valueIdr)
      throw invalidInput({ amountIdr: ["financing.errors.aboveOpenFinancing"] });
    const open = await tx.financingRequest.findFirst({
      where: { agreementId: input.agreementId, bankId: p.bankId, supplierId: me, status: "submitted" },
      select: { id: true },
    });
    if (open) throw conflict("financing.errors.alreadyOpen");
    const r = await tx.financingRequest.create({
      data: {
        agreementId: input.agreementId,
        supplierId: me,
        bankId: p.bankId,
        type: input.type,
        amountIdr: input.amountIdr,
        programmeId: p.id,
        buyerConfirmedAt: new Date(),
      },
      select: { id: true },
    });
    await audit(tx, {
      organizationId: me,
      actorId: a.user.id,
      action: "financing.requested",
      entityType: "FinancingRequest",
      entityId: r.id,
      data: {
        agreementId: input.agreementId,
        bankId: p.bankId,
        programmeId: p.id,
        type: input.type,
        amountIdr: input.amountIdr.toString(),
      },
    });
    const params = { number: ag.number, supplierName: a.membership.organizationName, amount: formatRupiah(input.amountIdr, "id") };
    await notify(tx, { type: "financing.requested", organizationIds: [p.bankId], params, link: financingRoutes.detail(r.id) });
    return r.id;
  });
  return { id };
}
