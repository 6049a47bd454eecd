"use server";
// Server actions for membership requests (issue 11, lib/cooperatives/join-requests.ts): a cooperative asks an
// existing UMKM to join (/anggota) or withdraws its request; the UMKM's owner or admin accepts or declines it
// (/dasbor). The services check organization type, role, verification and ownership again.
import { revalidatePath } from "next/cache";
import { cooperativeAction, umkmAction } from "@/lib/auth/action-wrapper";
import { cancelJoinRequest, decideJoinRequest, joinDecisionSchema, joinRequestIdSchema, joinRequestSchema, requestMembership } from "./join-requests";

function refresh(...paths: string[]) {
  try {
    for (const p of paths) revalidatePath(p);
  } catch {
    // outside a Next request (tests)
  }
}

export const requestMembershipAction = cooperativeAction("cooperative:members:manage", joinRequestSchema, async (input, { actor }) => {
  const r = await requestMembership(actor, input);
  refresh("/anggota");
  return r;
});

export const cancelJoinRequestAction = cooperativeAction("cooperative:members:manage", joinRequestIdSchema, async (input, { actor }) => {
  const r = await cancelJoinRequest(actor, input);
  refresh("/anggota");
  return r;
});

// No revalidation here: the card keeps the answered request with its confirmation ("accepted"/"declined")
// instead of the dashboard re-rendering without it; the next visit shows the new membership.
export const decideJoinRequestAction = umkmAction("org:update", joinDecisionSchema, async (input, { actor }) => decideJoinRequest(actor, input));
