"use server";
// Server actions of the cooperative pages. The services check organization type, role, verification and
// ownership again.
//   claimInvitationAction     /klaim/[token]: an UMKM owner invited by their cooperative claims the account.
//                             Public (whoever holds the emailed link); the token is the authority, checked by
//                             claimInvitation. Errors come back as ActionResult with messages translated from
//                             message keys, never text from the request.
//   requestMembershipAction,  membership requests (issue 11, lib/cooperatives/join-requests.ts): a cooperative
//   cancelJoinRequestAction   asks an existing UMKM to join (/anggota) or withdraws its request;
//   decideJoinRequestAction   the UMKM's owner or admin accepts or declines it (/dasbor).
import { redirect } from "next/navigation";
import { cooperativeAction, formDataToObject, revalidate, toActionError, umkmAction, type ActionResult } from "@/lib/auth/action-wrapper";
import { authRoutes } from "@/lib/auth/routes";
import {
  cancelJoinRequest,
  decideJoinRequest,
  joinDecisionSchema,
  joinRequestIdSchema,
  joinRequestSchema,
  requestMembership,
} from "./join-requests";
import { claimInvitation } from "./members";
import { cooperativeRoutes } from "./routes";

export async function claimInvitationAction(token: string, _previous: unknown, form: FormData): Promise<ActionResult<never>> {
  try {
    const { name, password } = formDataToObject(form);
    await claimInvitation(String(token ?? ""), { name, password });
  } catch (err) {
    return toActionError(err);
  }
  redirect(authRoutes.signIn(undefined, { claimed: true }));
}

export const requestMembershipAction = cooperativeAction("cooperative:members:manage", joinRequestSchema, async (input, { actor }) => {
  const r = await requestMembership(actor, input);
  revalidate(cooperativeRoutes.members());
  return r;
});

export const cancelJoinRequestAction = cooperativeAction("cooperative:members:manage", joinRequestIdSchema, async (input, { actor }) => {
  const r = await cancelJoinRequest(actor, input);
  revalidate(cooperativeRoutes.members());
  return r;
});

// No revalidation here: the card keeps the answered request with its confirmation ("accepted"/"declined")
// instead of the dashboard re-rendering without it; the next visit shows the new membership.
export const decideJoinRequestAction = umkmAction("org:update", joinDecisionSchema, async (input, { actor }) =>
  decideJoinRequest(actor, input),
);
