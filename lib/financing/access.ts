// Who may see and act on financing requests. A partner bank sees only the requests addressed to it (bankId in
// every where) and decides them; the supplier that asked (an UMKM or a cooperative, issue 13) sees its own
// and may withdraw them; the agreement's parties see the requests on it (lib/agreements/access.ts partyWhere) and its buyer confirms them.
// financingPageView is the pure rule /pembiayaan shows its inbox by; lib/financing checks again on every read.
import "server-only";
import { ACTORS, authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

/** A bank deciding on (and reading) the requests addressed to it. */
export const authorizeBank = (actor: Actor | null) => authorize(actor, { orgTypes: ["bank"], permission: "financing:decide" });

/** May the actor's organization ask banks for financing (as a supplier party; lib/financing checks the party)? */
export function canRequestFinancing(actor: Actor): boolean {
  const type = actor.membership?.organizationType;
  return type !== undefined && (ACTORS.suppliers as readonly string[]).includes(type) && can(actor.membership, "financing:request");
}

/** Which /pembiayaan list the actor gets: a bank's inbox, a supplier's own requests, or none (a notice). */
export function financingPageView(actor: Actor): "bank" | "supplier" | null {
  if (actor.membership?.organizationType === "bank" && can(actor.membership, "financing:decide")) return "bank";
  if (canRequestFinancing(actor)) return "supplier";
  return null;
}

/**
 * Which side of a supply-chain financing programme the actor's organization can be on (issue 13): the buyer that
 * runs it, the bank it is proposed to, or a referred UMKM or cooperative. Everyone else has no part (the pages
 * explain; lib/financing/programmes.ts answers not found). What each may do is still checked in lib.
 */
export function programmeSide(actor: Actor): "buyer" | "bank" | "supplier" | null {
  const type = actor.membership?.organizationType;
  if (type === "buyer") return "buyer";
  if (type === "bank") return "bank";
  if (type === "umkm" || type === "cooperative") return "supplier";
  return null;
}
