// Partnership agreements: list, read, create, amend, accept, complete, terminate (ADR 0009).
//
// Life cycle: draft → proposed (first acceptance) → active (every party accepted the current version) →
// completed | terminated (with a reason). Any change to the content is an amendment: version N+1 with a
// snapshot; acceptances are per version, so an amendment needs every party's acceptance again (an active
// agreement stays active — in force — with the amendment pending, and cannot be completed until every party
// has accepted it; earlier versions stay readable).
// Concurrency: each write names the version it read and locks the row with `where: {id, version}`;
// a stale version is a 409 conflict, never a silent overwrite.
//
// Used by the /kemitraan pages' server actions (lib/agreements/actions.ts) and /api/v1/agreements.
import "server-only";
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import type { PartnershipScheme } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/types";
import type { AuthorizedActor } from "@/lib/auth/authorize";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import { decodeCursor, paginate, type Page } from "@/lib/api/pagination";
import { DomainError, conflict, invalidInput, notFound } from "@/lib/errors";
import { formatRupiah } from "@/lib/i18n/format";
import { agreementSnapshot, createDraftAgreement } from "./drafts";
import { authorizeParty, authorizeReader, partyWhere } from "./access";
import { checkContent, type AgreementAmendInput, type AgreementCreateInput, type AgreementStatusValue, type MilestoneInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export const day = (d: Date) => d.toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------------

const orgRef = { select: { id: true, name: true, type: true } } as const;

const summarySelect = {
  id: true,
  number: true,
  title: true,
  scheme: true,
  status: true,
  valueIdr: true,
  startDate: true,
  endDate: true,
  version: true,
  updatedAt: true,
  createdAt: true,
  buyer: orgRef,
  supplier: orgRef,
} satisfies Prisma.AgreementSelect;

const detailSelect = {
  ...summarySelect,
  terms: true,
  rfqId: true,
  consortiumId: true,
  proposedAt: true,
  activatedAt: true,
  completedAt: true,
  terminatedAt: true,
  terminationReason: true,
  parties: { select: { organizationId: true, role: true, shareQuantity: true, sharePercent: true, organization: orgRef }, orderBy: { role: "asc" } },
  acceptances: {
    select: { version: true, organizationId: true, acceptedAt: true, user: { select: { name: true } }, organization: { select: { name: true } } },
    orderBy: [{ version: "desc" }, { acceptedAt: "asc" }],
  },
  versions: { select: { version: true, changeNote: true, createdAt: true, createdBy: { select: { name: true } } }, orderBy: { version: "desc" } },
  milestones: {
    select: { id: true, position: true, title: true, quantity: true, unit: true, dueDate: true, amountIdr: true, paymentTermDays: true, status: true },
    orderBy: { position: "asc" },
  },
  deliveries: {
    select: { id: true, milestoneId: true, quantity: true, deliveredOn: true, onTime: true, status: true, note: true, createdAt: true },
    orderBy: [{ deliveredOn: "desc" }, { createdAt: "desc" }],
  },
  payments: {
    select: { id: true, milestoneId: true, amountIdr: true, invoicedOn: true, paidOn: true, daysToPay: true, note: true, createdAt: true },
    orderBy: [{ paidOn: "desc" }, { createdAt: "desc" }],
  },
  ratings: {
    select: { raterId: true, rateeId: true, score: true, comment: true, createdAt: true, rater: { select: { name: true } }, ratee: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.AgreementSelect;

type SummaryRow = Prisma.AgreementGetPayload<{ select: typeof summarySelect }>;
type DetailRow = Prisma.AgreementGetPayload<{ select: typeof detailSelect }>;

export type PartyRole = "buyer" | "supplier" | "consortium_member";

export interface AgreementSummary {
  id: string;
  number: string;
  title: string;
  scheme: PartnershipScheme;
  status: AgreementStatusValue;
  valueIdr: bigint;
  startDate: string;
  endDate: string;
  version: number;
  buyer: { id: string; name: string };
  supplier: { id: string; name: string; type: string };
  createdAt: Date;
  updatedAt: Date;
}

function toSummary(r: SummaryRow): AgreementSummary {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    scheme: r.scheme,
    status: r.status,
    valueIdr: r.valueIdr,
    startDate: day(r.startDate),
    endDate: day(r.endDate),
    version: r.version,
    buyer: { id: r.buyer.id, name: r.buyer.name },
    supplier: { id: r.supplier.id, name: r.supplier.name, type: r.supplier.type },
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface AgreementView extends AgreementSummary {
  terms: string;
  rfqId: string | null;
  consortiumId: string | null;
  proposedAt: Date | null;
  activatedAt: Date | null;
  completedAt: Date | null;
  terminatedAt: Date | null;
  terminationReason: string | null;
  parties: { organizationId: string; name: string; type: string; role: PartyRole; shareQuantity: number | null; sharePercent: string | null }[];
  /** Acceptances of the current version (who, when) and which parties have yet to accept it. */
  acceptances: { version: number; organizationId: string; organizationName: string; userName: string | null; acceptedAt: Date }[];
  pendingAcceptance: string[];
  /** The latest version every party accepted (null before the first activation). */
  lastAcceptedVersion: number | null;
  versions: { version: number; changeNote: string | null; createdAt: Date; createdBy: string | null }[];
  milestones: { id: string; position: number; title: string; quantity: number | null; unit: string | null; dueDate: string; amountIdr: bigint | null; paymentTermDays: number | null; status: string }[];
  deliveries: { id: string; milestoneId: string | null; quantity: number; deliveredOn: string; onTime: boolean; status: string; note: string | null; createdAt: Date }[];
  payments: { id: string; milestoneId: string | null; amountIdr: bigint; invoicedOn: string | null; paidOn: string; daysToPay: number | null; note: string | null; createdAt: Date }[];
  ratings: { raterId: string; raterName: string; rateeId: string; rateeName: string; score: number; comment: string | null; createdAt: Date }[];
  /** The asking organization's role (null for ministry staff). */
  yourRole: PartyRole | null;
}

function toView(r: DetailRow, viewerOrgId: string | null): AgreementView {
  const partyIds = r.parties.map((p) => p.organizationId);
  const current = r.acceptances.filter((a) => a.version === r.version);
  const accepted = new Set(current.map((a) => a.organizationId));
  const byVersion = new Map<number, Set<string>>();
  for (const a of r.acceptances) (byVersion.get(a.version) ?? byVersion.set(a.version, new Set()).get(a.version)!).add(a.organizationId);
  const fully = [...byVersion.entries()].filter(([, s]) => partyIds.every((id) => s.has(id))).map(([v]) => v);
  return {
    ...toSummary(r),
    terms: r.terms,
    rfqId: r.rfqId,
    consortiumId: r.consortiumId,
    proposedAt: r.proposedAt,
    activatedAt: r.activatedAt,
    completedAt: r.completedAt,
    terminatedAt: r.terminatedAt,
    terminationReason: r.terminationReason,
    parties: r.parties.map((p) => ({
      organizationId: p.organizationId,
      name: p.organization.name,
      type: p.organization.type,
      role: p.role,
      shareQuantity: p.shareQuantity,
      sharePercent: p.sharePercent == null ? null : p.sharePercent.toString(),
    })),
    acceptances: current.map((a) => ({ version: a.version, organizationId: a.organizationId, organizationName: a.organization.name, userName: a.user?.name ?? null, acceptedAt: a.acceptedAt })),
    pendingAcceptance: r.status === "draft" || r.status === "proposed" || r.status === "active" ? partyIds.filter((id) => !accepted.has(id)) : [],
    lastAcceptedVersion: fully.length ? Math.max(...fully) : null,
    versions: r.versions.map((v) => ({ version: v.version, changeNote: v.changeNote, createdAt: v.createdAt, createdBy: v.createdBy?.name ?? null })),
    milestones: r.milestones.map((m) => ({ ...m, dueDate: day(m.dueDate) })),
    deliveries: r.deliveries.map((d) => ({ ...d, deliveredOn: day(d.deliveredOn) })),
    payments: r.payments.map((p) => ({ ...p, invoicedOn: p.invoicedOn ? day(p.invoicedOn) : null, paidOn: day(p.paidOn) })),
    ratings: r.ratings.map((x) => ({ raterId: x.raterId, raterName: x.rater.name, rateeId: x.rateeId, rateeName: x.ratee.name, score: x.score, comment: x.comment, createdAt: x.createdAt })),
    yourRole: (viewerOrgId && r.parties.find((p) => p.organizationId === viewerOrgId)?.role) || null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

const listCursor = z.tuple([z.iso.datetime({ offset: true }), z.string().min(1)]);

/** The agreements the actor's organization is a party to (ministry staff: all), most recently changed first. */
export async function listAgreements(
  actor: Actor | null,
  query: { status?: AgreementStatusValue; limit: number; cursor?: string },
): Promise<Page<AgreementSummary>> {
  const { where } = authorizeReader(actor);
  const after = decodeCursor(query.cursor, listCursor);
  const rows = await db.agreement.findMany({
    where: {
      ...where,
      ...(query.status ? { status: query.status } : {}),
      ...(after ? { OR: [{ updatedAt: { lt: new Date(after[0]) } }, { updatedAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    select: summarySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = paginate(rows, query.limit, (r) => [r.updatedAt.toISOString(), r.id]);
  return { data: page.data.map(toSummary), nextCursor: page.nextCursor };
}

/** Counts per status for the list's tabs. */
export async function countAgreementsByStatus(actor: Actor | null): Promise<Record<AgreementStatusValue, number>> {
  const { where } = authorizeReader(actor);
  const groups = await db.agreement.groupBy({ by: ["status"], where, _count: { _all: true } });
  const out = { draft: 0, proposed: 0, active: 0, completed: 0, terminated: 0 };
  for (const g of groups) out[g.status] = g._count._all;
  return out;
}

/** One agreement with everything about it; not found unless the actor is a party (or ministry staff). */
export async function getAgreement(actor: Actor | null, id: string): Promise<AgreementView> {
  const { actor: a, where, ministry } = authorizeReader(actor);
  const row = await db.agreement.findFirst({ where: { id, ...where }, select: detailSelect });
  if (!row) throw notFound();
  return toView(row, ministry ? null : a.membership.organizationId);
}

export interface AgreementSnapshotView {
  title: string;
  scheme: PartnershipScheme;
  valueIdr: string;
  startDate: string;
  endDate: string;
  terms: string;
  milestones: { position: number; title: string; quantity: number | null; unit: string | null; dueDate: string; amountIdr: string | null; paymentTermDays: number | null }[];
}

/** Version N of an agreement as it was written (and who accepted that version). */
export async function getAgreementVersion(actor: Actor | null, id: string, version: number) {
  const { where } = authorizeReader(actor);
  const row = await db.agreementVersion.findFirst({
    where: { agreementId: id, version, agreement: where },
    select: {
      version: true,
      snapshot: true,
      changeNote: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      agreement: { select: { number: true, version: true, acceptances: { where: { version }, select: { acceptedAt: true, organization: { select: { name: true } }, user: { select: { name: true } } } } } },
    },
  });
  if (!row) throw notFound();
  return {
    version: row.version,
    currentVersion: row.agreement.version,
    number: row.agreement.number,
    changeNote: row.changeNote,
    createdAt: row.createdAt,
    createdBy: row.createdBy?.name ?? null,
    snapshot: row.snapshot as unknown as AgreementSnapshotView,
    acceptances: row.agreement.acceptances.map((x) => ({ organizationName: x.organization.name, userName: x.user?.name ?? null, acceptedAt: x.acceptedAt })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Writing: helpers
// ---------------------------------------------------------------------------------------------------------

const orgId = (a: AuthorizedActor) => a.membership.organizationId;

/** Why a guarded update matched nothing: gone / not yours (404), someone changed it (409), or its state. */
async function explainMiss(tx: Tx, a: AuthorizedActor, id: string, expectedVersion: number | undefined, stateKey = "agreements.errors.state"): Promise<never> {
  const row = await tx.agreement.findFirst({ where: { id, ...partyWhere(orgId(a)) }, select: { version: true } });
  if (!row) throw notFound();
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw staleVersion();
  throw conflict(stateKey);
}

export const staleVersion = () => new DomainError("conflict", "agreements.errors.stale", { version: ["agreements.errors.staleField"] });

/**
 * Locks the agreement row for the rest of the transaction (a no-op update): concurrent writers queue up,
 * and the guard (party, version, allowed statuses) is checked atomically with the lock.
 */
async function lockAgreement(tx: Tx, a: AuthorizedActor, id: string, opts: { version?: number; statuses: AgreementStatusValue[]; stateKey?: string }) {
  const { count } = await tx.agreement.updateMany({
    where: { id, ...partyWhere(orgId(a)), status: { in: opts.statuses }, ...(opts.version !== undefined ? { version: opts.version } : {}) },
    data: { updatedAt: new Date() },
  });
  if (count === 0) await explainMiss(tx, a, id, opts.version, opts.stateKey);
  return tx.agreement.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      version: true,
      valueIdr: true,
      startDate: true,
      endDate: true,
      activatedAt: true,
      buyerId: true,
      supplierId: true,
      parties: { select: { organizationId: true, role: true, organization: { select: { name: true } } } },
    },
  });
}
export type LockedAgreement = Awaited<ReturnType<typeof lockAgreement>>;
export { lockAgreement };

const others = (ag: LockedAgreement, a: AuthorizedActor) => ag.parties.map((p) => p.organizationId).filter((x) => x !== orgId(a));
export const agreementLink = (id: string) => `/kemitraan/${id}`;

/** Notifies the other parties of the agreement. */
export async function notifyParties(tx: Tx, ag: LockedAgreement, a: AuthorizedActor, type: Parameters<typeof notify>[1]["type"], params: Record<string, string | number> = {}) {
  await notify(tx, {
    type,
    organizationIds: others(ag, a),
    params: { number: ag.number, title: ag.title, partyName: a.membership.organizationName, ...params },
    link: agreementLink(ag.id),
    excludeUserId: a.user.id,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------------------------------------

const toDraftMilestones = (ms: MilestoneInput[]) =>
  ms.map((m) => ({ title: m.title, quantity: m.quantity ?? null, unit: m.unit ?? null, dueDate: m.dueDate, amountIdr: m.amountIdr ?? null, paymentTermDays: m.paymentTermDays ?? null }));

/**
 * The consortia an agreement between this buyer and these leads may name: formed for one of the buyer's own
 * RFQs (invited from its matches) and led by the supplier. Anything else (another buyer's consortium, one
 * led by someone else, one with no RFQ) is neither offered nor accepted.
 */
const consortiumOf = (buyerId: string, leadIds: string[]) => ({ leadId: { in: leadIds }, rfq: { is: { buyerId } } }) satisfies Prisma.ConsortiumWhereInput;

/**
 * A draft agreement directly between a buyer organization and an UMKM or cooperative (or a consortium: its
 * lead is the supplier and every member a party). The actor must be the buyer or the supplier; the other
 * must exist with the right type.
 */
export async function createAgreement(actor: Actor | null, input: AgreementCreateInput): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  const me = orgId(a);
  const myType = a.membership.organizationType;
  if (myType === "buyer" && input.buyerOrgId !== me) throw invalidInput({ buyerOrgId: ["agreements.errors.notYourOrganization"] });
  if (myType !== "buyer" && input.supplierOrgId !== me) throw invalidInput({ supplierOrgId: ["agreements.errors.notYourOrganization"] });
  const [buyer, supplier] = await Promise.all([
    db.organization.findFirst({ where: { id: input.buyerOrgId, type: "buyer" }, select: { id: true, name: true } }),
    db.organization.findFirst({ where: { id: input.supplierOrgId, type: { in: ["umkm", "cooperative"] } }, select: { id: true, name: true } }),
  ]);
  if (!buyer) throw invalidInput({ buyerOrgId: ["agreements.errors.buyerUnknown"] });
  if (!supplier) throw invalidInput({ supplierOrgId: ["agreements.errors.supplierUnknown"] });
  let consortiumMembers: { supplierId: string; shareQuantity: number | null; sharePercent: string | null }[] = [];
  if (input.consortiumId) {
    const c = await db.consortium.findFirst({
      where: { id: input.consortiumId, ...consortiumOf(buyer.id, [supplier.id]) },
      select: { members: { select: { supplierId: true, shareQuantity: true, sharePercent: true } } },
    });
    if (!c) throw invalidInput({ consortiumId: ["agreements.errors.consortiumUnknown"] });
    consortiumMembers = c.members.map((m) => ({ supplierId: m.supplierId, shareQuantity: m.shareQuantity, sharePercent: m.sharePercent?.toString() ?? null }));
  }

  const id = await db.$transaction(async (tx) => {
    const created = await createDraftAgreement(tx, {
      title: input.title,
      scheme: input.scheme,
      buyerId: buyer.id,
      supplierId: supplier.id,
      consortiumId: input.consortiumId ?? null,
      consortiumMembers,
      valueIdr: input.valueIdr,
      startDate: input.startDate,
      endDate: input.endDate,
      terms: input.terms ?? "",
      milestones: toDraftMilestones(input.milestones ?? []),
      createdById: a.user.id,
      changeNote: input.changeNote,
    });
    await audit(tx, { organizationId: me, actorId: a.user.id, action: "agreement.created", entityType: "Agreement", entityId: created.id, data: { number: created.number, scheme: input.scheme } });
    return created.id;
  });
  return getAgreement(a, id);
}

// ---------------------------------------------------------------------------------------------------------
// Amend
// ---------------------------------------------------------------------------------------------------------

/**
 * Changes what the agreement says: version N+1 (snapshot kept), acceptances start over for the new
 * version; an active agreement stays in force (status `active`) with the amendment pending until every party
 * accepts it, and cannot be completed meanwhile. `version` must be
 * the current one (else 409). Milestones, when sent, replace the list position by position: rows that
 * already have deliveries or payments keep their id (and their records).
 */
export async function amendAgreement(actor: Actor | null, id: string, input: AgreementAmendInput): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["draft", "proposed", "active"] });
    const current = await tx.agreement.findUniqueOrThrow({
      where: { id },
      select: { title: true, scheme: true, valueIdr: true, startDate: true, endDate: true, terms: true, milestones: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true, quantity: true, unit: true, dueDate: true, amountIdr: true, paymentTermDays: true, _count: { select: { deliveries: true, payments: true } } } } },
    });
    const next = {
      title: input.title ?? current.title,
      scheme: input.scheme ?? current.scheme,
      valueIdr: input.valueIdr ?? current.valueIdr,
      startDate: input.startDate ?? current.startDate,
      endDate: input.endDate ?? current.endDate,
      terms: input.terms ?? current.terms,
      milestones: input.milestones ? toDraftMilestones(input.milestones) : current.milestones,
    };
    // The merged content must hold together too (e.g. a new end date before the old start date).
    const check = z.object({}).passthrough().superRefine((_, ctx) => checkContent({ ...next, milestones: next.milestones as MilestoneInput[] }, ctx)).safeParse({});
    if (!check.success) {
      const fields: Record<string, string[]> = {};
      for (const i of check.error.issues) (fields[i.path.join(".") || "_"] ??= []).push(i.message);
      throw invalidInput(fields);
    }
    if (input.milestones) {
      const kept = current.milestones;
      const removed = kept.slice(input.milestones.length);
      if (removed.some((m) => m._count.deliveries + m._count.payments > 0)) throw invalidInput({ milestones: ["agreements.errors.milestoneHasRecords"] });
      for (const [i, m] of next.milestones.entries()) {
        const data = { position: i + 1, title: m.title, quantity: m.quantity ?? null, unit: m.unit ?? null, dueDate: m.dueDate, amountIdr: m.amountIdr ?? null, paymentTermDays: m.paymentTermDays ?? null };
        if (kept[i]) await tx.milestone.update({ where: { id: kept[i].id }, data });
        else await tx.milestone.create({ data: { ...data, agreementId: id } });
      }
      if (removed.length) await tx.milestone.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
    }
    const version = ag.version + 1;
    await tx.agreement.update({
      where: { id },
      data: {
        title: next.title,
        scheme: next.scheme,
        valueIdr: next.valueIdr,
        startDate: next.startDate,
        endDate: next.endDate,
        terms: next.terms,
        version,
        versions: { create: { version, snapshot: agreementSnapshot(next), changeNote: input.changeNote ?? null, createdById: a.user.id } },
      },
    });
    await audit(tx, { organizationId: orgId(a), actorId: a.user.id, action: "agreement.amended", entityType: "Agreement", entityId: id, data: { version, fields: Object.keys(input).filter((k) => k !== "version") } });
    await notifyParties(tx, ag, a, "agreement.amended", { version });
  });
  return getAgreement(a, id);
}

// ---------------------------------------------------------------------------------------------------------
// Accept, complete, terminate
// ---------------------------------------------------------------------------------------------------------

/**
 * The actor's organization accepts the current version (once). The first acceptance of a draft proposes
 * it to the other parties; when every party has accepted the current version the agreement is active.
 */
export async function acceptAgreement(actor: Actor | null, id: string, input: { version?: number } = {}): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["draft", "proposed", "active"] });
    const mine = await tx.agreementAcceptance.findUnique({
      where: { agreementId_version_organizationId: { agreementId: id, version: ag.version, organizationId: orgId(a) } },
      select: { id: true },
    });
    if (mine) throw conflict("agreements.errors.alreadyAccepted");
    await tx.agreementAcceptance.create({ data: { agreementId: id, version: ag.version, organizationId: orgId(a), userId: a.user.id } });
    const accepted = await tx.agreementAcceptance.findMany({ where: { agreementId: id, version: ag.version }, select: { organizationId: true } });
    const all = ag.parties.every((p) => accepted.some((x) => x.organizationId === p.organizationId));
    const now = new Date();
    if (all && ag.status !== "active") {
      await tx.agreement.update({ where: { id }, data: { status: "active", activatedAt: ag.activatedAt ?? now, proposedAt: ag.status === "draft" ? now : undefined } });
    } else if (ag.status === "draft") {
      await tx.agreement.update({ where: { id }, data: { status: "proposed", proposedAt: now } });
    }
    await audit(tx, { organizationId: orgId(a), actorId: a.user.id, action: "agreement.accepted", entityType: "Agreement", entityId: id, data: { version: ag.version, activated: all } });
    if (all && ag.status === "active") {
      // an amendment of an agreement in force: everyone has now accepted the new version
      await notifyParties(tx, ag, a, "agreement.accepted");
    } else if (all) {
      await notify(tx, { type: "agreement.activated", organizationIds: ag.parties.map((p) => p.organizationId), params: { number: ag.number, title: ag.title }, link: agreementLink(id), excludeUserId: a.user.id });
    } else {
      await notifyParties(tx, ag, a, ag.status === "draft" ? "agreement.proposed" : "agreement.accepted");
    }
  });
  return getAgreement(a, id);
}

/** An active agreement is done: every party can then rate the other side. */
export async function completeAgreement(actor: Actor | null, id: string, input: { version?: number } = {}): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["active"] });
    const accepted = await tx.agreementAcceptance.count({ where: { agreementId: id, version: ag.version } });
    if (accepted < ag.parties.length) throw conflict("agreements.errors.amendmentPending");
    await tx.agreement.update({ where: { id }, data: { status: "completed", completedAt: new Date() } });
    await audit(tx, { organizationId: orgId(a), actorId: a.user.id, action: "agreement.completed", entityType: "Agreement", entityId: id });
    await notify(tx, { type: "agreement.completed", organizationIds: ag.parties.map((p) => p.organizationId), params: { number: ag.number, title: ag.title }, link: agreementLink(id), excludeUserId: a.user.id });
  });
  return getAgreement(a, id);
}

/** Ends a draft, proposed or active agreement early, with the reason on record. */
export async function terminateAgreement(actor: Actor | null, id: string, input: { version?: number; reason: string }): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["draft", "proposed", "active"] });
    await tx.agreement.update({ where: { id }, data: { status: "terminated", terminatedAt: new Date(), terminationReason: input.reason } });
    await audit(tx, { organizationId: orgId(a), actorId: a.user.id, action: "agreement.terminated", entityType: "Agreement", entityId: id, data: { reason: input.reason } });
    await notifyParties(tx, ag, a, "agreement.terminated", { reason: input.reason });
  });
  return getAgreement(a, id);
}

/** Money in notification texts (a notification's params are plain strings). */
export const rupiahParam = (v: bigint) => formatRupiah(v, "id");

export interface ConsortiumChoice {
  id: string;
  name: string;
  leadId: string;
  rfq: { id: string; title: string };
  members: { organizationId: string; name: string; shareQuantity: number | null; sharePercent: string | null }[];
}

/**
 * The consortia a buyer may make the agreement with, for each of the partners it is looking at: those its
 * own organization formed (invited for one of its RFQs) and the partner leads, newest first. Other buyers'
 * consortia never appear; UMKM and cooperatives get none (a consortium's agreement is the buyer's to start).
 */
export async function consortiumChoices(actor: Actor | null, leadIds: string[]): Promise<ConsortiumChoice[]> {
  const a = authorizeParty(actor, "agreement:write");
  const ids = [...new Set(leadIds)].slice(0, 50);
  if (a.membership.organizationType !== "buyer" || ids.length === 0) return [];
  const rows = await db.consortium.findMany({
    where: consortiumOf(orgId(a), ids),
    select: {
      id: true,
      name: true,
      leadId: true,
      rfq: { select: { id: true, title: true } },
      members: { select: { supplierId: true, shareQuantity: true, sharePercent: true, supplier: { select: { name: true } } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
  });
  return rows.flatMap((c) =>
    c.rfq
      ? [
          {
            id: c.id,
            name: c.name,
            leadId: c.leadId,
            rfq: c.rfq,
            // The lead first, then the larger shares.
            members: c.members
              .map((m) => ({ organizationId: m.supplierId, name: m.supplier.name, shareQuantity: m.shareQuantity, sharePercent: m.sharePercent?.toString() ?? null }))
              .sort((x, y) => Number(y.organizationId === c.leadId) - Number(x.organizationId === c.leadId) || (y.shareQuantity ?? 0) - (x.shareQuantity ?? 0) || x.name.localeCompare(y.name)),
          },
        ]
      : [],
  );
}

/**
 * Organizations the actor could make an agreement with: a buyer looks for UMKM and cooperatives, an UMKM
 * or cooperative for buyers. Verified ones first; names only (public facts).
 */
export async function searchCounterparties(actor: Actor | null, q: string | undefined, opts: { id?: string } = {}) {
  const a = authorizeParty(actor, "agreement:write");
  const types = a.membership.organizationType === "buyer" ? (["umkm", "cooperative"] as const) : (["buyer"] as const);
  const term = q?.trim().slice(0, 100);
  const rows = await db.organization.findMany({
    where: {
      type: { in: [...types] },
      id: { not: a.membership.organizationId },
      ...(term ? { name: { contains: term, mode: "insensitive" as const } } : {}),
    },
    select: { id: true, name: true, type: true, verificationStatus: true, regency: { select: { name: true } } },
    orderBy: { name: "asc" },
    take: 20,
  });
  rows.sort((x, y) => Number(y.verificationStatus === "verified") - Number(x.verificationStatus === "verified"));
  if (opts.id && !rows.some((r) => r.id === opts.id)) {
    const picked = await db.organization.findFirst({ where: { id: opts.id, type: { in: [...types] } }, select: { id: true, name: true, type: true, verificationStatus: true, regency: { select: { name: true } } } });
    if (picked) rows.unshift(picked);
  }
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, verified: r.verificationStatus === "verified", place: r.regency?.name ?? null }));
}
