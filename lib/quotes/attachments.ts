// Quote attachments (a price breakdown, a product sample photo, a TKDN certificate…): PDF/JPEG/PNG up to
// 5 MB, checked by content (lib/files/upload.ts), stored in PostgreSQL, at most 5 per quote. The supplier adds
// and removes them while its quote can still change (open RFQ, before the deadline). Who may download one:
// members of the supplier, and the buyer organization once it may see that quote's prices (a submitted quote;
// for a sealed RFQ only after the deadline) — anyone else gets 404.
import "server-only";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { prepareUpload, storePreparedUpload, type UploadSource } from "@/lib/files/upload";
import { deadlinePassed, pricesRevealed } from "@/lib/rfqs/access";
import { authorizeQuoting } from "./access";
import { quoteRoutes } from "./routes";

const MAX_ATTACHMENTS_PER_QUOTE = 5;

interface QuoteAttachmentView {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  url: string;
}

export async function addQuoteAttachment(actor: Actor | null, rfqId: string, file: UploadSource): Promise<QuoteAttachmentView> {
  const a = authorizeQuoting(actor);
  const supplierId = a.membership.organizationId;
  const prepared = await prepareUpload(file, "file");
  const id = await db.$transaction(async (tx) => {
    const q = await tx.quote.findFirst({
      where: { rfqId, supplierId },
      select: { id: true, status: true, rfq: { select: { status: true, deadline: true, buyerId: true } } },
    });
    if (!q) throw notFound();
    await tx.$queryRaw`SELECT id FROM "Rfq" WHERE id = ${rfqId} FOR UPDATE`;
    if (q.rfq.status !== "open" || deadlinePassed(q.rfq) || (q.status !== "draft" && q.status !== "submitted"))
      throw conflict("quotes.errors.closed");
    if ((await tx.quoteAttachment.count({ where: { quoteId: q.id } })) >= MAX_ATTACHMENTS_PER_QUOTE)
      throw invalidInput({ file: ["quotes.errors.tooManyAttachments"] });
    const fileId = await storePreparedUpload(
      tx,
      { organizationId: supplierId, uploadedById: a.user.id, kind: "quote_attachment" },
      prepared,
    );
    const att = await tx.quoteAttachment.create({ data: { quoteId: q.id, fileId }, select: { id: true } });
    const data = { rfqId, filename: prepared.filename };
    for (const organizationId of q.status === "submitted" ? [q.rfq.buyerId, supplierId] : [supplierId]) {
      await audit(tx, { organizationId, actorId: a.user.id, action: "quote.attachment_added", entityType: "quote", entityId: q.id, data });
    }
    return att.id;
  });
  return {
    id,
    filename: prepared.filename,
    mimeType: prepared.mimeType,
    sizeBytes: prepared.sizeBytes,
    url: quoteRoutes.attachment(rfqId, id),
  };
}

export async function removeQuoteAttachment(actor: Actor | null, rfqId: string, attachmentId: string): Promise<void> {
  const a = authorizeQuoting(actor);
  const supplierId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const att = await tx.quoteAttachment.findFirst({
      where: { id: attachmentId, quote: { rfqId, supplierId } },
      select: {
        fileId: true,
        file: { select: { filename: true } },
        quote: { select: { id: true, status: true, rfq: { select: { status: true, deadline: true, buyerId: true } } } },
      },
    });
    if (!att) throw notFound();
    await tx.$queryRaw`SELECT id FROM "Rfq" WHERE id = ${rfqId} FOR UPDATE`;
    const q = att.quote;
    if (q.rfq.status !== "open" || deadlinePassed(q.rfq) || (q.status !== "draft" && q.status !== "submitted"))
      throw conflict("quotes.errors.closed");
    await tx.storedFile.deleteMany({ where: { id: att.fileId, organizationId: supplierId } }); // cascades to the attachment
    const data = { rfqId, filename: att.file.filename };
    for (const organizationId of q.status === "submitted" ? [q.rfq.buyerId, supplierId] : [supplierId]) {
      await audit(tx, {
        organizationId,
        actorId: a.user.id,
        action: "quote.attachment_removed",
        entityType: "quote",
        entityId: q.id,
        data,
      });
    }
  });
}

/** The file, for the quote's supplier or (once it may see the quote's prices) the RFQ's buyer organization. */
export async function getQuoteAttachment(actor: Actor | null, rfqId: string, attachmentId: string) {
  if (!actor?.membership) throw notFound();
  const org = actor.membership.organizationId;
  const att = await db.quoteAttachment.findFirst({
    where: { id: attachmentId, quote: { rfqId } },
    select: {
      quote: { select: { supplierId: true, status: true, rfq: { select: { buyerId: true, sealed: true, deadline: true } } } },
      file: { select: { filename: true, mimeType: true, sizeBytes: true, content: true } },
    },
  });
  if (!att) throw notFound();
  const q = att.quote;
  const isSupplier =
    q.supplierId === org && (actor.membership.organizationType === "umkm" || actor.membership.organizationType === "cooperative");
  const isBuyer =
    q.rfq.buyerId === org &&
    actor.membership.organizationType === "buyer" &&
    (q.status === "submitted" || q.status === "awarded" || q.status === "not_awarded") &&
    pricesRevealed(q.rfq);
  if (!isSupplier && !isBuyer) throw notFound();
  return att.file;
}
