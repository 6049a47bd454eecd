// An organization's members (issue 16, ADR 0019): the list (every member reads it; owners and admins also see
// the pending invitations), role changes and removals (owners and admins; only an owner touches an owner),
// and leaving (anyone). The last owner can neither leave, be removed nor be demoted: 409 `conflict`. Every
// change locks the organization's row first, so two concurrent changes cannot both pass the owner count.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { assertNotSuspended } from "@/lib/auth/authorize";
import type { Actor, MemberRole } from "@/lib/auth/types";
import { conflict, notFound } from "@/lib/errors";
import { assertMayTouch, assignableRoles, canManageMembers, assertRoleAllowed, membershipIn, requireMemberManager } from "./access";

/** The team page and GET …/members: members (owners first), and for managers the pending invitations. */
export async function listMembers(actor: Actor | null, organizationId: string, now = new Date()) {
  const viewer = membershipIn(actor, organizationId);
  const manager = canManageMembers(viewer);
  const [org, members, invitations] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true, type: true } }),
    db.membership.findMany({
      where: { organizationId },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ createdAt: "asc" }],
    }),
    manager
      ? db.memberInvitation.findMany({
          where: { organizationId, acceptedAt: null },
          select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { id: true, name: true } } },
          orderBy: { createdAt: "desc" },
        })
      : Promise.resolve([]),
  ]);
  const rank: Record<MemberRole, number> = { owner: 0, admin: 1, approver: 2, member: 3 };
  return {
    organization: org,
    viewer: { userId: actor!.user.id, role: viewer.role, canManage: manager, assignableRoles: manager ? assignableRoles(viewer) : [] },
    members: members
      .map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt }))
      .sort((a, b) => rank[a.role] - rank[b.role]),
    invitations: invitations.map((i) => ({ ...i, expired: i.expiresAt <= now })),
  };
}

type Tx = Prisma.TransactionClient;

/** Locks the organization's row, then reads the target's membership (404 when not a member). */
async function lockedTarget(tx: Tx, organizationId: string, userId: string) {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
  const target = await tx.membership.findUnique({
    where: { userId_organizationId: { userId, organizationId } },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  if (!target) throw notFound();
  return target;
}

async function assertNotLastOwner(tx: Tx, organizationId: string, role: MemberRole, messageKey: string) {
  if (role !== "owner") return;
  const owners = await tx.membership.count({ where: { organizationId, role: "owner" } });
  if (owners <= 1) throw conflict(messageKey);
}

/** Gives a member another role (owners and admins; only an owner makes or demotes an owner). */
export async function changeMemberRole(actor: Actor | null, organizationId: string, userId: string, role: MemberRole) {
  const manager = requireMemberManager(actor, organizationId);
  assertRoleAllowed(manager, role);
  return db.$transaction(async (tx) => {
    const target = await lockedTarget(tx, organizationId, userId);
    assertMayTouch(manager, target.role, role);
    if (target.role === role) return { userId, role };
    if (role !== "owner") await assertNotLastOwner(tx, organizationId, target.role, "members.errors.lastOwnerDemote");
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await audit(tx, {
      organizationId,
      actorId: actor!.user.id,
      action: "member.role_changed",
      entityType: "Membership",
      entityId: target.id,
      data: { userId, email: target.user.email, from: target.role, to: role },
    });
    return { userId, role };
  });
}

/**
 * Removes a member (owners and admins; only an owner removes an owner). Removing oneself is leaving, which
 * every member may do (leaveOrganization). The last owner stays.
 */
export async function removeMember(actor: Actor | null, organizationId: string, userId: string) {
  if (actor && userId === actor.user.id) return leaveOrganization(actor, organizationId);
  const manager = requireMemberManager(actor, organizationId);
  await db.$transaction(async (tx) => {
    const target = await lockedTarget(tx, organizationId, userId);
    assertMayTouch(manager, target.role, null);
    await assertNotLastOwner(tx, organizationId, target.role, "members.errors.lastOwnerRemove");
    await tx.membership.delete({ where: { id: target.id } });
    await audit(tx, {
      organizationId,
      actorId: actor!.user.id,
      action: "member.removed",
      entityType: "Membership",
      entityId: target.id,
      data: { userId, email: target.user.email, role: target.role },
    });
  });
}

/** The caller leaves the organization (any role; the last owner must first make someone else an owner). */
export async function leaveOrganization(actor: Actor | null, organizationId: string) {
  assertNotSuspended(membershipIn(actor, organizationId)); // a suspended organization's members stay (issue 16)
  await db.$transaction(async (tx) => {
    const me = await lockedTarget(tx, organizationId, actor!.user.id);
    await assertNotLastOwner(tx, organizationId, me.role, "members.errors.lastOwnerLeave");
    await tx.membership.delete({ where: { id: me.id } });
    await audit(tx, {
      organizationId,
      actorId: actor!.user.id,
      action: "member.left",
      entityType: "Membership",
      entityId: me.id,
      data: { role: me.role },
    });
  });
}
