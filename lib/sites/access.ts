// Who may maintain the reference list of industrial estates and UMKM centres (issue 12): platform admins
// (isPlatformAdmin). The list itself is public (GET /api/v1/sites, /kawasan), so a refusal is 403, not 404 —
// the resource exists for everybody; only changing it is reserved. No one signed in → 401.
import type { Actor } from "@/lib/auth/types";
import { isPlatformAdmin } from "@/lib/auth/access";
import { assertNotSuspended } from "@/lib/auth/authorize";
import { forbidden, unauthorized } from "@/lib/errors";

interface SiteAdmin extends Actor {
  membership: NonNullable<Actor["membership"]>;
}

export function requireSiteAdmin(actor: Actor | null): SiteAdmin {
  if (!actor) throw unauthorized();
  if (!actor.membership) throw forbidden("errors.noOrganization");
  if (!isPlatformAdmin(actor)) throw forbidden();
  assertNotSuspended(actor.membership);
  return actor as SiteAdmin;
}

/** Organization types that may say which site they are on (their profile's optional select). */
export const SITE_MEMBER_ORG_TYPES = ["umkm", "buyer"] as const;
