// Cluster membership (issue 12; docs/decisions/0022-clusters.md). One ClusterMember row per cluster and
// organization, its status moving:
//   (none | left | declined*) --ask--> requested --manager accepts--> active
//                                         requested --manager declines--> declined
//   (none | left | declined)  --manager invites--> invited --org accepts--> active / --org declines--> declined
//   active --member leaves / manager removes--> left      requested --member withdraws--> left
// *asking again after the manager declined waits REASK_AFTER_DAYS (each request notifies the manager).
// Asking is open to unverified UMKM and cooperatives (the manager sees the verification status and decides);
// everything the manager does acts on others and needs a verified manager. Another manager's cluster is 404.
import "server-only";
import { db } from "@/lib/db";
import { authorize, ACTORS, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { fieldErrors } from "@/lib/auth/schemas";
import { conflict, invalidInput, notFound, unauthorized } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import type { z } from "zod";
import { clusterRoutes } from "./routes";
import { clusterOwner } from "./manage";
import { managedBy } from "./access";
import {
  candidateSearchSchema,
  clusterRefSchema,
  invitationAnswerSchema,
  inviteByNameSchema,
  memberDecisionSchema,
  memberRefSchema,
} from "./schemas";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const REASK_AFTER_DAYS = 30;
const CANDIDATES_LIMIT = 10;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  return parsed.data;
}

/** An UMKM or cooperative acting for itself (asking, answering, leaving). */
function clusterMemberActor(actor: Actor | null): AuthorizedActor {
  return authorize(actor, { orgTypes: ACTORS.clusterMembers, permission: "cluster:join", write: true });
}

/** Owners and admins of an organization: who is told about its cluster requests and invitations. */
export async function deciders(tx: Pick<Tx, "membership">, organizationId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({ where: { organizationId, role: { in: ["owner", "admin"] } }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

async function lockedRow(tx: Tx, clusterId: string, organizationId: string) {
  // Serializes everything done to one cluster's membership of one organization (two clicks, two people).
  await tx.$queryRaw`SELECT id FROM "Cluster" WHERE id = ${clusterId} FOR UPDATE`;
  return tx.clusterMember.findUnique({
    where: { clusterId_organizationId: { clusterId, organizationId } },
    select: { id: true, status: true, decidedAt: true },
  });
}

/** An UMKM or cooperative asks to join a cluster (→ requested); the manager's owners and admins are told. */
export async function requestToJoin(actor: Actor | null, input: unknown) {
  const a = clusterMemberActor(actor);
  const { clusterId } = parse(clusterRefSchema, input);
  const orgId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true, name: true, managerId: true } });
    if (!cluster) throw notFound();
    const row = await lockedRow(tx, cluster.id, orgId);
    if (row?.status === "active") throw conflict("clusters.errors.alreadyMember");
    if (row?.status === "requested") throw conflict("clusters.errors.alreadyRequested");
    if (row?.status === "invited") throw conflict("clusters.errors.alreadyInvited");
    if (row?.status === "declined" && row.decidedAt && row.decidedAt.getTime() > Date.now() - REASK_AFTER_DAYS * 86_400_000)
      throw conflict("clusters.errors.recentlyDeclined");
    const now = new Date();
    const fields = { status: "requested" as const, requestedAt: now, decidedAt: null, joinedAt: null, leftAt: null, invitedById: null };
    const member = row
      ? await tx.clusterMember.update({ where: { id: row.id }, data: fields, select: { id: true } })
      : await tx.clusterMember.create({ data: { clusterId: cluster.id, organizationId: orgId, ...fields }, select: { id: true } });
    await audit(tx, {
      organizationId: orgId,
      actorId: a.user.id,
      action: "cluster.join.requested",
      entityType: "Cluster",
      entityId: cluster.id,
      data: { clusterName: cluster.name },
    });
    await audit(tx, {
      organizationId: cluster.managerId,
      actorId: a.user.id,
      action: "cluster.join.requested",
      entityType: "ClusterMember",
      entityId: member.id,
      data: { clusterName: cluster.name, organizationName: a.membership.organizationName },
    });
    await notify(tx, {
      type: "cluster.join_requested",
      userIds: await deciders(tx, cluster.managerId),
      organizationId: cluster.managerId,
      params: { clusterName: cluster.name, organizationName: a.membership.organizationName },
      link: clusterRoutes.manage(cluster.id),
    });
    return { clusterId: cluster.id, organizationId: orgId, status: "requested" as const };
  });
}

/** The manager's cluster, locked; 404 for anyone else's. */
async function ownCluster(tx: Tx, managerId: string, clusterId: string) {
  const cluster = await tx.cluster.findFirst({ where: { id: clusterId, ...managedBy(managerId) }, select: { id: true, name: true } });
  if (!cluster) throw notFound();
  await tx.$queryRaw`SELECT id FROM "Cluster" WHERE id = ${cluster.id} FOR UPDATE`;
  return cluster;
}

/** The manager accepts (→ active) or declines (→ declined) a pending request; the requester is told. */
export async function decideJoinRequest(actor: Actor | null, input: unknown) {
  const a = clusterOwner(actor);
  const { clusterId, organizationId, decision } = parse(memberDecisionSchema, input);
  const managerId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const cluster = await ownCluster(tx, managerId, clusterId);
    const now = new Date();
    const status = decision === "accept" ? ("active" as const) : ("declined" as const);
    const done = await tx.clusterMember.updateMany({
      where: { clusterId: cluster.id, organizationId, status: "requested" },
      data: { status, decidedAt: now, ...(status === "active" ? { joinedAt: now } : {}) },
    });
    if (done.count !== 1) throw notFound();
    const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
    const action = status === "active" ? "cluster.join.accepted" : "cluster.join.declined";
    for (const [owner, entityType, entityId] of [
      [managerId, "Organization", organizationId],
      [organizationId, "Cluster", cluster.id],
    ] as const)
      await audit(tx, {
        organizationId: owner,
        actorId: a.user.id,
        action,
        entityType,
        entityId,
        data: { clusterName: cluster.name, organizationName: org.name },
      });
    await notify(tx, {
      type: status === "active" ? "cluster.join_accepted" : "cluster.join_declined",
      userIds: await deciders(tx, organizationId),
      organizationId,
      params: { clusterName: cluster.name, managerName: a.membership.organizationName },
      link: clusterRoutes.detail(cluster.id),
    });
    return { clusterId: cluster.id, organizationId, status };
  });
}

/** The manager invites an UMKM or cooperative by name (→ invited); its owners and admins are told. */
export async function inviteMember(actor: Actor | null, input: unknown) {
  const a = clusterOwner(actor);
  const { clusterId, organizationId } = parse(inviteByNameSchema, input);
  const managerId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const cluster = await ownCluster(tx, managerId, clusterId);
    const target = await tx.organization.findFirst({
      where: { id: organizationId, type: { in: [...ACTORS.clusterMembers] } },
      select: { id: true, name: true },
    });
    if (!target) throw notFound();
    const row = await tx.clusterMember.findUnique({
      where: { clusterId_organizationId: { clusterId: cluster.id, organizationId: target.id } },
      select: { id: true, status: true },
    });
    if (row?.status === "active") throw conflict("clusters.errors.alreadyMember");
    if (row?.status === "invited") throw conflict("clusters.errors.alreadyInvited");
    if (row?.status === "requested") throw conflict("clusters.errors.requestPending");
    const now = new Date();
    const fields = { status: "invited" as const, invitedById: a.user.id, requestedAt: now, decidedAt: null, joinedAt: null, leftAt: null };
    const member = row
      ? await tx.clusterMember.update({ where: { id: row.id }, data: fields, select: { id: true } })
      : await tx.clusterMember.create({ data: { clusterId: cluster.id, organizationId: target.id, ...fields }, select: { id: true } });
    await audit(tx, {
      organizationId: managerId,
      actorId: a.user.id,
      action: "cluster.member.invited",
      entityType: "ClusterMember",
      entityId: member.id,
      data: { clusterName: cluster.name, organizationName: target.name },
    });
    await notify(tx, {
      type: "cluster.invited",
      userIds: await deciders(tx, target.id),
      organizationId: target.id,
      params: { clusterName: cluster.name, managerName: a.membership.organizationName },
      link: clusterRoutes.detail(cluster.id),
    });
    return { clusterId: cluster.id, organizationId: target.id, status: "invited" as const };
  });
}

/** The invited UMKM or cooperative accepts (→ active) or declines (→ declined). */
export async function answerInvitation(actor: Actor | null, input: unknown) {
  const a = clusterMemberActor(actor);
  const { clusterId, decision } = parse(invitationAnswerSchema, input);
  const orgId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const row = await lockedRow(tx, clusterId, orgId);
    if (row?.status !== "invited") throw notFound();
    const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: clusterId }, select: { id: true, name: true, managerId: true } });
    const now = new Date();
    const status = decision === "accept" ? ("active" as const) : ("declined" as const);
    await tx.clusterMember.update({
      where: { id: row.id, status: "invited" },
      data: { status, decidedAt: now, ...(status === "active" ? { joinedAt: now } : {}) },
    });
    const action = status === "active" ? "cluster.invitation.accepted" : "cluster.invitation.declined";
    for (const [owner, entityType, entityId] of [
      [orgId, "Cluster", cluster.id],
      [cluster.managerId, "ClusterMember", row.id],
    ] as const)
      await audit(tx, {
        organizationId: owner,
        actorId: a.user.id,
        action,
        entityType,
        entityId,
        data: { clusterName: cluster.name, organizationName: a.membership.organizationName },
      });
    return { clusterId: cluster.id, organizationId: orgId, status };
  });
}

/** A member leaves (→ left; it may ask again later). A pending request is withdrawn the same way. */
export async function leaveCluster(actor: Actor | null, input: unknown) {
  const a = clusterMemberActor(actor);
  const { clusterId } = parse(clusterRefSchema, input);
  const orgId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const row = await lockedRow(tx, clusterId, orgId);
    if (row?.status !== "active" && row?.status !== "requested") throw notFound();
    const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: clusterId }, select: { id: true, name: true, managerId: true } });
    await tx.clusterMember.update({ where: { id: row.id }, data: { status: "left", leftAt: new Date() } });
    for (const [owner, entityType, entityId] of [
      [orgId, "Cluster", cluster.id],
      [cluster.managerId, "ClusterMember", row.id],
    ] as const)
      await audit(tx, {
        organizationId: owner,
        actorId: a.user.id,
        action: row.status === "active" ? "cluster.member.left" : "cluster.join.withdrawn",
        entityType,
        entityId,
        data: { clusterName: cluster.name, organizationName: a.membership.organizationName },
      });
    return { clusterId: cluster.id, organizationId: orgId, status: "left" as const };
  });
}

/** The manager removes a member (or withdraws an invitation): → left. */
export async function removeMember(actor: Actor | null, input: unknown) {
  const a = clusterOwner(actor);
  const { clusterId, organizationId } = parse(memberRefSchema, input);
  const managerId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const cluster = await ownCluster(tx, managerId, clusterId);
    const done = await tx.clusterMember.updateMany({
      where: { clusterId: cluster.id, organizationId, status: { in: ["active", "invited"] } },
      data: { status: "left", leftAt: new Date() },
    });
    if (done.count !== 1) throw notFound();
    for (const owner of [managerId, organizationId])
      await audit(tx, {
        organizationId: owner,
        actorId: a.user.id,
        action: "cluster.member.removed",
        entityType: "Cluster",
        entityId: cluster.id,
        data: { clusterName: cluster.name, organizationId },
      });
    return { clusterId: cluster.id, organizationId, status: "left" as const };
  });
}

/**
 * DELETE /api/v1/clusters/{id}/members/{orgId}: the member itself leaves, or the cluster's manager removes it.
 * Anyone else: 404 (the cluster's membership is not theirs to see).
 */
export async function deleteMembership(actor: Actor | null, input: unknown) {
  const { clusterId, organizationId } = parse(memberRefSchema, input);
  const m = actor?.membership;
  if (!actor) throw unauthorized();
  if (m && m.organizationId === organizationId && (ACTORS.clusterMembers as readonly string[]).includes(m.organizationType))
    return leaveCluster(actor, { clusterId });
  if (m && (ACTORS.clusterOwners as readonly string[]).includes(m.organizationType))
    return removeMember(actor, { clusterId, organizationId });
  authorize(actor, { orgTypes: [...ACTORS.clusterMembers, ...ACTORS.clusterOwners], write: true });
  throw notFound();
}

export interface InviteCandidate {
  organizationId: string;
  name: string;
  type: "umkm" | "cooperative";
  nib: string | null;
  regencyName: string | null;
  verified: boolean;
  status: "requested" | "invited" | "active" | "declined" | "left" | null;
}

/** UMKM and cooperatives the manager may invite, by name (at least 3 characters), with their verification. */
export async function findInviteCandidates(actor: Actor | null, input: unknown): Promise<InviteCandidate[]> {
  const a = clusterOwner(actor);
  const { clusterId, q } = parse(candidateSearchSchema, input);
  if (q.length < 3) return [];
  const cluster = await db.cluster.findFirst({ where: { id: clusterId, ...managedBy(a.membership.organizationId) }, select: { id: true } });
  if (!cluster) throw notFound();
  const rows = await db.organization.findMany({
    where: { type: { in: ["umkm", "cooperative"] }, name: { contains: q, mode: "insensitive" }, suspendedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CANDIDATES_LIMIT,
    select: {
      id: true,
      name: true,
      type: true,
      verificationStatus: true,
      regency: { select: { name: true } },
      supplierProfile: { select: { nib: true } },
      clusterMemberships: { where: { clusterId: cluster.id }, select: { status: true } },
    },
  });
  return rows.map((r) => ({
    organizationId: r.id,
    name: r.name,
    type: r.type as "umkm" | "cooperative",
    nib: r.supplierProfile?.nib ?? null,
    regencyName: r.regency?.name ?? null,
    verified: r.verificationStatus === "verified",
    status: r.clusterMemberships[0]?.status ?? null,
  }));
}
