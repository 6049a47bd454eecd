// The one authorization check that server actions and API routes share: is this actor, acting for their
// active organization, of an allowed organization type and holding the permission? Domain functions in
// lib/<domain>/ call it (or receive an already-authorized actor from the wrappers) before any write.
import { forbidden, organizationSuspended, unauthorized, verificationRequired } from "@/lib/errors";
import { can, type Permission } from "./permissions";
import type { Actor, OrgType, SessionMembership } from "./types";

export interface AuthorizedActor extends Actor {
  membership: SessionMembership;
}

export interface AuthorizeRule {
  orgTypes?: readonly OrgType[];
  permission?: Permission;
  /**
   * The call writes: a suspended organization (issue 16) is refused with 403 `organization_suspended`. The
   * action wrappers and apiRoute (every method but GET/HEAD/OPTIONS) set it, so no single write can forget it.
   */
  write?: boolean;
}

export function authorize(actor: Actor | null, rule: AuthorizeRule): AuthorizedActor {
  if (!actor) throw unauthorized();
  const m = actor.membership;
  if (!m) throw forbidden("errors.noOrganization");
  if (rule.orgTypes && !rule.orgTypes.includes(m.organizationType)) throw forbidden();
  if (rule.permission && !can(m, rule.permission)) throw forbidden();
  if (rule.write) assertNotSuspended(m);
  return actor as AuthorizedActor;
}

/**
 * A suspended organization's members still sign in and read, but nothing they do for it is written: every
 * server action (lib/auth/action-wrapper.ts) and every API write (lib/api/actor.ts, lib/api/route.ts) calls
 * this for the organization the actor acts for.
 */
export function assertNotSuspended(membership: SessionMembership | null | undefined): void {
  if (membership?.suspended) throw organizationSuspended();
}

export const ACTORS = {
  umkm: ["umkm"],
  buyer: ["buyer"],
  cooperative: ["cooperative"],
  ministry: ["ministry"],
  bank: ["bank"],
  platform: ["platform"],
  clusterManager: ["cluster_manager"],
  regionalGovernment: ["regional_government"],
  /** Who may create and manage clusters (issue 12): the creator manages the cluster. */
  clusterOwners: ["cluster_manager", "ministry", "regional_government"],
  /** Who may be a cluster's member (issue 12). */
  clusterMembers: ["umkm", "cooperative"],
  /** Both sides of a partnership. */
  party: ["umkm", "buyer", "cooperative"],
  /** The supplier side: UMKM and cooperatives (issue 13: a cooperative requests financing like an UMKM). */
  supplier: ["umkm", "cooperative"],
} as const satisfies Record<string, readonly OrgType[]>;

/**
 * Acting on others (publishing an RFQ, inviting suppliers, proposing an agreement, ...) needs an organization
 * a platform admin has verified: anything else is 403 `verification_required`, whose message says what to do
 * next. Drafts and the organization's own data stay open to unverified organizations.
 */
export function requireVerified<A extends AuthorizedActor>(actor: A): A {
  if (actor.membership.verificationStatus !== "verified") throw verificationRequired();
  return actor;
}
