// Who may open the platform's administration pages (/admin/verifikasi, /admin/pemasok/<id>): users acting for
// the platform organization with permission to verify. A pure predicate for lib/auth/page-guard.ts's
// requirePageActor (everyone else gets the 404 page); lib/organizations and lib/suppliers check again.
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

export function actsAsPlatformVerifier(actor: Actor): boolean {
  return actor.membership?.organizationType === "platform" && can(actor.membership, "platform:verify");
}
