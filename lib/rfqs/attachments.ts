// RFQ attachments (PDF/JPEG/PNG, content-checked, stored in PostgreSQL): the buyer adds and removes them while
// the RFQ is a draft or open; anyone who may see the RFQ downloads them.
import "server-only";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { prepareUpload, storePreparedUpload, type UploadSource } from "@/lib/files/upload";
import { authorizeBuyer, authorizeRfqReader, visibleRfqWhere } from "./access";
import { lockOwn } from "./lock";
import { rfqRoutes } from "./routes";
import type { RfqView } from "./views";

const MAX_ATTACHMENTS_PER_RFQ = 10;

export async function addAttachment(actor: Actor | null, rfqId: string, file: UploadSource): Promise<RfqView["attachments"][number]> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  const prepared = await prepareUpload(file, "file");
  const id = await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "draft" && r.status !== "open") throw conflict("rfqs.errors.notEditable");
    const count = await tx.rfqAttachment.count({ where: { rfqId } });
    if (count >= MAX_ATTACHMENTS_PER_RFQ) throw invalidInput({ file: ["rfqs.errors.tooManyAttachments"] });
    const fileId = await storePreparedUpload(tx, { organizationId: buyerId, uploadedById: a.user.id, kind: "rfq_attachment" }, prepared);
    const att = await tx.rfqAttachment.create({ data: { rfqId, fileId }, select: { id: true } });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.attachment_added",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, filename: prepared.filename },
    });
    return att.id;
  });
  return {
    id,
    filename: prepared.filename,
    mimeType: prepared.mimeType,
    sizeBytes: prepared.sizeBytes,
    url: rfqRoutes.attachment(rfqId, id),
  };
}

export async function removeAttachment(actor: Actor | null, rfqId: string, attachmentId: string): Promise<void> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "draft" && r.status !== "open") throw conflict("rfqs.errors.notEditable");
    const att = await tx.rfqAttachment.findFirst({
      where: { id: attachmentId, rfqId },
      select: { fileId: true, file: { select: { filename: true } } },
    });
    if (!att) throw notFound();
    await tx.storedFile.deleteMany({ where: { id: att.fileId, organizationId: buyerId } }); // cascades to the attachment
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.attachment_removed",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, filename: att.file.filename },
    });
  });
}

/** An attachment's content for anyone who may see the RFQ. */
export async function getAttachment(actor: Actor | null, rfqId: string, attachmentId: string) {
  const a = authorizeRfqReader(actor);
  const att = await db.rfqAttachment.findFirst({
    where: { id: attachmentId, rfq: { AND: [{ id: rfqId }, visibleRfqWhere(a)] } },
    select: { file: { select: { filename: true, mimeType: true, sizeBytes: true, content: true, sha256: true } } },
  });
  if (!att) throw notFound();
  return att.file;
}
