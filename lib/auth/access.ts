// Who may open the platform administration pages (/admin/…): pure predicates for requirePageActor
// (lib/auth/page-guard.ts). Everyone else gets the 404 page — the pages do not exist for them. The data
// functions and actions in lib/ check again.
import { can } from "./permissions";
import type { Actor } from "./types";

/** Acting for the platform organization with permission to verify organizations. */
export const isPlatformVerifier = (actor: Actor): boolean =>
  actor.membership?.organizationType === "platform" && can(actor.membership, "platform:verify");

/** A platform verifier who also administers the platform (e.g. the e-mail outbox). */
export const isPlatformAdmin = (actor: Actor): boolean => isPlatformVerifier(actor) && can(actor.membership, "platform:admin");
