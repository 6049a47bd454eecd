"use server";
// Server actions behind /rfq/[id]/pencocokan (buyer officers, "rfq:write"): invite one matched UMKM (the RFQ
// service's invitation, notified at once on an open RFQ) or a proposed consortium (lib/matching/service.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { buyerAction } from "@/lib/auth/action-wrapper";
import { inviteSuppliers } from "@/lib/rfqs/invitations";
import { inviteConsortium, inviteConsortiumSchema } from "./invite";

const id = z.string().trim().min(1).max(100);

function refresh(rfqId: string) {
  try {
    revalidatePath(`/rfq/${rfqId}`);
    revalidatePath(`/rfq/${rfqId}/pencocokan`);
  } catch {
    // outside a Next request (tests)
  }
}

export const inviteMatchAction = buyerAction("rfq:write", z.object({ rfqId: id, supplierId: id }), async ({ rfqId, supplierId }, { actor }) => {
  await inviteSuppliers(actor, rfqId, [supplierId]);
  refresh(rfqId);
  return { supplierId };
});

export const inviteConsortiumAction = buyerAction("rfq:write", inviteConsortiumSchema.and(z.object({ rfqId: id })), async (input, { actor }) => {
  const c = await inviteConsortium(actor, input.rfqId, { memberIds: input.memberIds, leadId: input.leadId });
  refresh(input.rfqId);
  return { id: c.id, name: c.name };
});
