// Who may open the platform's administration pages (/admin/verifikasi, /admin/pemasok/<id>): users acting for
// the platform organization with permission to verify. A pure predicate for lib/auth/page-guard.ts's
// requirePageActor (everyone else gets the 404 page); lib/organizations and lib/suppliers check again.
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

export function actsAsPlatformVerifier(actor: Actor): boolean {
  return actor.membership?.organizationType === "platform" && can(actor.membership, "platform:verify");
}

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
