// One certificate reviewed on its own (issue 16). Before an UMKM is verified its certificates are reviewed with
// the whole profile (lib/organizations/service.ts decideVerification: those approved there count as reviewed,
// from that moment). Once it is verified, a certificate it adds, or one whose material fields it changes, waits
// as `pending` in the platform's queue (/admin/sertifikat, GET /api/v1/admin/certificates) until a platform
// admin approves it (verifiedAt, verifiedById) or returns it with a reason; the UMKM's owners and admins are
// told either way (in-app and e-mail, in the same transaction) and the decision is audit-logged. A returned
// certificate is fixed and sent again from the UMKM's profile.
//
// Platform admins only: to anyone else the queue and every certificate are "not found" (404), as the admin
// pages are.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma, VerificationStatus } from "@/lib/db/generated/client";
import { audit } from "@/lib/audit/log";
import { authorize, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { conflict, notFound } from "@/lib/errors";
import { cursorInstant, decodeCursor, paginate, type Page } from "@/lib/api/pagination";
import { notify } from "@/lib/notifications/notify";
import { isPlatformVerifier } from "@/lib/auth/access";
import { supplierRoutes } from "./routes";
import type { CertificateQueueQuery, CertificateReviewInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** The fields a reviewer checked: a change to any of them needs a new review. */
interface MaterialFields {
  type: string;
  name: string | null;
  number: string;
  issuer: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  tkdnPercent: { toString(): string } | string | null;
}

/** The columns reviewAfterEdit compares (select them before a change). */
export const reviewedFields = {
  type: true,
  name: true,
  number: true,
  issuer: true,
  validFrom: true,
  validUntil: true,
  tkdnPercent: true,
  verificationStatus: true,
} satisfies Prisma.CertificationSelect;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const percent = (p: MaterialFields["tkdnPercent"]) => (p === null ? null : Number(p.toString()));

function materialChanged(before: MaterialFields, after: MaterialFields): boolean {
  return (
    before.type !== after.type ||
    (before.name ?? null) !== (after.name ?? null) ||
    before.number !== after.number ||
    (before.issuer ?? null) !== (after.issuer ?? null) ||
    day(before.validFrom) !== day(after.validFrom) ||
    day(before.validUntil) !== day(after.validUntil) ||
    percent(before.tkdnPercent) !== percent(after.tkdnPercent)
  );
}

/** The review columns of a certificate that goes (back) to review: pending once the UMKM is verified. */
export function awaitingReview(profileVerified: boolean, now = new Date()) {
  return {
    verificationStatus: (profileVerified ? "pending" : "unverified") as VerificationStatus,
    submittedAt: profileVerified ? now : null,
    verifiedAt: null,
    verifiedById: null,
    returnedReason: null,
  };
}

/**
 * The review columns after the UMKM saved a certificate: a verified (or already pending) one whose material
 * fields and document are unchanged stays as it is; anything else — a material change, a new document, a
 * returned or never-reviewed certificate sent again — awaits review.
 */
export function reviewAfterEdit(
  current: MaterialFields & { verificationStatus: VerificationStatus },
  next: MaterialFields,
  opts: { documentReplaced: boolean; profileVerified: boolean },
): Partial<ReturnType<typeof awaitingReview>> {
  const unchanged = !opts.documentReplaced && !materialChanged(current, next);
  if (unchanged && (current.verificationStatus === "verified" || current.verificationStatus === "pending")) return {};
  return awaitingReview(opts.profileVerified);
}

/** Is the UMKM's supplier profile verified (so its certificates are reviewed one by one)? */
export async function profileVerified(tx: Pick<Tx, "supplierProfile">, organizationId: string): Promise<boolean> {
  const p = await tx.supplierProfile.findUnique({ where: { organizationId }, select: { verificationStatus: true } });
  return p?.verificationStatus === "verified";
}

function platformReviewer(actor: Actor | null): AuthorizedActor {
  if (actor && !isPlatformVerifier(actor)) throw notFound();
  return authorize(actor, { orgTypes: ["platform"], permission: "platform:verify" });
}

/** What the queue shows of a certificate (the page and the API). */
const queueSelect = {
  id: true,
  type: true,
  name: true,
  number: true,
  issuer: true,
  validFrom: true,
  validUntil: true,
  tkdnPercent: true,
  documentId: true,
  verificationStatus: true,
  submittedAt: true,
  updatedAt: true,
  organization: { select: { id: true, name: true } },
} satisfies Prisma.CertificationSelect;

type QueueRow = Prisma.CertificationGetPayload<{ select: typeof queueSelect }>;

function queueEntry(r: QueueRow) {
  return {
    id: r.id,
    supplier: { id: r.organization.id, name: r.organization.name },
    type: r.type,
    name: r.name,
    number: r.number,
    issuer: r.issuer,
    validFrom: day(r.validFrom),
    validUntil: day(r.validUntil),
    tkdnPercent: r.tkdnPercent === null ? null : Number(r.tkdnPercent),
    documentId: r.documentId,
    documentUrl: r.documentId ? supplierRoutes.certificateDocument(r.documentId) : null,
    status: r.verificationStatus,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
  };
}

export type QueuedCertificate = ReturnType<typeof queueEntry>;

/** Only certificates of verified UMKM wait here; the others are reviewed with their profile. */
const queueWhere = {
  verificationStatus: "pending",
  organization: { type: "umkm", supplierProfile: { verificationStatus: "verified" } },
} satisfies Prisma.CertificationWhereInput;

/** Certificates awaiting review across all UMKM, oldest first (by when they were sent), a page at a time. */
export async function listCertificatesForReview(
  actor: Actor | null,
  query: CertificateQueueQuery,
): Promise<Page<QueuedCertificate> & { total: number }> {
  platformReviewer(actor);
  const after = decodeCursor(query.cursor, z.tuple([cursorInstant, z.string().max(100)]));
  const [rows, total] = await Promise.all([
    db.certification.findMany({
      where: {
        ...queueWhere,
        ...(after && { OR: [{ submittedAt: { gt: new Date(after[0]) } }, { submittedAt: new Date(after[0]), id: { gt: after[1] } }] }),
      },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      select: queueSelect,
    }),
    db.certification.count({ where: queueWhere }),
  ]);
  const page = paginate(rows, query.limit, (r) => [(r.submittedAt ?? new Date(0)).toISOString(), r.id]);
  return { data: page.data.map(queueEntry), nextCursor: page.nextCursor, total };
}

/** The UMKM's owners and admins: they hear about a decision on one of its certificates. */
async function ownersAndAdmins(tx: Pick<Tx, "membership">, organizationId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({ where: { organizationId, role: { in: ["owner", "admin"] } }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** A certificate's label in notifications: "HALAL 123", or the name of an "other" certificate. */
function certificateLabel(c: { type: string; name: string | null; number: string }): string {
  return `${c.type === "other" && c.name ? c.name : c.type.toUpperCase()} ${c.number}`;
}

/**
 * A platform admin approves one pending certificate or returns it with a reason (required; checked by the
 * schema). Only that certificate changes. One that is not pending (already decided by another admin, or its
 * UMKM is no longer verified) → 409; one edited since the admin read it (`updatedAt` differs) → 409, so the
 * version approved is the one reviewed; an id that is not an UMKM's certificate → 404.
 */
export async function reviewCertificate(actor: Actor | null, certificationId: string, input: CertificateReviewInput) {
  const a = platformReviewer(actor);
  const cert = await db.certification.findFirst({
    where: { id: certificationId, organization: { type: "umkm" } },
    select: { id: true, organizationId: true, type: true, name: true, number: true, organization: { select: { name: true } } },
  });
  if (!cert) throw notFound();
  const now = new Date();
  const approved = input.decision === "approved";
  return db.$transaction(async (tx) => {
    // Decided only while pending and its UMKM verified: two admins deciding at once → one wins, the other 409.
    // Matching `updatedAt` too: an UMKM's edit after the admin opened the queue → 409, never a silent approval.
    const { count } = await tx.certification.updateMany({
      where: { id: cert.id, ...queueWhere, updatedAt: new Date(input.updatedAt) },
      data: approved
        ? { verificationStatus: "verified", verifiedAt: now, verifiedById: a.user.id, returnedReason: null }
        : { verificationStatus: "returned", verifiedAt: null, verifiedById: null, returnedReason: input.reason },
    });
    if (count !== 1) {
      const edited = await tx.certification.count({ where: { id: cert.id, ...queueWhere } });
      throw conflict(edited ? "suppliers.certificateReview.errors.changed" : "suppliers.certificateReview.errors.notPending");
    }
    const action = approved ? "certification.approved" : "certification.returned";
    const payload = {
      type: cert.type,
      number: cert.number,
      reason: approved ? undefined : input.reason,
      organizationName: cert.organization.name,
    };
    // Logged for the UMKM (it sees the decision) and for the platform.
    await audit(tx, {
      organizationId: cert.organizationId,
      actorId: a.user.id,
      action,
      entityType: "Certification",
      entityId: cert.id,
      data: payload,
    });
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action,
      entityType: "Certification",
      entityId: cert.id,
      data: payload,
    });
    await notify(tx, {
      type: approved ? "certificate.approved" : "certificate.returned",
      userIds: await ownersAndAdmins(tx, cert.organizationId),
      organizationId: cert.organizationId,
      params: approved ? { certificate: certificateLabel(cert) } : { certificate: certificateLabel(cert), reason: input.reason },
      link: supplierRoutes.step("sertifikat"),
    });
    return {
      id: cert.id,
      status: approved ? ("verified" as const) : ("returned" as const),
      verifiedAt: approved ? now : null,
      returnedReason: approved ? null : input.reason,
    };
  });
}
