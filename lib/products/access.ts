// Who may keep a product catalogue: a member of an UMKM with "supplier:products:write". The /produk pages show
// everyone else a notice (mayKeepCatalogue); lib/products/catalogue.ts checks again on every read and write.
import { ACTORS, authorize, type AuthorizedActor } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

/** The actor acting for their UMKM with the catalogue permission (403 otherwise). */
export function authorizeCatalogue(actor: Actor | null): AuthorizedActor {
  return authorize(actor, { orgTypes: ACTORS.umkm, permission: "supplier:products:write" });
}

/** May this actor open the /produk pages' forms (rather than the "UMKM only" notice)? */
export function mayKeepCatalogue(actor: Actor): boolean {
  return actor.membership?.organizationType === "umkm" && can(actor.membership, "supplier:products:write");
}
