// Fake partnerships (issue 13; docs/decisions/0025-fake-partnerships.md). PP 7/2021 forbids a large firm owning
// or controlling its UMKM partner. Rantai flags an agreement for ministry review when its buyer and a
// supplier-side party (the lead or any consortium member) share an NPWP root, an owner's e-mail or a member user
// (lib/agreements/flag-rules.ts) — checked when the agreement is proposed and again when it becomes active
// (lifecycle.ts calls flagAgreement in the same transaction). One flag per agreement; while open it is updated
// with what matches now; a decided flag (cleared or confirmed) stays decided.
// Ministry staff with partnership:review list flags and clear or confirm each with a note (audited). Confirm sets
// Agreement.excludedAt (the statistics triggers take it out of every figure, migration
// *_fake_partnership_exclusion); clear leaves or sets it back to null (a confirmation can be reversed).
// The parties are told nothing while a flag is open; both are notified of a confirmation (and of its reversal).
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import { conflict, notFound } from "@/lib/errors";
import type { AgreementFlagStatus } from "@/lib/enums";
import { matchParties, type FlagDetails, type FlagReason, type SideFacts } from "./flag-rules";
import { agreementRoutes } from "./routes";

type Tx = Prisma.TransactionClient;

const factsSelect = {
  id: true,
  name: true,
  npwp: true,
  email: true,
  supplierProfile: { select: { npwp: true } },
  memberships: { select: { role: true, user: { select: { id: true, name: true, email: true } } } },
} satisfies Prisma.OrganizationSelect;

function toFacts(o: Prisma.OrganizationGetPayload<{ select: typeof factsSelect }>): SideFacts {
  return {
    organizationId: o.id,
    name: o.name,
    npwps: [o.npwp, o.supplierProfile?.npwp].filter((n): n is string => Boolean(n)),
    ownerEmails: [o.email, ...o.memberships.filter((m) => m.role === "owner").map((m) => m.user.email)].filter((e): e is string =>
      Boolean(e),
    ),
    memberUsers: o.memberships.map((m) => m.user),
  };
}

/** What the parties of one agreement share (no write). */
async function detectFlag(tx: Tx, agreementId: string): Promise<{ reasons: FlagReason[]; details: FlagDetails }> {
  const parties = await tx.agreementParty.findMany({
    where: { agreementId },
    select: { role: true, organization: { select: factsSelect } },
  });
  const buyer = parties.find((p) => p.role === "buyer");
  if (!buyer) return { reasons: [], details: {} };
  return matchParties(
    toFacts(buyer.organization),
    parties.filter((p) => p.role !== "buyer").map((p) => toFacts(p.organization)),
  );
}

/**
 * Checks the agreement and records the result: a new open flag, or an open flag brought up to date. A decided
 * flag is left as the reviewer decided it. Called in the transaction that proposes or activates the agreement.
 */
export async function flagAgreement(tx: Tx, agreementId: string): Promise<void> {
  const found = await detectFlag(tx, agreementId);
  const existing = await tx.agreementFlag.findUnique({ where: { agreementId }, select: { id: true, status: true } });
  if (existing && existing.status !== "open") return;
  if (found.reasons.length === 0) return; // an open flag stays open: what matched once is for the reviewer
  const data = { reasons: found.reasons, details: found.details as Prisma.InputJsonValue };
  if (existing) await tx.agreementFlag.update({ where: { id: existing.id }, data });
  else await tx.agreementFlag.create({ data: { agreementId, ...data } });
}

// ---------------------------------------------------------------------------------------------
// Ministry review
// ---------------------------------------------------------------------------------------------

const authorizeReviewer = (actor: Actor | null) => authorize(actor, { orgTypes: ["ministry"], permission: "partnership:review" });

const flagSelect = {
  id: true,
  reasons: true,
  details: true,
  status: true,
  flaggedAt: true,
  reviewedAt: true,
  reviewNote: true,
  agreement: {
    select: {
      id: true,
      number: true,
      title: true,
      scheme: true,
      status: true,
      valueIdr: true,
      excludedAt: true,
      ownershipDeclaredAt: true,
      buyer: { select: { id: true, name: true } },
      parties: { where: { role: { not: "buyer" } }, select: { role: true, organization: { select: { id: true, name: true } } } },
    },
  },
} satisfies Prisma.AgreementFlagSelect;
type FlagRow = Prisma.AgreementFlagGetPayload<{ select: typeof flagSelect }>;

export interface AgreementFlagView {
  id: string;
  status: AgreementFlagStatus;
  reasons: FlagReason[];
  details: FlagDetails;
  flaggedAt: Date;
  reviewedAt: Date | null;
  reviewNote: string | null;
  agreement: {
    id: string;
    number: string;
    title: string;
    scheme: string;
    status: string;
    valueIdr: bigint;
    excluded: boolean;
    ownershipDeclaredAt: Date | null;
    buyer: { id: string; name: string };
    suppliers: { id: string; name: string; role: string }[];
  };
}

function toView(r: FlagRow): AgreementFlagView {
  return {
    id: r.id,
    status: r.status,
    reasons: r.reasons as FlagReason[],
    details: (r.details ?? {}) as FlagDetails,
    flaggedAt: r.flaggedAt,
    reviewedAt: r.reviewedAt,
    reviewNote: r.reviewNote,
    agreement: {
      id: r.agreement.id,
      number: r.agreement.number,
      title: r.agreement.title,
      scheme: r.agreement.scheme,
      status: r.agreement.status,
      valueIdr: r.agreement.valueIdr,
      excluded: r.agreement.excludedAt !== null,
      ownershipDeclaredAt: r.agreement.ownershipDeclaredAt,
      buyer: r.agreement.buyer,
      suppliers: r.agreement.parties.map((p) => ({ id: p.organization.id, name: p.organization.name, role: p.role })),
    },
  };
}

/** Flagged agreements for ministry review, open ones first (oldest first), then the decided ones, newest first. */
export async function listAgreementFlags(actor: Actor | null, query: { status?: AgreementFlagStatus } = {}): Promise<AgreementFlagView[]> {
  authorizeReviewer(actor);
  const rows = await db.agreementFlag.findMany({
    where: query.status ? { status: query.status } : {},
    select: flagSelect,
    orderBy: [{ flaggedAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  const rank = (s: AgreementFlagStatus) => (s === "open" ? 0 : 1);
  return rows.map(toView).sort((a, b) => rank(a.status) - rank(b.status));
}

async function getAgreementFlag(actor: Actor | null, id: string): Promise<AgreementFlagView> {
  authorizeReviewer(actor);
  const row = await db.agreementFlag.findUnique({ where: { id }, select: flagSelect });
  if (!row) throw notFound();
  return toView(row);
}

/**
 * Ministry staff decide a flag: "confirm" (a fake partnership: the agreement leaves the statistics and the
 * index, both parties are told) or "clear" (not one: it stays or comes back). An open flag may be decided either
 * way; a confirmed one may be cleared (reversal, parties told); a cleared one may be confirmed later (new facts).
 * Deciding it the way it already is: 409.
 */
export async function decideAgreementFlag(
  actor: Actor | null,
  id: string,
  input: { decision: "clear" | "confirm"; note: string },
): Promise<AgreementFlagView> {
  const a = authorizeReviewer(actor);
  const to: AgreementFlagStatus = input.decision === "confirm" ? "confirmed" : "cleared";
  await db.$transaction(async (tx) => {
    const flag = await tx.agreementFlag.findUnique({
      where: { id },
      select: {
        status: true,
        agreementId: true,
        agreement: { select: { number: true, title: true, parties: { select: { organizationId: true } } } },
      },
    });
    if (!flag) throw notFound();
    if (flag.status === to) throw conflict("agreements.flags.errors.alreadyDecided");
    const now = new Date();
    // Guarded on the status read: two reviewers at once → the second one is a conflict.
    const { count } = await tx.agreementFlag.updateMany({
      where: { id, status: flag.status },
      data: { status: to, reviewedAt: now, reviewedById: a.user.id, reviewNote: input.note },
    });
    if (count === 0) throw conflict("agreements.flags.errors.alreadyDecided");
    await tx.agreement.update({ where: { id: flag.agreementId }, data: { excludedAt: to === "confirmed" ? now : null } });
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action: `agreement.flag_${to}`,
      entityType: "AgreementFlag",
      entityId: id,
      data: { agreementId: flag.agreementId, from: flag.status, note: input.note },
    });
    // The parties learn of a decision that changes how their agreement counts: a confirmation, or its reversal.
    if (to === "confirmed" || flag.status === "confirmed") {
      await notify(tx, {
        type: to === "confirmed" ? "agreement.flag_confirmed" : "agreement.flag_reversed",
        organizationIds: flag.agreement.parties.map((p) => p.organizationId),
        params: { number: flag.agreement.number, title: flag.agreement.title, note: input.note },
        link: agreementRoutes.detail(flag.agreementId),
      });
    }
  });
  return getAgreementFlag(a, id);
}
