// Cluster anchors (issue 12; docs/decisions/0022-clusters.md): the (verified) manager invites a VERIFIED buyer
// (→ invited; its owners and admins are told); the buyer's owner or admin ("cluster:anchor") accepts (→ active)
// or declines (→ declined); an anchor can leave (→ left). The manager may invite again after a decline or a
// leave. Another manager's cluster is 404; a buyer answers only its own invitation.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { authorize, ACTORS, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { fieldErrors } from "@/lib/auth/schemas";
import { conflict, forbidden, invalidInput, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { clusterRoutes } from "./routes";
import { clusterOwner } from "./manage";
import { deciders } from "./membership";
import { isOwnerOrAdmin, managedBy } from "./access";
import { anchorInviteSchema, candidateSearchSchema, clusterRefSchema, invitationAnswerSchema } from "./schemas";

const CANDIDATES_LIMIT = 10;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  return parsed.data;
}

/** A buyer's owner or admin answering for the buyer. */
function anchorActor(actor: Actor | null): AuthorizedActor {
  const a = authorize(actor, { orgTypes: ACTORS.buyer, permission: "cluster:anchor", write: true });
  if (!isOwnerOrAdmin(a)) throw forbidden();
  return a;
}

export async function inviteAnchor(actor: Actor | null, input: unknown) {
  const a = clusterOwner(actor);
  const { clusterId, buyerId } = parse(anchorInviteSchema, input);
  const managerId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({ where: { id: clusterId, ...managedBy(managerId) }, select: { id: true, name: true } });
    if (!cluster) throw notFound();
    await tx.$queryRaw`SELECT id FROM "Cluster" WHERE id = ${cluster.id} FOR UPDATE`;
    const buyer = await tx.organization.findFirst({
      where: { id: buyerId, type: "buyer" },
      select: { id: true, name: true, verificationStatus: true },
    });
    if (!buyer) throw invalidInput({ buyerId: ["clusters.errors.buyerUnknown"] }, "clusters.errors.buyerUnknown");
    if (buyer.verificationStatus !== "verified")
      throw invalidInput({ buyerId: ["clusters.errors.buyerNotVerified"] }, "clusters.errors.buyerNotVerified");
    const row = await tx.clusterAnchor.findUnique({
      where: { clusterId_buyerId: { clusterId: cluster.id, buyerId: buyer.id } },
      select: { id: true, status: true },
    });
    if (row?.status === "active") throw conflict("clusters.errors.alreadyAnchor");
    if (row?.status === "invited") throw conflict("clusters.errors.alreadyInvited");
    const now = new Date();
    const fields = { status: "invited" as const, invitedById: a.user.id, invitedAt: now, decidedAt: null };
    const anchor = row
      ? await tx.clusterAnchor.update({ where: { id: row.id }, data: fields, select: { id: true } })
      : await tx.clusterAnchor.create({ data: { clusterId: cluster.id, buyerId: buyer.id, ...fields }, select: { id: true } });
    await audit(tx, {
      organizationId: managerId,
      actorId: a.user.id,
      action: "cluster.anchor.invited",
      entityType: "ClusterAnchor",
      entityId: anchor.id,
      data: { clusterName: cluster.name, buyerName: buyer.name },
    });
    await notify(tx, {
      type: "cluster.anchor_invited",
      userIds: await deciders(tx, buyer.id),
      organizationId: buyer.id,
      params: { clusterName: cluster.name, managerName: a.membership.organizationName },
      link: clusterRoutes.detail(cluster.id),
    });
    return { clusterId: cluster.id, buyerId: buyer.id, status: "invited" as const };
  });
}

export async function answerAnchorInvitation(actor: Actor | null, input: unknown) {
  const a = anchorActor(actor);
  const { clusterId, decision } = parse(invitationAnswerSchema, input);
  const buyerId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true, name: true, managerId: true } });
    if (!cluster) throw notFound();
    const status = decision === "accept" ? ("active" as const) : ("declined" as const);
    const done = await tx.clusterAnchor.updateMany({
      where: { clusterId: cluster.id, buyerId, status: "invited" },
      data: { status, decidedAt: new Date() },
    });
    if (done.count !== 1) throw notFound();
    const action = status === "active" ? "cluster.anchor.accepted" : "cluster.anchor.declined";
    for (const [owner, entityType, entityId] of [
      [buyerId, "Cluster", cluster.id],
      [cluster.managerId, "Organization", buyerId],
    ] as const)
      await audit(tx, {
        organizationId: owner,
        actorId: a.user.id,
        action,
        entityType,
        entityId,
        data: { clusterName: cluster.name, buyerName: a.membership.organizationName },
      });
    return { clusterId: cluster.id, buyerId, status };
  });
}

export async function leaveAsAnchor(actor: Actor | null, input: unknown) {
  const a = anchorActor(actor);
  const { clusterId } = parse(clusterRefSchema, input);
  const buyerId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true, name: true, managerId: true } });
    if (!cluster) throw notFound();
    const done = await tx.clusterAnchor.updateMany({
      where: { clusterId: cluster.id, buyerId, status: "active" },
      data: { status: "left", decidedAt: new Date() },
    });
    if (done.count !== 1) throw notFound();
    for (const [owner, entityType, entityId] of [
      [buyerId, "Cluster", cluster.id],
      [cluster.managerId, "Organization", buyerId],
    ] as const)
      await audit(tx, {
        organizationId: owner,
        actorId: a.user.id,
        action: "cluster.anchor.left",
        entityType,
        entityId,
        data: { clusterName: cluster.name, buyerName: a.membership.organizationName },
      });
    return { clusterId: cluster.id, buyerId, status: "left" as const };
  });
}

export interface AnchorCandidate {
  organizationId: string;
  name: string;
  status: "invited" | "active" | "declined" | "left" | null;
}

/** Verified buyers by name (at least 3 characters), for the manager's anchor invitation. */
export async function findAnchorCandidates(actor: Actor | null, input: unknown): Promise<AnchorCandidate[]> {
  const a = clusterOwner(actor);
  const { clusterId, q } = parse(candidateSearchSchema, input);
  if (q.length < 3) return [];
  const cluster = await db.cluster.findFirst({ where: { id: clusterId, ...managedBy(a.membership.organizationId) }, select: { id: true } });
  if (!cluster) throw notFound();
  const rows = await db.organization.findMany({
    where: { type: "buyer", verificationStatus: "verified", suspendedAt: null, name: { contains: q, mode: "insensitive" } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CANDIDATES_LIMIT,
    select: { id: true, name: true, clusterAnchors: { where: { clusterId: cluster.id }, select: { status: true } } },
  });
  return rows.map((r) => ({ organizationId: r.id, name: r.name, status: r.clusterAnchors[0]?.status ?? null }));
}
