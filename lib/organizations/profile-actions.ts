"use server";
// Server actions of the organization profile (/organisasi/profil) and of the platform admins' review of
// proposed identity changes (/admin/verifikasi). The role and ownership checks are in lib/organizations
// (profile.ts, profile-review.ts); the API routes call the same functions.
import { memberAction, platformAction, revalidate, type ActionResult } from "@/lib/auth/action-wrapper";
import { updateOrganizationProfile as updateInLib } from "./profile";
import { decideProfileChange } from "./profile-review";
import { organizationProfileFormSchema, profileReviewFormSchema } from "./profile-schemas";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { organizationRoutes } from "./routes";

const updateAction = memberAction("org:update", organizationProfileFormSchema, async ({ organizationId, ...input }, { actor }) => {
  const profile = await updateInLib(actor, organizationId, input);
  revalidate(organizationRoutes.profile(), organizationRoutes.dashboard());
  return { pending: profile.pendingChange !== null };
});

/** Owners and admins save their organization's profile (identity changes of a verified one wait for review). */
export async function updateOrganizationProfile(first: unknown, second?: unknown): Promise<ActionResult<{ pending: boolean }>> {
  return updateAction(first, second);
}

const decideAction = platformAction("platform:verify", profileReviewFormSchema, async ({ organizationId, ...decision }, { actor }) => {
  const result = await decideProfileChange(actor, organizationId, decision);
  revalidate(supplierRoutes.verificationQueue());
  return result;
});

/** A platform admin approves or returns (with a note) an organization's proposed identity change. */
export async function decideOrganizationProfileChange(
  first: unknown,
  second?: unknown,
): Promise<ActionResult<{ id: string; decision: "approved" | "returned" }>> {
  return decideAction(first, second);
}
