// Who may see and change an organization's members (issue 16, ADR 0019). The permission itself comes from
// the one role × permission table (lib/auth/permissions.ts: "org:read", "org:members:manage"); the rules
// here are about WHOM an action touches: only an owner makes, demotes or removes an owner (or invites or
// revokes an owner's invitation), and a role the organization's type does not have (an approver outside
// buyers) is refused. Another organization's members do not exist for the caller: 404, never 403.
import { can, rolesFor } from "@/lib/auth/permissions";
import { assertNotSuspended } from "@/lib/auth/authorize";
import type { Actor, MemberRole, SessionMembership } from "@/lib/auth/types";
import { forbidden, invalidInput, notFound } from "@/lib/errors";

/** The caller's membership in `organizationId` (any of their organizations, not only the active one), or 404. */
export function membershipIn(actor: Actor | null, organizationId: string): SessionMembership {
  const m = actor?.user.memberships.find((x) => x.organizationId === organizationId);
  if (!m) throw notFound();
  return m;
}

/** May this membership invite, change roles, remove members and revoke invitations? (the team page's forms) */
export function canManageMembers(m: Pick<SessionMembership, "organizationType" | "role"> | null | undefined): boolean {
  return can(m, "org:members:manage");
}

/**
 * The caller's membership in the organization, when it may manage members: else 404 (not a member) or 403.
 * Every caller writes: the TARGET organization must not be suspended (whichever one the caller acts for).
 */
export function requireMemberManager(actor: Actor | null, organizationId: string): SessionMembership {
  const m = membershipIn(actor, organizationId);
  if (!canManageMembers(m)) throw forbidden("members.errors.notManager");
  assertNotSuspended(m);
  return m;
}

/** A role this organization's type can give (an approver only at buyers): else a field error on `role`. */
export function assertRoleAllowed(m: Pick<SessionMembership, "organizationType">, role: MemberRole): void {
  if (!rolesFor(m.organizationType).includes(role)) throw invalidInput({ role: ["members.errors.roleNotForType"] });
}

/**
 * Only an owner gives the owner role, or changes, removes or revokes an owner (an admin manages everyone
 * else). `target` is the member's or invitation's current role, `next` the role it would get.
 */
export function assertMayTouch(manager: Pick<SessionMembership, "role">, target: MemberRole | null, next: MemberRole | null): void {
  if (manager.role === "owner") return;
  if (target === "owner" || next === "owner") throw forbidden("members.errors.ownerOnly");
}

/** The roles this manager may hand out (for the forms): an admin cannot make owners. */
export function assignableRoles(m: Pick<SessionMembership, "organizationType" | "role">): MemberRole[] {
  return rolesFor(m.organizationType).filter((r) => m.role === "owner" || r !== "owner");
}

/** Pages of one's own organization (the team page): a signed-in user acting for an organization. */
export const hasOrganization = (actor: Actor): boolean => actor.membership !== null;
// Who may open the organization profile (/organisasi/profil): pure predicates for lib/auth/page-guard.ts's
// requirePageActor and the dashboard's link (no next/navigation here); lib/organizations/profile.ts checks again.
// (The platform admin pages' predicate is lib/auth/access.ts isPlatformVerifier.)

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
