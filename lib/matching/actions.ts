"use server";
// Server actions behind /rfq/[id]/pencocokan (buyer officers, "rfq:write"): invite one matched UMKM or several
// at once, near-misses included (the RFQ service's invitation, notified at once on an open RFQ), or a proposed
// consortium (lib/matching/invite.ts); and, from a supplier's public page /pemasok/[id], invite it to one of the
// buyer's open RFQs.
import { z } from "zod";
import { buyerAction, revalidate } from "@/lib/auth/action-wrapper";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { inviteConsortium, inviteMatches, inviteProposedConsortium } from "./invite";
import { inviteConsortiumSchema, inviteFromProfileSchema, inviteMatchesSchema } from "./schemas";

const id = z.string().trim().min(1).max(100);

/** The RFQ's page (its invitations) and its matching page. */
const refresh = (rfqId: string) => revalidate(rfqRoutes.detail(rfqId), rfqRoutes.matching(rfqId));

export const inviteMatchAction = buyerAction(
  "rfq:write",
  z.object({ rfqId: id, supplierId: id }),
  async ({ rfqId, supplierId }, { actor }) => {
    await inviteMatches(actor, { rfqId, supplierIds: [supplierId] });
    refresh(rfqId);
    return { supplierId };
  },
);

/** Invites the ticked matches (qualified or almost) at once: all or nothing; says how many were new. */
export const inviteMatchesAction = buyerAction("rfq:write", inviteMatchesSchema, async (input, { actor }) => {
  const r = await inviteMatches(actor, input);
  refresh(input.rfqId);
  return { invited: r.invited.length, alreadyInvited: r.alreadyInvited.length };
});

/** From a supplier's public page: invites it to one of the buyer's own open RFQs. */
export const inviteFromProfileAction = buyerAction("rfq:write", inviteFromProfileSchema, async ({ rfqId, supplierId }, { actor }) => {
  const r = await inviteMatches(actor, { rfqId, supplierIds: [supplierId] });
  refresh(rfqId);
  revalidate(supplierRoutes.profile(supplierId));
  return { rfqId, alreadyInvited: r.alreadyInvited.length > 0 };
});

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
