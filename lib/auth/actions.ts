"use server";
// Server actions behind the sign-up form, password reset and change, the API token panel, the organization switcher and the platform's
// verification queue. Each one checks who is asking in lib/ (the wrappers in ./action-wrapper.ts), never only in the
// UI: these are public endpoints that anyone can call with any input.
//
// Every export is an async function taking either a plain object or (previousState, FormData), so a client
// component can use it with useActionState or call it directly.
import { cookies, headers } from "next/headers";
import { clientAddress } from "./client-address";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { forbidden, notFound } from "@/lib/errors";
import { decideVerification as decideVerificationInLib, resubmitForVerification as resubmitInLib } from "@/lib/organizations/service";
import { resubmitVerificationSchema, switchOrganizationSchema, verificationDecisionSchema } from "@/lib/organizations/schemas";
import { registerAccount } from "./accounts";
import type { SignupOrgType } from "./schemas";
import { organizationRoutes } from "@/lib/organizations/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { changePassword as changePasswordInLib } from "./password-change";
import {
  requestPasswordReset as requestPasswordResetInLib,
  resetPassword as resetPasswordInLib,
  type PasswordResetRequested,
} from "./password-reset";
import {
  actionLocale,
  formDataToObject,
  memberAction,
  platformAction,
  revalidate,
  toActionError,
  userAction,
  type ActionResult,
} from "./action-wrapper";
import { createTokenSchema, passwordChangeSchema } from "./schemas";
import { ACTIVE_ORG_COOKIE } from "./session";
import { createApiToken, revokeApiToken, type IssuedToken } from "./tokens";

function input(first: unknown, second?: unknown): unknown {
  if (second instanceof FormData) return formDataToObject(second);
  if (first instanceof FormData) return formDataToObject(first);
  return first;
}

// ---------------------------------------------------------------------------------------------
// Sign-up (public: no session yet)
// ---------------------------------------------------------------------------------------------

export interface SignUpResult {
  email: string;
  organizationType: SignupOrgType;
  verificationStatus: string;
}

/**
 * Creates the account and its organization. The client then signs in with the same email and password
 * (next-auth's credentials flow sets the session cookie) and goes to /dasbor. Never echoes the password.
 */
export async function signUp(first: unknown, second?: unknown): Promise<ActionResult<SignUpResult>> {
  try {
    const locale = await actionLocale();
    const address = clientAddress(await headers());
    const account = await registerAccount(input(first, second), { locale, address });
    return {
      ok: true,
      data: {
        email: account.user.email,
        organizationType: account.organization.type,
        verificationStatus: account.organization.verificationStatus,
      },
    };
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}

// ---------------------------------------------------------------------------------------------
// API tokens (the signed-in user's own)
// ---------------------------------------------------------------------------------------------

const createTokenAction = userAction(createTokenSchema, async (data, { actor }) => {
  // Only a signed-in browser session makes tokens (issue 11): never a caller that authenticated with one.
  if (actor.via !== "session") throw forbidden("tokens.errors.sessionOnly");
  const issued = await createApiToken(actor.user.id, data);
  revalidate(organizationRoutes.dashboard()); // the tokens panel
  return issued;
});

/**
 * Creates a named token with an expiry (1–365 days, default 90) and a scope ("read", the default, or
 * "read write"); the result carries the secret, which is shown once and never stored.
 */
export async function createToken(first: unknown, second?: unknown): Promise<ActionResult<IssuedToken>> {
  return createTokenAction(first, second);
}

const revokeTokenSchema = z.object({ tokenId: z.string({ error: "errors.field.required" }).min(1, "errors.field.required") });

const revokeTokenAction = userAction(revokeTokenSchema, async ({ tokenId }, { actor }) => {
  // Scoped to the actor's own tokens in lib/: someone else's token is "not found".
  await revokeApiToken(actor.user.id, tokenId);
  revalidate(organizationRoutes.dashboard());
  return { tokenId };
});

export async function revokeToken(first: unknown, second?: unknown): Promise<ActionResult<{ tokenId: string }>> {
  return revokeTokenAction(first, second);
}

// ---------------------------------------------------------------------------------------------
// Active organization
// ---------------------------------------------------------------------------------------------

const switchOrganizationAction = userAction(
  switchOrganizationSchema,
  async ({ organizationId }, { actor }) => {
    // Only an organization the user belongs to (read fresh from the database); anything else is "not found".
    const membership = actor.user.memberships.find((m) => m.organizationId === organizationId);
    if (!membership) throw notFound();
    (await cookies()).set(ACTIVE_ORG_COOKIE, membership.organizationId, {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production" && (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
      path: "/",
      maxAge: 365 * 24 * 60 * 60,
    });
    return { organizationId: membership.organizationId, organizationType: membership.organizationType };
  },
  { whileSuspended: true },
); // a member of a suspended organization may still switch to another one

/** Makes one of the user's organizations the active one (setting a cookie re-renders the page). */
export async function switchOrganization(
  first: unknown,
  second?: unknown,
): Promise<ActionResult<{ organizationId: string; organizationType: string }>> {
  return switchOrganizationAction(first, second);
}

// ---------------------------------------------------------------------------------------------
// Verification (platform admins)
// ---------------------------------------------------------------------------------------------

const decideVerificationAction = platformAction("platform:verify", verificationDecisionSchema, async (data, { actor }) => {
  await decideVerificationInLib(actor, data);
  // The queue is on the dashboard and on /admin/verifikasi; the organization's review page shows the decision.
  revalidate(organizationRoutes.dashboard(), supplierRoutes.verificationQueue(), supplierRoutes.review(data.organizationId));
  return { organizationId: data.organizationId, decision: data.decision };
});

/** Verifies an organization, or returns it with a note (required). Platform admins only, checked in lib/. */
export async function decideVerification(
  first: unknown,
  second?: unknown,
): Promise<ActionResult<{ organizationId: string; decision: "verified" | "returned" }>> {
  return decideVerificationAction(first, second);
}

const resubmitVerificationAction = memberAction("org:update", resubmitVerificationSchema, async (data, { actor }) => {
  await resubmitInLib(actor, data);
  revalidate(organizationRoutes.dashboard()); // the organization card
  return { resubmitted: true as const };
});

/** A returned buyer or cooperative asks the platform to review it again (owners and admins; checked in lib/). */
export async function resubmitVerification(first: unknown, second?: unknown): Promise<ActionResult<{ resubmitted: true }>> {
  return resubmitVerificationAction(first, second);
}

// ---------------------------------------------------------------------------------------------
// Password reset (public: the e-mail link is the authority) and change (the signed-in user's own)
// ---------------------------------------------------------------------------------------------

/**
 * "Forgot password": sends a reset link if the address has an account. The result is the same for every
 * address (only a malformed address or the rate limit answer otherwise, alike for all).
 */
export async function requestPasswordReset(first: unknown, second?: unknown): Promise<ActionResult<PasswordResetRequested>> {
  try {
    const address = clientAddress(await headers());
    return { ok: true, data: await requestPasswordResetInLib(input(first, second), { address }) };
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}

/**
 * Sets a new password with a reset link's secret (`token`, read from the link by the page and posted in the
 * form body). Every session and API token of the user ends; the user then signs in with the new password.
 */
export async function resetPassword(first: unknown, second?: unknown): Promise<ActionResult<{ reset: true }>> {
  try {
    const address = clientAddress(await headers());
    await resetPasswordInLib(input(first, second), { address });
    return { ok: true, data: { reset: true } };
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}

const changePasswordAction = userAction(passwordChangeSchema, async (data, { actor }) => {
  const address = clientAddress(await headers());
  const { email } = await changePasswordInLib(actor.user.id, data, { address });
  // The form signs this browser in again with the new password (a fresh JWT under the new session version).
  return { email };
});

/** The signed-in user changes their password (the current one required); every other session ends. */
export async function changePassword(first: unknown, second?: unknown): Promise<ActionResult<{ email: string }>> {
  return changePasswordAction(first, second);
}
