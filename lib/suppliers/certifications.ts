// An UMKM's certificates (halal, SNI, ISO 9001, TKDN with its percentage, other with a name), each with an
// optional uploaded document. Only members of the owning UMKM change them: the tenant comes from the
// certificate itself and the membership is in the where clause, so another UMKM's certificate is "not found".
// Every refusal (invalid fields, too large or disguised file) happens before the transaction: nothing changes.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { isUploadPresent, prepareUpload, storePreparedUpload, type UploadSource } from "@/lib/files/upload";
import { authorizeSupplierMember } from "./access";
import { awaitingReview, profileVerified, reviewAfterEdit, reviewedFields } from "./certificate-review";
import type { CertificationInput } from "./schemas";

/** The certificate columns from a validated certificate input (also used by ./profile-update.ts). */
export function certificationData(c: CertificationInput) {
  return {
    type: c.type,
    name: c.name ?? null,
    number: c.number,
    issuer: c.issuer ?? null,
    validFrom: c.validFrom ?? null,
    validUntil: c.validUntil ?? null,
    tkdnPercent: c.type === "tkdn" && c.percent != null ? c.percent.toFixed(2) : null,
  };
}

async function prepare(document: UploadSource | null | undefined) {
  return isUploadPresent(document) ? prepareUpload(document, "document") : null;
}

/** Adds a certificate to the actor's active UMKM. */
export async function addCertification(actor: Actor | null, input: CertificationInput, document?: UploadSource | null) {
  const a = authorize(actor, { orgTypes: ["umkm"], permission: "supplier:profile:update" });
  const organizationId = a.membership.organizationId;
  const member = await db.organization.findFirst({
    where: { id: organizationId, type: "umkm", memberships: { some: { userId: a.user.id } } },
    select: { id: true },
  });
  if (!member) throw notFound();
  const upload = await prepare(document);
  return db.$transaction(async (tx) => {
    const documentId = upload
      ? await storePreparedUpload(tx, { organizationId, uploadedById: a.user.id, kind: "certificate" }, upload)
      : null;
    // Added after the UMKM was verified: it waits for a platform admin (./certificate-review.ts).
    const review = awaitingReview(await profileVerified(tx, organizationId));
    const cert = await tx.certification.create({
      data: { organizationId, ...certificationData(input), documentId, ...review },
      select: { id: true },
    });
    await audit(tx, {
      organizationId,
      actorId: a.user.id,
      action: "certification.added",
      entityType: "Certification",
      entityId: cert.id,
      data: { type: input.type, number: input.number, document: Boolean(documentId) },
    });
    return { id: cert.id, documentId };
  });
}

/** The certificate if the actor is a member of the UMKM that owns it; otherwise not found. */
async function findOwn(actor: Actor | null, certificationId: string) {
  const userId = actor?.user.id;
  const cert = userId
    ? await db.certification.findFirst({
        where: { id: certificationId, organization: { type: "umkm", memberships: { some: { userId } } } },
        select: { id: true, organizationId: true, documentId: true },
      })
    : null;
  if (!cert) {
    if (!actor) authorize(actor, {}); // unauthorized
    throw notFound();
  }
  const a = authorizeSupplierMember(actor, cert.organizationId);
  return { a, cert };
}

/**
 * Changes a certificate (and replaces its document when a new one is given). A change of its material fields or
 * document, or saving a returned one, sends it back to review (./certificate-review.ts reviewAfterEdit).
 */
export async function updateCertification(
  actor: Actor | null,
  certificationId: string,
  input: CertificationInput,
  document?: UploadSource | null,
) {
  const { a, cert } = await findOwn(actor, certificationId);
  const upload = await prepare(document);
  return db.$transaction(async (tx) => {
    const documentId = upload
      ? await storePreparedUpload(tx, { organizationId: cert.organizationId, uploadedById: a.user.id, kind: "certificate" }, upload)
      : cert.documentId;
    const current = await tx.certification.findUniqueOrThrow({ where: { id: cert.id }, select: reviewedFields });
    const data = certificationData(input);
    const review = reviewAfterEdit(current, data, {
      documentReplaced: Boolean(upload),
      profileVerified: await profileVerified(tx, cert.organizationId),
    });
    await tx.certification.update({ where: { id: cert.id }, data: { ...data, documentId, ...review } });
    if (upload && cert.documentId) await tx.storedFile.deleteMany({ where: { id: cert.documentId, organizationId: cert.organizationId } });
    await audit(tx, {
      organizationId: cert.organizationId,
      actorId: a.user.id,
      action: "certification.updated",
      entityType: "Certification",
      entityId: cert.id,
      data: {
        type: input.type,
        number: input.number,
        documentReplaced: Boolean(upload),
        status: review.verificationStatus ?? current.verificationStatus,
      },
    });
    return { id: cert.id, documentId };
  });
}

/** Deletes a certificate and its document. */
export async function deleteCertification(actor: Actor | null, certificationId: string) {
  const { a, cert } = await findOwn(actor, certificationId);
  await db.$transaction(async (tx) => {
    await tx.certification.delete({ where: { id: cert.id } });
    if (cert.documentId) await tx.storedFile.deleteMany({ where: { id: cert.documentId, organizationId: cert.organizationId } });
    await audit(tx, {
      organizationId: cert.organizationId,
      actorId: a.user.id,
      action: "certification.deleted",
      entityType: "Certification",
      entityId: cert.id,
    });
  });
  return { id: cert.id };
}
