"use server";
// Server actions behind /rfq/[id]/pencocokan (buyer officers, "rfq:write"): invite one matched UMKM (the RFQ
// service's invitation, notified at once on an open RFQ) or a proposed consortium (lib/matching/invite.ts).
import { z } from "zod";
import { buyerAction, revalidate } from "@/lib/auth/action-wrapper";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { inviteSuppliers } from "@/lib/rfqs/invitations";
import { inviteConsortium, inviteProposedConsortium } from "./invite";
import { inviteConsortiumSchema } from "./schemas";

const id = z.string().trim().min(1).max(100);

/** The RFQ's page (its invitations) and its matching page. */
const refresh = (rfqId: string) => revalidate(rfqRoutes.detail(rfqId), rfqRoutes.matching(rfqId));

export const inviteMatchAction = buyerAction(
  "rfq:write",
  z.object({ rfqId: id, supplierId: id }),
  async ({ rfqId, supplierId }, { actor }) => {
    await inviteSuppliers(actor, rfqId, [supplierId]);
    refresh(rfqId);
    return { supplierId };
  },
);

export const inviteConsortiumAction = buyerAction(
  "rfq:write",
  inviteConsortiumSchema.and(z.object({ rfqId: id })),
  async (input, { actor }) => {
    const c = await inviteConsortium(actor, input.rfqId, { memberIds: input.memberIds, leadId: input.leadId });
    refresh(input.rfqId);
    return { id: c.id, name: c.name };
  },
);

/** Invites a consortium a cluster manager proposed (issue 12; lib/matching/invite.ts inviteProposedConsortium). */
export const inviteProposedConsortiumAction = buyerAction(
  "rfq:write",
  z.object({ rfqId: id, consortiumId: id }),
  async ({ rfqId, consortiumId }, { actor }) => {
    const c = await inviteProposedConsortium(actor, rfqId, consortiumId);
    refresh(rfqId);
    return { id: c.id, name: c.name };
  },
);
