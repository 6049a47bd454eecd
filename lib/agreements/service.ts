// Partnership agreements: list, read, create, amend, accept, complete, terminate (ADR 0009).
//
// Life cycle: draft → proposed (first acceptance) → active (every party accepted the current version) →
// completed (buyer and lead supplier both confirm) | terminated (with a reason). Any change to the content
// is an amendment: version N+1 with a snapshot; acceptances are per version, so an amendment needs every
// party's acceptance again. Issue 11: an amendment of an ACTIVE agreement changes nothing until every party
// has accepted it — the Agreement row and its milestones stay the last accepted version (what the payment
// and financing caps, the bank's view and the statistics triggers read); the amendment waits in its
// AgreementVersion snapshot (Agreement.pendingVersion) and is applied in the transaction of the last
// acceptance. Drafts and proposed agreements (nothing in force yet) are amended in place.
// Concurrency: each write names the version it read and locks the row with `where: {id, version}`;
// a stale version is a 409 conflict, never a silent overwrite.
//
// Used by the /kemitraan pages' server actions (lib/agreements/actions.ts) and /api/v1/agreements.
import "server-only";
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import type { PartnershipScheme } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/types";
import { requireVerified, type AuthorizedActor } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import { decodeCursor, paginate, type Page, cursorInstant } from "@/lib/api/pagination";
import { DomainError, conflict, forbidden, invalidInput, notFound } from "@/lib/errors";
import { formatRupiah } from "@/lib/i18n/format";
import { financedAgainst } from "@/lib/financing/service";
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
  pendingVersion: true,
  buyerConfirmedCompletionAt: true,
  supplierConfirmedCompletionAt: true,
  completionReason: true,
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
  /**
   * An amendment of the agreement in force that not every party has accepted yet (null: none). The fields
   * above stay those of the last accepted version until the last party accepts this one.
   */
  pendingVersion: PendingVersionView | null;
  /** Two-sided completion (issue 11): who confirmed, the reason given, and what is still open. */
  completion: CompletionView;
}

export interface PendingVersionView {
  version: number;
  title: string;
  scheme: PartnershipScheme;
  valueIdr: bigint;
  startDate: string;
  endDate: string;
  terms: string;
  milestones: { position: number; title: string; quantity: number | null; unit: string | null; dueDate: string; amountIdr: bigint | null; paymentTermDays: number | null }[];
  changeNote: string | null;
  createdAt: Date;
  createdBy: string | null;
  acceptances: { organizationId: string; organizationName: string; userName: string | null; acceptedAt: Date }[];
  pendingAcceptance: string[];
}

export interface OpenItem {
  /** 0: the agreement as a whole (it has no milestones). */
  position: number;
  title: string;
  undelivered: boolean;
  unpaid: boolean;
}

export interface CompletionView {
  buyerConfirmedAt: Date | null;
  supplierConfirmedAt: Date | null;
  reason: string | null;
  /** Milestones not delivered (accepted by the buyer) or not paid in full. */
  open: OpenItem[];
}

/**
 * What is still open: a milestone is undelivered until deliveries the buyer accepted reach its quantity (or,
 * without a quantity, until one is accepted), unpaid until its payments reach its amount. An agreement
 * without milestones is one item: delivered once a delivery is accepted, paid once payments reach its value.
 */
export function openItems(ag: {
  title: string;
  valueIdr: bigint;
  milestones: { id: string; position: number; title: string; quantity: number | null; amountIdr: bigint | null }[];
  deliveries: { milestoneId: string | null; quantity: number; status: string }[];
  payments: { milestoneId: string | null; amountIdr: bigint }[];
}): OpenItem[] {
  const accepted = ag.deliveries.filter((d) => d.status === "accepted");
  if (ag.milestones.length === 0) {
    const paid = ag.payments.reduce((s, p) => s + p.amountIdr, 0n);
    const item = { position: 0, title: ag.title, undelivered: accepted.length === 0, unpaid: paid < ag.valueIdr };
    return item.undelivered || item.unpaid ? [item] : [];
  }
  return ag.milestones.flatMap((m) => {
    const mine = accepted.filter((d) => d.milestoneId === m.id);
    const qty = mine.reduce((s, d) => s + d.quantity, 0);
    const paid = ag.payments.filter((p) => p.milestoneId === m.id).reduce((s, p) => s + p.amountIdr, 0n);
    const undelivered = m.quantity == null ? mine.length === 0 : qty < m.quantity;
    const unpaid = m.amountIdr != null && paid < m.amountIdr;
    return undelivered || unpaid ? [{ position: m.position, title: m.title, undelivered, unpaid }] : [];
  });
}

type PendingRow = { version: number; snapshot: unknown; changeNote: string | null; createdAt: Date; createdBy: { name: string } | null } | null;

function toView(r: DetailRow, viewerOrgId: string | null, pending: PendingRow = null): AgreementView {
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
    pendingVersion: pending && r.pendingVersion === pending.version ? toPendingView(pending, r, partyIds) : null,
    completion: {
      buyerConfirmedAt: r.buyerConfirmedCompletionAt,
      supplierConfirmedAt: r.supplierConfirmedCompletionAt,
      reason: r.completionReason,
      open: r.status === "active" || r.status === "completed" ? openItems(r) : [],
    },
  };
}

function toPendingView(p: NonNullable<PendingRow>, r: DetailRow, partyIds: string[]): PendingVersionView {
  const s = p.snapshot as unknown as AgreementSnapshotView;
  const acc = r.acceptances.filter((a) => a.version === p.version);
  return {
    version: p.version,
    title: s.title,
    scheme: s.scheme,
    valueIdr: BigInt(s.valueIdr),
    startDate: s.startDate,
    endDate: s.endDate,
    terms: s.terms,
    milestones: s.milestones.map((m) => ({ ...m, amountIdr: m.amountIdr == null ? null : BigInt(m.amountIdr) })),
    changeNote: p.changeNote,
    createdAt: p.createdAt,
    createdBy: p.createdBy?.name ?? null,
    acceptances: acc.map((a) => ({ organizationId: a.organizationId, organizationName: a.organization.name, userName: a.user?.name ?? null, acceptedAt: a.acceptedAt })),
    pendingAcceptance: partyIds.filter((id) => !acc.some((a) => a.organizationId === id)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

const listCursor = z.tuple([cursorInstant, z.string().min(1)]);

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
  const pending = row.pendingVersion
    ? await db.agreementVersion.findUnique({
        where: { agreementId_version: { agreementId: id, version: row.pendingVersion } },
        select: { version: true, snapshot: true, changeNote: true, createdAt: true, createdBy: { select: { name: true } } },
      })
    : null;
  return toView(row, ministry ? null : a.membership.organizationId, pending);
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
      agreement: {
        select: {
          number: true,
          version: true,
          pendingVersion: true,
          _count: { select: { parties: true } },
          acceptances: { where: { version }, select: { acceptedAt: true, organizationId: true, organization: { select: { name: true } }, user: { select: { name: true } } } },
        },
      },
    },
  });
  if (!row) throw notFound();
  // The version in force: the latest one every party accepted (issue 11: while an amendment is pending the
  // current version number is the amendment's, not the one in force).
  const byVersion = await db.agreementAcceptance.groupBy({ by: ["version"], where: { agreementId: id }, _count: { _all: true } });
  const fully = byVersion.filter((g) => g._count._all >= row.agreement._count.parties).map((g) => g.version);
  return {
    version: row.version,
    currentVersion: row.agreement.version,
    inForceVersion: fully.length ? Math.max(...fully) : null,
    pendingVersion: row.agreement.pendingVersion,
    number: row.agreement.number,
    changeNote: row.changeNote,
    createdAt: row.createdAt,
    createdBy: row.createdBy?.name ?? null,
    snapshot: row.snapshot as unknown as AgreementSnapshotView,
    acceptances: row.agreement.acceptances.map((x) => ({ organizationId: x.organizationId, organizationName: x.organization.name, userName: x.user?.name ?? null, acceptedAt: x.acceptedAt })),
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
      pendingVersion: true,
      buyerConfirmedCompletionAt: true,
      supplierConfirmedCompletionAt: true,
      completionReason: true,
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

type Content = {
  title: string;
  scheme: PartnershipScheme;
  valueIdr: bigint;
  startDate: Date;
  endDate: Date;
  terms: string;
  milestones: { title: string; quantity: number | null; unit: string | null; dueDate: Date; amountIdr: bigint | null; paymentTermDays: number | null }[];
};

const fromSnapshot = (s: AgreementSnapshotView): Content => ({
  title: s.title,
  scheme: s.scheme,
  valueIdr: BigInt(s.valueIdr),
  startDate: new Date(`${s.startDate}T00:00:00.000Z`),
  endDate: new Date(`${s.endDate}T00:00:00.000Z`),
  terms: s.terms,
  milestones: s.milestones.map((m) => ({
    title: m.title,
    quantity: m.quantity,
    unit: m.unit,
    dueDate: new Date(`${m.dueDate}T00:00:00.000Z`),
    amountIdr: m.amountIdr == null ? null : BigInt(m.amountIdr),
    paymentTermDays: m.paymentTermDays,
  })),
});

/**
 * The content that would be in force, checked against what has already happened: milestones that would
 * disappear must have no deliveries or payments, the value may not fall below what has been paid or what
 * banks were asked for or granted, and the start may not move past a recorded delivery.
 * `onFail` builds the error (a 400 on the field when proposing, a 409 when applying).
 */
async function checkAgainstRecords(tx: Tx, id: string, next: Content, onFail: (field: string, key: string) => Error) {
  const kept = await tx.milestone.findMany({ where: { agreementId: id }, orderBy: { position: "asc" }, select: { id: true, _count: { select: { deliveries: true, payments: true } } } });
  if (kept.slice(next.milestones.length).some((m) => m._count.deliveries + m._count.payments > 0)) throw onFail("milestones", "agreements.errors.milestoneHasRecords");
  const paid = await tx.payment.aggregate({ where: { agreementId: id }, _sum: { amountIdr: true } });
  if ((paid._sum.amountIdr ?? 0n) > next.valueIdr) throw onFail("valueIdr", "agreements.errors.valueBelowPaid");
  // Issue 11: what banks were asked for or granted against this agreement stays covered by its value.
  if ((await financedAgainst(tx, id)) > next.valueIdr) throw onFail("valueIdr", "agreements.errors.valueBelowFinanced");
  // Issue 11: no delivery dated before the agreement starts, also not by moving the start later.
  const first = await tx.delivery.findFirst({ where: { agreementId: id }, orderBy: { deliveredOn: "asc" }, select: { deliveredOn: true } });
  if (first && first.deliveredOn < next.startDate) throw onFail("startDate", "agreements.errors.startAfterDeliveries");
  return kept;
}

/** Writes `next` into the Agreement row and its milestones (position by position; rows with records keep their id). */
async function writeContent(tx: Tx, id: string, next: Content, kept: { id: string }[], extra: Prisma.AgreementUpdateInput = {}) {
  for (const [i, m] of next.milestones.entries()) {
    const data = { position: i + 1, title: m.title, quantity: m.quantity ?? null, unit: m.unit ?? null, dueDate: m.dueDate, amountIdr: m.amountIdr ?? null, paymentTermDays: m.paymentTermDays ?? null };
    if (kept[i]) await tx.milestone.update({ where: { id: kept[i].id }, data });
    else await tx.milestone.create({ data: { ...data, agreementId: id } });
  }
  const removed = kept.slice(next.milestones.length);
  if (removed.length) await tx.milestone.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
  await tx.agreement.update({
    where: { id },
    data: { title: next.title, scheme: next.scheme, valueIdr: next.valueIdr, startDate: next.startDate, endDate: next.endDate, terms: next.terms, ...extra },
  });
}

/**
 * A party's completion confirmations no longer describe the agreement (it was amended, a delivery or a
 * payment was recorded or reviewed): they are cleared, on the record, and the parties are told.
 */
export async function resetCompletion(tx: Tx, ag: LockedAgreement, a: AuthorizedActor, why: "amended" | "delivery" | "payment") {
  if (!ag.buyerConfirmedCompletionAt && !ag.supplierConfirmedCompletionAt) return;
  await tx.agreement.update({ where: { id: ag.id }, data: { buyerConfirmedCompletionAt: null, supplierConfirmedCompletionAt: null, completionReason: null } });
  await audit(tx, { organizationId: orgId(a), actorId: a.user.id, action: "agreement.completion_reset", entityType: "Agreement", entityId: ag.id, data: { why } });
  await notify(tx, { type: "agreement.completion_withdrawn", organizationIds: ag.parties.map((p) => p.organizationId), params: { number: ag.number, title: ag.title, partyName: a.membership.organizationName, why }, link: agreementLink(ag.id) });
}

/** The party's role on the locked agreement; consortium members act only on their own share. */
const roleOf = (ag: LockedAgreement, a: AuthorizedActor) => ag.parties.find((p) => p.organizationId === orgId(a))?.role ?? null;
const notForMembers = (ag: LockedAgreement, a: AuthorizedActor) => {
  if (roleOf(ag, a) === "consortium_member") throw forbidden("agreements.errors.leadOnly");
};

/**
 * Changes what the agreement says: version N+1 (snapshot kept), acceptances start over for the new
 * version. `version` must be the current one (else 409). A draft (or proposed) agreement is rewritten in
 * place: nothing is in force yet. An active agreement stays in force exactly as last accepted: the
 * amendment waits (pendingVersion) until every party accepts it, then applies. Milestones, when sent,
 * replace the list position by position: rows that already have deliveries or payments keep their id.
 * Proposing (anything but editing a draft) takes an owner or admin; consortium members never amend the
 * lead's agreement.
 */
export async function amendAgreement(actor: Actor | null, id: string, input: AgreementAmendInput): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:write");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["draft", "proposed", "active"] });
    notForMembers(ag, a);
    if (ag.status !== "draft" && !can(a.membership, "agreement:accept")) throw forbidden("agreements.errors.amendNeedsAdmin");
    // Issue 11: an unverified buyer prepares drafts only; changing terms already put to the other side is proposing.
    if (ag.status !== "draft" && a.membership.organizationType === "buyer") requireVerified(a);
    // An amendment of an amendment builds on the version still pending; anything else on the row.
    const base: Content = ag.pendingVersion
      ? fromSnapshot((await tx.agreementVersion.findUniqueOrThrow({ where: { agreementId_version: { agreementId: id, version: ag.pendingVersion } }, select: { snapshot: true } })).snapshot as unknown as AgreementSnapshotView)
      : await tx.agreement.findUniqueOrThrow({
          where: { id },
          select: { title: true, scheme: true, valueIdr: true, startDate: true, endDate: true, terms: true, milestones: { orderBy: { position: "asc" }, select: { title: true, quantity: true, unit: true, dueDate: true, amountIdr: true, paymentTermDays: true } } },
        });
    const next: Content = {
      title: input.title ?? base.title,
      scheme: input.scheme ?? base.scheme,
      valueIdr: input.valueIdr ?? base.valueIdr,
      startDate: input.startDate ?? base.startDate,
      endDate: input.endDate ?? base.endDate,
      terms: input.terms ?? base.terms,
      milestones: input.milestones ? toDraftMilestones(input.milestones) : base.milestones,
    };
    // The merged content must hold together too (e.g. a new end date before the old start date).
    const check = z.object({}).passthrough().superRefine((_, ctx) => checkContent({ ...next, milestones: next.milestones as MilestoneInput[] }, ctx)).safeParse({});
    if (!check.success) {
      const fields: Record<string, string[]> = {};
      for (const i of check.error.issues) (fields[i.path.join(".") || "_"] ??= []).push(i.message);
      throw invalidInput(fields);
    }
    const kept = await checkAgainstRecords(tx, id, next, (field, key) => invalidInput({ [field]: [key] }));
    const version = ag.version + 1;
    const newVersion = { versions: { create: { version, snapshot: agreementSnapshot(next), changeNote: input.changeNote ?? null, createdById: a.user.id } } };
    if (ag.status === "active") {
      await tx.agreement.update({ where: { id }, data: { version, pendingVersion: version, ...newVersion } });
      await resetCompletion(tx, ag, a, "amended");
    } else {
      await writeContent(tx, id, next, kept, { version, ...newVersion });
    }
    await audit(tx, { organizationId: orgId(a), actorId: a.user.id, action: "agreement.amended", entityType: "Agreement", entityId: id, data: { version, pending: ag.status === "active", fields: Object.keys(input).filter((k) => k !== "version") } });
    await notifyParties(tx, ag, a, "agreement.amended", { version });
  });
  return getAgreement(a, id);
}

// ---------------------------------------------------------------------------------------------------------
// Accept, complete, terminate
// ---------------------------------------------------------------------------------------------------------

/**
 * The actor's organization accepts the current version (once). The first acceptance of a draft proposes
 * it to the other parties; when every party has accepted the current version the agreement is active, or,
 * for a pending amendment of an active agreement, the amendment is applied (same transaction).
 * A buyer organization must be verified to accept (issue 11: an unverified buyer prepares drafts only).
 */
export async function acceptAgreement(actor: Actor | null, id: string, input: { version?: number } = {}): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  if (a.membership.organizationType === "buyer") requireVerified(a);
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
    if (all && ag.status === "active" && ag.pendingVersion === ag.version) {
      // The last acceptance of an amendment in force: it becomes what the agreement says.
      const v = await tx.agreementVersion.findUniqueOrThrow({ where: { agreementId_version: { agreementId: id, version: ag.version } }, select: { snapshot: true } });
      const next = fromSnapshot(v.snapshot as unknown as AgreementSnapshotView);
      const kept = await checkAgainstRecords(tx, id, next, (_field, key) => conflict(key));
      await writeContent(tx, id, next, kept, { pendingVersion: null });
      await resetCompletion(tx, ag, a, "amended");
    } else if (all && ag.status !== "active") {
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

/** The two sides that complete an agreement: its buyer and its (lead) supplier. */
function completionSide(ag: LockedAgreement, a: AuthorizedActor): "buyer" | "supplier" {
  if (ag.buyerId === orgId(a)) return "buyer";
  if (ag.supplierId === orgId(a)) return "supplier";
  throw forbidden("agreements.errors.leadOnly");
}

async function openItemsOf(tx: Tx, id: string) {
  const r = await tx.agreement.findUniqueOrThrow({
    where: { id },
    select: {
      title: true,
      valueIdr: true,
      milestones: { select: { id: true, position: true, title: true, quantity: true, amountIdr: true }, orderBy: { position: "asc" } },
      deliveries: { select: { milestoneId: true, quantity: true, status: true } },
      payments: { select: { milestoneId: true, amountIdr: true } },
    },
  });
  return openItems(r);
}

/**
 * Completion takes both sides (issue 11): the buyer and the lead supplier each confirm, after seeing what is
 * still undelivered or unpaid. With anything open, a confirmation needs a reason (unless the other side
 * already gave one; a second reason is added to it). The first confirmation is recorded and the agreement
 * stays active; the second completes it. completionReason stays set exactly when it completed with
 * something open. Not while an amendment is pending.
 */
export async function completeAgreement(actor: Actor | null, id: string, input: { version?: number; reason?: string } = {}): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["active"] });
    const side = completionSide(ag, a);
    if (ag.pendingVersion !== null) throw conflict("agreements.errors.amendmentPending");
    const accepted = await tx.agreementAcceptance.count({ where: { agreementId: id, version: ag.version } });
    if (accepted < ag.parties.length) throw conflict("agreements.errors.amendmentPending");
    const mineAt = side === "buyer" ? ag.buyerConfirmedCompletionAt : ag.supplierConfirmedCompletionAt;
    const otherAt = side === "buyer" ? ag.supplierConfirmedCompletionAt : ag.buyerConfirmedCompletionAt;
    if (mineAt) throw conflict("agreements.errors.alreadyConfirmed");
    const open = await openItemsOf(tx, id);
    const reason = input.reason?.trim() || null;
    if (open.length > 0 && !reason && !ag.completionReason) throw invalidInput({ reason: ["agreements.errors.completionReasonRequired"] });
    const completionReason = open.length === 0 ? null : [ag.completionReason, reason].filter(Boolean).join("\n");
    const now = new Date();
    const stamp = side === "buyer" ? { buyerConfirmedCompletionAt: now } : { supplierConfirmedCompletionAt: now };
    if (otherAt) {
      await tx.agreement.update({ where: { id }, data: { ...stamp, completionReason, status: "completed", completedAt: now } });
      await audit(tx, { organizationId: orgId(a), actorId: a.user.id, action: "agreement.completed", entityType: "Agreement", entityId: id, data: { open: open.length, reason: completionReason } });
      await notify(tx, { type: "agreement.completed", organizationIds: ag.parties.map((p) => p.organizationId), params: { number: ag.number, title: ag.title }, link: agreementLink(id), excludeUserId: a.user.id });
    } else {
      await tx.agreement.update({ where: { id }, data: { ...stamp, completionReason } });
      await audit(tx, { organizationId: orgId(a), actorId: a.user.id, action: "agreement.completion_confirmed", entityType: "Agreement", entityId: id, data: { side, open: open.length, reason: completionReason } });
      await notifyParties(tx, ag, a, "agreement.completion_confirmed", { open: open.length });
    }
  });
  return getAgreement(a, id);
}

/** The side that confirmed completion takes it back (before the other side confirms). */
export async function withdrawCompletion(actor: Actor | null, id: string, input: { version?: number } = {}): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["active"] });
    const side = completionSide(ag, a);
    const mineAt = side === "buyer" ? ag.buyerConfirmedCompletionAt : ag.supplierConfirmedCompletionAt;
    if (!mineAt) throw conflict("agreements.errors.notConfirmed");
    await tx.agreement.update({ where: { id }, data: { buyerConfirmedCompletionAt: null, supplierConfirmedCompletionAt: null, completionReason: null } });
    await audit(tx, { organizationId: orgId(a), actorId: a.user.id, action: "agreement.completion_withdrawn", entityType: "Agreement", entityId: id, data: { side } });
    await notifyParties(tx, ag, a, "agreement.completion_withdrawn", { why: "withdrawn" });
  });
  return getAgreement(a, id);
}

/** Ends a draft, proposed or active agreement early, with the reason on record (buyer or lead supplier). */
export async function terminateAgreement(actor: Actor | null, id: string, input: { version?: number; reason: string }): Promise<AgreementView> {
  const a = authorizeParty(actor, "agreement:accept");
  await db.$transaction(async (tx) => {
    const ag = await lockAgreement(tx, a, id, { version: input.version, statuses: ["draft", "proposed", "active"] });
    notForMembers(ag, a);
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
