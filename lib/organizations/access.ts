// Who may open the organization profile (/organisasi/profil): pure predicates for lib/auth/page-guard.ts's
// requirePageActor and the dashboard's link (no next/navigation here); lib/organizations/profile.ts checks again.
// (The platform admin pages' predicate is lib/auth/access.ts isPlatformVerifier.)
import type { Actor } from "@/lib/auth/types";

/** The organization types whose profile is /organisasi/profil (UMKM keep theirs in lib/suppliers; issue 16). */
export const PROFILE_ORG_TYPES = ["buyer", "cooperative", "bank", "ministry"] as const;

/** True for the organization types that have /organisasi/profil. */
export function isProfileOrgType(type: string | undefined): boolean {
  return type !== undefined && (PROFILE_ORG_TYPES as readonly string[]).includes(type);
}

/** Who may open /organisasi/profil: members of a buyer, cooperative, bank or ministry office. */
export function hasOrganizationProfile(actor: Actor): boolean {
  return isProfileOrgType(actor.membership?.organizationType);
}
