"use server";
// Server actions behind the quote form (/papan-rfq/[id]/penawaran: memberAction → "quote:write", which only
// UMKM and cooperatives hold) and the award form (/rfq/[id]/bandingkan: buyerAction → "rfq:award"). They
// parse with the same zod schemas as /api/v1/rfqs/{id}/quote and /award and call lib/quotes, which checks the
// organization again and puts it into every where clause.
import { z } from "zod";
import { agreementRoutes } from "@/lib/agreements/routes";
import { buyerAction, memberAction, revalidate } from "@/lib/auth/action-wrapper";
import { isUploadPresent, type UploadSource } from "@/lib/files/upload";
import { organizationRoutes } from "@/lib/organizations/routes";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { addQuoteAttachment, removeQuoteAttachment } from "./attachments";
import { awardRfq } from "./awards";
import { saveQuote, withdrawQuote } from "./lifecycle";
import { quoteRoutes } from "./routes";
import { awardInputSchema, quoteInputSchema } from "./schemas";

/** Every page that shows this RFQ's quotes, to either side. */
const quotePages = (rfqId: string) => [
  rfqRoutes.boardDetail(rfqId),
  quoteRoutes.form(rfqId),
  quoteRoutes.list(),
  rfqRoutes.detail(rfqId),
  rfqRoutes.compare(rfqId),
  organizationRoutes.dashboard(),
];

const rfqId = z.string().trim().min(1).max(64);

export const saveQuoteAction = memberAction("quote:write", quoteInputSchema.and(z.object({ rfqId })), async (input, { actor }) => {
  const { rfqId: id, ...quote } = input;
  const saved = await saveQuote(actor, id, quote);
  revalidate(...quotePages(id));
  return { id: saved.id, status: saved.status, revision: saved.revision };
});

export const withdrawQuoteAction = memberAction("quote:write", z.object({ rfqId }), async ({ rfqId: id }, { actor }) => {
  const q = await withdrawQuote(actor, id);
  revalidate(...quotePages(id));
  return { id: q.id, status: q.status };
});

export const awardRfqAction = buyerAction("rfq:award", awardInputSchema.and(z.object({ rfqId })), async (input, { actor }) => {
  const { rfqId: id, awards, scheme } = input;
  const out = await awardRfq(actor, id, { awards, scheme });
  revalidate(...quotePages(id), agreementRoutes.list());
  return {
    agreements: out.agreements.map((a) => ({ id: a.id, number: a.number, supplierName: a.supplier.name, valueIdr: a.valueIdr.toString() })),
  };
});

const fileField = z.unknown().transform((v, ctx): UploadSource => {
  if (!isUploadPresent(v)) {
    ctx.addIssue({ code: "custom", message: "errors.field.required" });
    return z.NEVER;
  }
  return v;
});

export const addQuoteAttachmentAction = memberAction(
  "quote:write",
  z.object({ rfqId, file: fileField }),
  async ({ rfqId: id, file }, { actor }) => {
    const att = await addQuoteAttachment(actor, id, file);
    revalidate(...quotePages(id));
    return { id: att.id };
  },
);

export const removeQuoteAttachmentAction = memberAction(
  "quote:write",
  z.object({ rfqId, attachmentId: rfqId }),
  async ({ rfqId: id, attachmentId }, { actor }) => {
    await removeQuoteAttachment(actor, id, attachmentId);
    revalidate(...quotePages(id));
    return { id: attachmentId };
  },
);
