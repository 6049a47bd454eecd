// What a reader sees of a partnership agreement (docs/decisions/0011-agreement-life-cycle.md): the list row
// (AgreementSummary), everything about one agreement (AgreementView: parties, acceptances per version, the
// amendment waiting for acceptance, milestones, deliveries, payments, ratings, two-sided completion) and the
// Prisma selects they are read with. Pure shaping: lib/agreements/queries.ts reads, this turns rows into views.
import "server-only";
import type { Prisma } from "@/lib/db";
import type { AgreementPartyRole, AgreementStatus, PartnershipScheme } from "@/lib/enums";

const day = (d: Date) => d.toISOString().slice(0, 10);

const orgRef = { select: { id: true, name: true, type: true } } as const;

export const summarySelect = {
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

export const detailSelect = {
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
  ownershipDeclaredAt: true,
  parties: {
    select: { organizationId: true, role: true, shareQuantity: true, sharePercent: true, organization: orgRef },
    orderBy: { role: "asc" },
  },
  acceptances: {
    select: {
      version: true,
      organizationId: true,
      acceptedAt: true,
      user: { select: { name: true } },
      organization: { select: { name: true } },
    },
    orderBy: [{ version: "desc" }, { acceptedAt: "asc" }],
  },
  versions: {
    select: { version: true, changeNote: true, createdAt: true, createdBy: { select: { name: true } } },
    orderBy: { version: "desc" },
  },
  milestones: {
    select: {
      id: true,
      position: true,
      title: true,
      quantity: true,
      unit: true,
      dueDate: true,
      amountIdr: true,
      paymentTermDays: true,
      status: true,
    },
    orderBy: { position: "asc" },
  },
  deliveries: {
    select: { id: true, milestoneId: true, quantity: true, deliveredOn: true, onTime: true, status: true, note: true, createdAt: true },
    orderBy: [{ deliveredOn: "desc" }, { createdAt: "desc" }],
  },
  payments: {
    select: {
      id: true,
      milestoneId: true,
      amountIdr: true,
      invoicedOn: true,
      paidOn: true,
      daysToPay: true,
      note: true,
      createdAt: true,
      receivedOn: true,
      receiptConfirmedAt: true,
    },
    orderBy: [{ paidOn: "desc" }, { createdAt: "desc" }],
  },
  ratings: {
    select: {
      raterId: true,
      rateeId: true,
      score: true,
      comment: true,
      createdAt: true,
      rater: { select: { name: true } },
      ratee: { select: { name: true } },
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.AgreementSelect;

type SummaryRow = Prisma.AgreementGetPayload<{ select: typeof summarySelect }>;
type DetailRow = Prisma.AgreementGetPayload<{ select: typeof detailSelect }>;

export interface AgreementSummary {
  id: string;
  number: string;
  title: string;
  scheme: PartnershipScheme;
  status: AgreementStatus;
  valueIdr: bigint;
  startDate: string;
  endDate: string;
  version: number;
  buyer: { id: string; name: string };
  supplier: { id: string; name: string; type: string };
  createdAt: Date;
  updatedAt: Date;
}

export function toSummary(r: SummaryRow): AgreementSummary {
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
  parties: {
    organizationId: string;
    name: string;
    type: string;
    role: AgreementPartyRole;
    shareQuantity: number | null;
    sharePercent: string | null;
  }[];
  /** Acceptances of the current version (who, when) and which parties have yet to accept it. */
  acceptances: { version: number; organizationId: string; organizationName: string; userName: string | null; acceptedAt: Date }[];
  pendingAcceptance: string[];
  /** The latest version every party accepted (null before the first activation). */
  lastAcceptedVersion: number | null;
  versions: { version: number; changeNote: string | null; createdAt: Date; createdBy: string | null }[];
  milestones: {
    id: string;
    position: number;
    title: string;
    quantity: number | null;
    unit: string | null;
    dueDate: string;
    amountIdr: bigint | null;
    paymentTermDays: number | null;
    status: string;
  }[];
  deliveries: {
    id: string;
    milestoneId: string | null;
    quantity: number;
    deliveredOn: string;
    onTime: boolean;
    status: string;
    note: string | null;
    createdAt: Date;
  }[];
  payments: {
    id: string;
    milestoneId: string | null;
    amountIdr: bigint;
    invoicedOn: string | null;
    paidOn: string;
    daysToPay: number | null;
    note: string | null;
    createdAt: Date;
    /** issue 13: the date the lead supplier confirmed the payment reached it (null: not confirmed yet). */
    receivedOn: string | null;
    receiptConfirmedAt: Date | null;
  }[];
  ratings: {
    raterId: string;
    raterName: string;
    rateeId: string;
    rateeName: string;
    score: number;
    comment: string | null;
    createdAt: Date;
  }[];
  /** The asking organization's role (null for ministry staff). */
  yourRole: AgreementPartyRole | null;
  /**
   * An amendment of the agreement in force that not every party has accepted yet (null: none). The fields
   * above stay those of the last accepted version until the last party accepts this one.
   */
  pendingVersion: PendingVersionView | null;
  /** Two-sided completion (issue 11): who confirmed, the reason given, and what is still open. */
  completion: CompletionView;
  /** When the buyer declared it does not own or control the UMKM partner (PP 7/2021; issue 13). */
  ownershipDeclaredAt: Date | null;
}

interface PendingVersionView {
  version: number;
  title: string;
  scheme: PartnershipScheme;
  valueIdr: bigint;
  startDate: string;
  endDate: string;
  terms: string;
  milestones: {
    position: number;
    title: string;
    quantity: number | null;
    unit: string | null;
    dueDate: string;
    amountIdr: bigint | null;
    paymentTermDays: number | null;
  }[];
  changeNote: string | null;
  createdAt: Date;
  createdBy: string | null;
  acceptances: { organizationId: string; organizationName: string; userName: string | null; acceptedAt: Date }[];
  pendingAcceptance: string[];
}

interface OpenItem {
  /** 0: the agreement as a whole (it has no milestones). */
  position: number;
  title: string;
  undelivered: boolean;
  unpaid: boolean;
}

interface CompletionView {
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

type PendingRow = {
  version: number;
  snapshot: unknown;
  changeNote: string | null;
  createdAt: Date;
  createdBy: { name: string } | null;
} | null;

export function toView(r: DetailRow, viewerOrgId: string | null, pending: PendingRow = null): AgreementView {
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
    acceptances: current.map((a) => ({
      version: a.version,
      organizationId: a.organizationId,
      organizationName: a.organization.name,
      userName: a.user?.name ?? null,
      acceptedAt: a.acceptedAt,
    })),
    pendingAcceptance:
      r.status === "draft" || r.status === "proposed" || r.status === "active" ? partyIds.filter((id) => !accepted.has(id)) : [],
    lastAcceptedVersion: fully.length ? Math.max(...fully) : null,
    versions: r.versions.map((v) => ({
      version: v.version,
      changeNote: v.changeNote,
      createdAt: v.createdAt,
      createdBy: v.createdBy?.name ?? null,
    })),
    milestones: r.milestones.map((m) => ({ ...m, dueDate: day(m.dueDate) })),
    deliveries: r.deliveries.map((d) => ({ ...d, deliveredOn: day(d.deliveredOn) })),
    payments: r.payments.map((p) => ({
      ...p,
      invoicedOn: p.invoicedOn ? day(p.invoicedOn) : null,
      paidOn: day(p.paidOn),
      receivedOn: p.receivedOn ? day(p.receivedOn) : null,
    })),
    ratings: r.ratings.map((x) => ({
      raterId: x.raterId,
      raterName: x.rater.name,
      rateeId: x.rateeId,
      rateeName: x.ratee.name,
      score: x.score,
      comment: x.comment,
      createdAt: x.createdAt,
    })),
    yourRole: (viewerOrgId && r.parties.find((p) => p.organizationId === viewerOrgId)?.role) || null,
    pendingVersion: pending && r.pendingVersion === pending.version ? toPendingView(pending, r, partyIds) : null,
    completion: {
      buyerConfirmedAt: r.buyerConfirmedCompletionAt,
      supplierConfirmedAt: r.supplierConfirmedCompletionAt,
      reason: r.completionReason,
      open: r.status === "active" || r.status === "completed" ? openItems(r) : [],
    },
    ownershipDeclaredAt: r.ownershipDeclaredAt,
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
    acceptances: acc.map((a) => ({
      organizationId: a.organizationId,
      organizationName: a.organization.name,
      userName: a.user?.name ?? null,
      acceptedAt: a.acceptedAt,
    })),
    pendingAcceptance: partyIds.filter((id) => !acc.some((a) => a.organizationId === id)),
  };
}

export interface AgreementSnapshotView {
  title: string;
  scheme: PartnershipScheme;
  valueIdr: string;
  startDate: string;
  endDate: string;
  terms: string;
  milestones: {
    position: number;
    title: string;
    quantity: number | null;
    unit: string | null;
    dueDate: string;
    amountIdr: string | null;
    paymentTermDays: number | null;
  }[];
}
