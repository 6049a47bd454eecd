// Who may administer the platform (issue 16 item 4). The administration does not exist for anyone else: a
// signed-in user who is not acting for the platform organization with "platform:admin" gets 404 from every
// admin read, action and /api/v1/admin route (no hint that there is something to be refused); no one signed
// in → 401. The page predicate is isPlatformAdmin in lib/organizations/access.ts.
import type { Actor } from "@/lib/auth/types";
import { notFound, unauthorized } from "@/lib/errors";
import { isPlatformAdmin } from "@/lib/auth/access";

export function requirePlatformAdmin(actor: Actor | null): Actor {
  if (!actor) throw unauthorized();
  if (!isPlatformAdmin(actor)) throw notFound();
  return actor;
}
