// Organizations: what a member sees of their own organization, and the platform admins' verification of
// UMKM, buyers and cooperatives (every decision is in the audit log).
import "server-only";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { audit } from "@/lib/audit/log";
import { releaseHeldInvitations } from "@/lib/cooperatives/invitations";
import { maskSealedQuoteEntries } from "@/lib/audit/sealed";
import { authorize, type AuthorizedActor } from "@/lib/auth/authorize";
import { notifyVerificationDecision } from "@/lib/notifications/verification";
import type { Actor } from "@/lib/auth/types";
import type { ResubmitVerification, VerificationDecision } from "./schemas";

/** The actor's active organization with its members. Only members see it. */
export async function getOrganizationOverview(actor: Actor | null) {
  const a = authorize(actor, { permission: "org:read" });
  const org = await db.organization.findFirst({
    where: { id: a.membership.organizationId, memberships: { some: { userId: a.user.id } } },
    select: {
      id: true,
      type: true,
      name: true,
      legalName: true,
      email: true,
      phone: true,
      website: true,
      industry: true,
      isStateOwned: true,
      verificationStatus: true,
      verificationNote: true,
      verifiedAt: true,
      createdAt: true,
      regency: { select: { code: true, name: true, province: { select: { code: true, name: true } } } },
      memberships: {
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  if (!org) throw notFound();
  return org;
}

/** What a returned buyer or cooperative said when it asked for review again (its latest resubmission). */
export interface Resubmission {
  at: Date;
  message: string;
}

function resubmissionOf(entry: { createdAt: Date; data: unknown } | undefined): Resubmission | null {
  if (!entry) return null;
  const data = entry.data as { message?: unknown } | null;
  return { at: entry.createdAt, message: typeof data?.message === "string" ? data.message : "" };
}

/**
 * Organizations waiting for a platform admin's decision (submitted first, then unverified buyers/cooperatives).
 * A buyer or cooperative that was returned and resubmitted comes with its latest resubmission (when, and its
 * message) and the return note it answered (still stored on the organization). The resubmissions are a nested
 * select: Prisma reads them for all listed rows in one batched query (organizationId IN …), never one per row.
 */
export async function listOrganizationsForReview(actor: Actor | null, { limit = 50 }: { limit?: number } = {}) {
  authorize(actor, { orgTypes: ["platform"], permission: "platform:verify" });
  // The `limit` who have waited LONGEST of each kind, chosen in SQL by the same clock the page shows (the last
  // resubmission or review request, else sign-up): taking the first by sign-up and sorting those would hide
  // someone who signed up recently but has waited longer than an old account that just asked again.
  const [orgIds, supplierIds] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM "Organization" o
       WHERE o.type IN ('buyer', 'cooperative', 'cluster_manager', 'regional_government')
         AND o."verificationStatus" IN ('unverified', 'pending')
       ORDER BY COALESCE((SELECT max(a."createdAt") FROM "AuditLog" a
                           WHERE a."organizationId" = o.id AND a.action = 'organization.resubmitted'
                             AND a."entityType" = 'Organization'), o."createdAt"), o.id
       LIMIT ${limit}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM "Organization" o JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
       WHERE o.type = 'umkm' AND sp."verificationStatus" = 'pending'
       ORDER BY COALESCE((SELECT max(a."createdAt") FROM "AuditLog" a
                           WHERE a."organizationId" = o.id AND a.action = 'supplier.verification_requested'
                             AND a."entityType" = 'SupplierProfile'), o."createdAt"), o.id
       LIMIT ${limit}`,
  ]);
  const [rows, suppliers] = await Promise.all([
    db.organization.findMany({
      // issue 12: cluster managers and regional governments are verified here too (a government with its scope).
      where: { id: { in: orgIds.map((r) => r.id) } },
      select: {
        id: true,
        name: true,
        type: true,
        verificationStatus: true,
        verificationNote: true,
        createdAt: true,
        regionProvince: { select: { name: true } },
        regionRegency: { select: { name: true, province: { select: { name: true } } } },
        auditEntries: {
          where: { action: "organization.resubmitted", entityType: "Organization" },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { createdAt: true, data: true },
        },
      },
    }),
    db.organization.findMany({
      where: { id: { in: supplierIds.map((r) => r.id) } },
      select: {
        id: true,
        name: true,
        type: true,
        createdAt: true,
        supplierProfile: { select: { verificationStatus: true, nib: true, regency: { select: { name: true } } } },
        // When the UMKM (last) sent its profile for review: its wait starts there, not at sign-up.
        auditEntries: {
          where: { action: "supplier.verification_requested", entityType: "SupplierProfile" },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { createdAt: true },
        },
      },
    }),
  ]);
  const organizations = rows.map(({ auditEntries, verificationNote, ...o }) => {
    const resubmission = resubmissionOf(auditEntries[0]);
    return { ...o, resubmission, returnNote: verificationNote, waitingSince: resubmission?.at ?? o.createdAt };
  });
  return {
    organizations: longestWaitingFirst(organizations),
    suppliers: longestWaitingFirst(
      suppliers.map(({ auditEntries, ...s }) => ({ ...s, waitingSince: auditEntries[0]?.createdAt ?? s.createdAt })),
    ),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days someone has waited since `since` (0 under a day). */
export function waitingDays(since: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

/** The verification queue's order (issue 17): who has waited longest first, whatever their type. */
export function longestWaitingFirst<T extends { waitingSince: Date; id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime() || a.id.localeCompare(b.id));
}

/**
 * A platform admin verifies an organization or returns it with a note. For UMKM the supplier profile's
 * verification state is what the directory shows; the organization's own state follows it.
 */
export async function decideVerification(actor: Actor | null, input: VerificationDecision) {
  const a: AuthorizedActor = authorize(actor, { orgTypes: ["platform"], permission: "platform:verify" });
  const target = await db.organization.findUnique({
    where: { id: input.organizationId },
    select: { id: true, type: true, name: true, supplierProfile: { select: { organizationId: true } } },
  });
  if (!target || !["umkm", "buyer", "cooperative", "cluster_manager", "regional_government"].includes(target.type)) throw notFound();
  const now = new Date();
  const verified = input.decision === "verified";
  await db.$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: target.id },
      data: { verificationStatus: input.decision, verificationNote: input.note || null, verifiedAt: verified ? now : null },
    });
    if (target.supplierProfile) {
      await tx.supplierProfile.update({
        where: { organizationId: target.id },
        data: { verificationStatus: input.decision, verificationNote: input.note || null, verifiedAt: verified ? now : null },
      });
      // The admin reviewed the certificate documents with the profile: those with a document are verified
      // (a certificate without one stays unverified, as the API contract says), from now on and by this admin
      // (issue 16: the TKDN preference counts a certificate verified before an RFQ's deadline only). Those
      // already verified keep their time.
      if (verified) {
        await tx.certification.updateMany({
          where: { organizationId: target.id, documentId: { not: null }, verificationStatus: { not: "verified" } },
          data: { verificationStatus: "verified", verifiedAt: now, verifiedById: a.user.id, returnedReason: null },
        });
      } else {
        // issue 11 (review): returning the UMKM returns the certificates reviewed with it, so a returned
        // supplier's TKDN no longer earns the price preference (lib/quotes/evaluation.ts assessTkdn).
        await tx.certification.updateMany({
          where: { organizationId: target.id, verificationStatus: "verified" },
          data: { verificationStatus: input.decision, verifiedAt: null, verifiedById: null, returnedReason: input.note || null },
        });
      }
    }
    // issue 11: a cooperative's owner invitations wait for its verification; now they go out.
    if (verified && target.type === "cooperative") await releaseHeldInvitations(tx, target.id, now);
    // The name too: the platform's own log would otherwise only say "an organization was verified".
    const payload = { decision: input.decision, note: input.note, decidedBy: a.membership.organizationId, organizationName: target.name };
    // Logged for the organization concerned (it sees the decision) and for the platform.
    await audit(tx, {
      organizationId: target.id,
      actorId: a.user.id,
      action: `organization.${input.decision}`,
      entityType: "Organization",
      entityId: target.id,
      data: payload,
    });
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action: `organization.${input.decision}`,
      entityType: "Organization",
      entityId: target.id,
      data: payload,
    });
    // issue 16: the organization hears about it (in the app and, for its owners and admins, by e-mail).
    await notifyVerificationDecision(tx, {
      organizationId: target.id,
      type: target.type,
      name: target.name,
      decision: input.decision,
      note: input.note,
    });
  });
}

/**
 * A buyer or cooperative that a platform admin returned with a note asks for review again (owners and admins:
 * org:update), saying what it changed. It goes back to `pending` and into the admin's review list; UMKM
 * resubmit through their profile flow instead.
 */
export async function resubmitForVerification(actor: Actor | null, input: ResubmitVerification) {
  const a: AuthorizedActor = authorize(actor, { orgTypes: ["buyer", "cooperative"], permission: "org:update" });
  const orgId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const { count } = await tx.organization.updateMany({
      where: { id: orgId, verificationStatus: "returned" },
      data: { verificationStatus: "pending" },
    });
    if (count !== 1) throw conflict("errors.notReturned");
    await audit(tx, {
      organizationId: orgId,
      actorId: a.user.id,
      action: "organization.resubmitted",
      entityType: "Organization",
      entityId: orgId,
      data: { message: input.message },
    });
  });
}

/** The audit entries an organization may see about itself. */
export async function listOwnAuditLog(actor: Actor | null, { limit = 20 }: { limit?: number } = {}) {
  const a = authorize(actor, { permission: "org:read" });
  const rows = await db.auditLog.findMany({
    where: { organizationId: a.membership.organizationId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, action: true, entityType: true, entityId: true, createdAt: true, data: true, actor: { select: { name: true } } },
  });
  // A buyer's quote entries of a sealed RFQ name no supplier before its deadline (issue 11; one rule with the
  // RFQ's history page: lib/audit/sealed.ts).
  return maskSealedQuoteEntries(a.membership.organizationId, rows);
}
