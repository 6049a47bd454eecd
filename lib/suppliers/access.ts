// Who may see and change a supplier (UMKM) profile. Tenancy is in the `where` clause: another UMKM's profile
// is "not found" (404), exactly like one that does not exist. The page predicate (`actsForUmkm`) is passed to
// lib/auth/page-guard.ts's requirePageActor; lib/suppliers checks again on every read and write.
import type { Prisma } from "@/lib/db/generated/client";
import { authorize, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { notFound, unauthorized } from "@/lib/errors";

/** The /profil-usaha pages exist for users acting for an UMKM (everyone else gets the 404 page). */
export function actsForUmkm(actor: Actor): boolean {
  return actor.membership?.organizationType === "umkm";
}

/**
 * The actor as a member of `supplierId` (an UMKM), whatever organization they are acting for at the moment,
 * with the permission to edit it. Not a member (or not an UMKM) → not found.
 */
export function authorizeSupplierMember(actor: Actor | null, supplierId: string): AuthorizedActor {
  if (!actor) throw unauthorized();
  const membership = actor.user.memberships.find((m) => m.organizationId === supplierId && m.organizationType === "umkm");
  if (!membership) throw notFound();
  return authorize({ ...actor, membership }, { orgTypes: ["umkm"], permission: "supplier:profile:update", write: true });
}

/** Rows of `supplierId` that `userId` may see as a member: tenancy in the where clause. */
export function memberProfileWhere(supplierId: string, userId: string): Prisma.SupplierProfileWhereInput {
  return { organizationId: supplierId, organization: { type: "umkm", memberships: { some: { userId } } } };
}
