"use server";
// Server actions behind /rfq/baru, /rfq/[id], /rfq/[id]/ubah (buyer officers: buyerAction → "rfq:write") and
// /papan-rfq/[id] (suppliers: memberAction → "rfq:board:read", which only UMKM and cooperatives hold). Each
// parses its input with the same zod schemas as /api/v1/rfqs and calls the lib/rfqs services (lifecycle.ts,
// invitations.ts, clarifications.ts, attachments.ts), which put the organization into every where clause
// (another organization's RFQ is "not found").
//
// Each export takes a plain object or (previousState, FormData) for useActionState.
import { z } from "zod";
import { buyerAction, memberAction, revalidate } from "@/lib/auth/action-wrapper";
import { isUploadPresent, type UploadSource } from "@/lib/files/upload";
import { invalidInput } from "@/lib/errors";
import { searchKbli } from "@/lib/reference/service";
import {
  answerSchema,
  cancelSchema,
  extendSchema,
  invitationsSchema,
  questionSchema,
  rfqCreateObject,
  rfqCreateSchema,
  rfqIdSchema,
  clusterNeedsInvited,
} from "./schemas";
import { addAttachment, removeAttachment } from "./attachments";
import { answerClarification, askClarification } from "./clarifications";
import { inviteSuppliers, removeInvitation, searchInvitableSuppliers } from "./invitations";
import { cancelRfq, closeRfq, createRfq, extendDeadline, publishRfq, updateRfq } from "./lifecycle";
import { rfqRoutes } from "./routes";
import { organizationRoutes } from "@/lib/organizations/routes";

/** The RFQ lists, the dashboard, and the RFQ's own pages (buyer and board). */
const refresh = (id: string) =>
  revalidate(rfqRoutes.list(), rfqRoutes.board(), organizationRoutes.dashboard(), rfqRoutes.detail(id), rfqRoutes.boardDetail(id));

const withId = z.object({ id: rfqIdSchema });

export const createRfqAction = buyerAction("rfq:write", rfqCreateSchema, async (input, { actor }) => {
  const rfq = await createRfq(actor, input);
  refresh(rfq.id);
  return { id: rfq.id };
});

/** The edit form sends every field; blank optional ones mean "none". */
export const updateRfqAction = buyerAction(
  "rfq:write",
  rfqCreateObject.extend(withId.shape).superRefine(clusterNeedsInvited),
  async ({ id, ...input }, { actor }) => {
    const rfq = await updateRfq(actor, id, {
      ...input,
      description: input.description ?? null,
      minTkdn: input.minTkdn ?? null,
      clusterId: input.clusterId ?? null,
    });
    refresh(rfq.id);
    return { id: rfq.id };
  },
);

export const publishRfqAction = buyerAction("rfq:write", withId, async ({ id }, { actor }) => {
  const rfq = await publishRfq(actor, id);
  refresh(id);
  return { id: rfq.id, status: rfq.status };
});

export const extendRfqAction = buyerAction("rfq:write", extendSchema.extend(withId.shape), async ({ id, deadline }, { actor }) => {
  const rfq = await extendDeadline(actor, id, deadline);
  refresh(id);
  return { id: rfq.id, deadline: rfq.deadline.toISOString() };
});

export const closeRfqAction = buyerAction("rfq:write", withId, async ({ id }, { actor }) => {
  const rfq = await closeRfq(actor, id);
  refresh(id);
  return { id: rfq.id, status: rfq.status };
});

export const cancelRfqAction = buyerAction("rfq:write", cancelSchema.extend(withId.shape), async ({ id, reason }, { actor }) => {
  const rfq = await cancelRfq(actor, id, reason);
  refresh(id);
  return { id: rfq.id, status: rfq.status };
});

export const inviteSuppliersAction = buyerAction(
  "rfq:write",
  invitationsSchema.extend(withId.shape),
  async ({ id, supplierIds }, { actor }) => {
    const list = await inviteSuppliers(actor, id, supplierIds);
    refresh(id);
    return { count: list.length };
  },
);

export const removeInvitationAction = buyerAction(
  "rfq:write",
  withId.extend({ supplierId: rfqIdSchema }),
  async ({ id, supplierId }, { actor }) => {
    await removeInvitation(actor, id, supplierId);
    refresh(id);
    return { id };
  },
);

export const searchSuppliersAction = buyerAction("rfq:write", z.object({ q: z.string().max(100) }), async ({ q }, { actor }) =>
  searchInvitableSuppliers(actor, q),
);

export const searchKbliForRfqAction = buyerAction("rfq:write", z.object({ q: z.string().max(100) }), async ({ q }) =>
  searchKbli(q, { limit: 15 }),
);

export const answerClarificationAction = buyerAction(
  "rfq:write",
  answerSchema.extend({ id: rfqIdSchema, clarificationId: rfqIdSchema }),
  async ({ id, clarificationId, answer }, { actor }) => {
    await answerClarification(actor, id, clarificationId, answer);
    refresh(id);
    return { id: clarificationId };
  },
);

const fileField = z.unknown().transform((v, ctx): UploadSource => {
  if (!isUploadPresent(v)) {
    ctx.addIssue({ code: "custom", message: "errors.field.required" });
    return z.NEVER;
  }
  return v;
});

export const addAttachmentAction = buyerAction("rfq:write", withId.extend({ file: fileField }), async ({ id, file }, { actor }) => {
  if (!file) throw invalidInput({ file: ["errors.field.required"] });
  const att = await addAttachment(actor, id, file);
  refresh(id);
  return { id: att.id };
});

export const removeAttachmentAction = buyerAction(
  "rfq:write",
  withId.extend({ attachmentId: rfqIdSchema }),
  async ({ id, attachmentId }, { actor }) => {
    await removeAttachment(actor, id, attachmentId);
    refresh(id);
    return { id };
  },
);

export const askClarificationAction = memberAction(
  "rfq:board:read",
  questionSchema.extend(withId.shape),
  async ({ id, question }, { actor }) => {
    const c = await askClarification(actor, id, question);
    refresh(id);
    return { id: c.id };
  },
);
