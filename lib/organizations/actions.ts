"use server";
// Server actions of the team page (/organisasi/anggota) and the invitation page (/undangan), issue 16. The
// team actions act on the caller's ACTIVE organization (never an id from the form) through memberAction
// with "org:members:manage"; the rules about whom (owners, the last owner) are checked in ./members.ts and
// ./invitations.ts. The invitation token always arrives in the action's POST body.
import { cookies, headers } from "next/headers";
import { z } from "zod";
import {
  actionLocale,
  formDataToObject,
  memberAction,
  revalidate,
  toActionError,
  userAction,
  type ActionResult,
} from "@/lib/auth/action-wrapper";
import { clientAddress } from "@/lib/auth/client-address";
import { ACTIVE_ORG_COOKIE } from "@/lib/auth/session";
import { acceptInvitation, acceptWithSignUp, inviteMember, previewInvitation, revokeInvitation } from "./invitations";
import { changeMemberRole, leaveOrganization, removeMember } from "./members";
import { organizationRoutes } from "./routes";
import { changeMemberRoleSchema, invitationTokenSchema, inviteMemberSchema, memberTargetSchema, revokeInvitationSchema } from "./schemas";

const team = organizationRoutes.team();

export const inviteMemberAction = memberAction("org:members:manage", inviteMemberSchema, async (data, { actor }) => {
  const inv = await inviteMember(actor, actor.membership.organizationId, data);
  revalidate(team);
  return { email: inv.email, role: inv.role };
});

export const changeMemberRoleAction = memberAction("org:members:manage", changeMemberRoleSchema, async ({ userId, role }, { actor }) => {
  const result = await changeMemberRole(actor, actor.membership.organizationId, userId, role);
  revalidate(team);
  return result;
});

export const removeMemberAction = memberAction("org:members:manage", memberTargetSchema, async ({ userId }, { actor }) => {
  await removeMember(actor, actor.membership.organizationId, userId);
  revalidate(team);
  return { userId };
});

export const revokeInvitationAction = memberAction("org:members:manage", revokeInvitationSchema, async ({ invitationId }, { actor }) => {
  await revokeInvitation(actor, actor.membership.organizationId, invitationId);
  revalidate(team);
  return { invitationId };
});

/** The caller leaves their active organization (any role but the last owner), then goes to the dashboard. */
export const leaveOrganizationAction = memberAction(null, z.object({}), async (_data, { actor }) => {
  await leaveOrganization(actor, actor.membership.organizationId);
  (await cookies()).delete(ACTIVE_ORG_COOKIE);
  revalidate(organizationRoutes.dashboard());
  return { left: true as const };
});

/** The invitation page's first step: what the token is for (null when it cannot be used). Public. */
export async function previewInvitationAction(input: unknown): Promise<ActionResult<Awaited<ReturnType<typeof previewInvitation>>>> {
  try {
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = invitationTokenSchema.safeParse(raw);
    return { ok: true, data: parsed.success ? await previewInvitation(parsed.data.token) : null };
  } catch (err) {
    return toActionError(err);
  }
}

/** The signed-in invitee accepts; the new organization becomes the active one. */
export const acceptInvitationAction = userAction(invitationTokenSchema, async ({ token }, { actor }) => {
  const joined = await acceptInvitation(actor, token);
  await makeActive(joined.organizationId);
  revalidate(organizationRoutes.dashboard());
  return joined;
});

/**
 * An invitee without an account signs up and joins in one step (public: the token is the authority). The
 * client then signs in with the same address and password, as after the ordinary sign-up.
 */
export async function acceptWithSignUpAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const joined = await acceptWithSignUp(raw, { locale: await actionLocale(), address: clientAddress(await headers()) });
    await makeActive(joined.organizationId);
    return { ok: true, data: { email: joined.email } };
  } catch (err) {
    return toActionError(err);
  }
}

async function makeActive(organizationId: string) {
  try {
    (await cookies()).set(ACTIVE_ORG_COOKIE, organizationId, {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production" && (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
      path: "/",
      maxAge: 365 * 24 * 60 * 60,
    });
  } catch {
    // outside a Next.js request (tests): nothing to remember
  }
}
