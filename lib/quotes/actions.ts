"use server";
// Server actions behind the quote form (/papan-rfq/[id]/penawaran: memberAction → "quote:write", which only
// UMKM and cooperatives hold) and the award form (/rfq/[id]/bandingkan: buyerAction → "rfq:award"). They
// parse with the same zod schemas as /api/v1/rfqs/{id}/quote and /award and call lib/quotes and lib/awards,
// which check the organization again and put it into every where clause.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { buyerAction, memberAction } from "@/lib/auth/action-wrapper";
import { awardRfq } from "@/lib/awards/service";
import { isUploadPresent, type UploadSource } from "@/lib/files/upload";
import { addQuoteAttachment, removeQuoteAttachment } from "./attachments";
import { awardInputSchema, quoteInputSchema } from "./schemas";
import { saveQuote, withdrawQuote } from "./service";

function refresh(rfqId: string) {
  try {
    revalidatePath(`/papan-rfq/${rfqId}`);
    revalidatePath(`/papan-rfq/${rfqId}/penawaran`);
    revalidatePath("/penawaran");
    revalidatePath(`/rfq/${rfqId}`);
    revalidatePath(`/rfq/${rfqId}/bandingkan`);
    revalidatePath("/dasbor");
  } catch {
    // outside a Next request (tests): nothing to revalidate
  }
}

const rfqId = z.string().trim().min(1).max(64);

export const saveQuoteAction = memberAction("quote:write", quoteInputSchema.and(z.object({ rfqId })), async (input, { actor }) => {
  const { rfqId: id, ...quote } = input;
  const saved = await saveQuote(actor, id, quote);
  refresh(id);
  return { id: saved.id, status: saved.status, revision: saved.revision };
});

export const withdrawQuoteAction = memberAction("quote:write", z.object({ rfqId }), async ({ rfqId: id }, { actor }) => {
  const q = await withdrawQuote(actor, id);
  refresh(id);
  return { id: q.id, status: q.status };
});

export const awardRfqAction = buyerAction("rfq:award", awardInputSchema.and(z.object({ rfqId })), async (input, { actor }) => {
  const { rfqId: id, awards, scheme } = input;
  const out = await awardRfq(actor, id, { awards, scheme });
  refresh(id);
  revalidatePathSafe("/kemitraan");
  return { agreements: out.agreements.map((a) => ({ id: a.id, number: a.number, supplierName: a.supplier.name, valueIdr: a.valueIdr.toString() })) };
});

const fileField = z.unknown().transform((v, ctx): UploadSource => {
  if (!isUploadPresent(v)) {
    ctx.addIssue({ code: "custom", message: "errors.field.required" });
    return z.NEVER;
  }
  return v;
});

export const addQuoteAttachmentAction = memberAction("quote:write", z.object({ rfqId, file: fileField }), async ({ rfqId: id, file }, { actor }) => {
  const att = await addQuoteAttachment(actor, id, file);
  refresh(id);
  return { id: att.id };
});

export const removeQuoteAttachmentAction = memberAction("quote:write", z.object({ rfqId, attachmentId: rfqId }), async ({ rfqId: id, attachmentId }, { actor }) => {
  await removeQuoteAttachment(actor, id, attachmentId);
  refresh(id);
  return { id: attachmentId };
});

function revalidatePathSafe(p: string) {
  try {
    revalidatePath(p);
  } catch {
    // outside a Next request
  }
}
