// The clusters' cards on /dasbor (issue 12): the clusters an organization manages with their pending requests
// (cluster managers, ministry staff, regional governments), and the cluster invitations waiting for an UMKM,
// cooperative or buyer. Reads only the actor's own organization's rows.
import "server-only";
import { db } from "@/lib/db";
import { authorize, ACTORS } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";

const LIMIT = 20;

export async function listManagedClusters(actor: Actor | null) {
  const a = authorize(actor, { orgTypes: ACTORS.clusterOwners, permission: "cluster:manage" });
  const clusters = await db.cluster.findMany({
    where: { managerId: a.membership.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, name: true },
  });
  const counts = await db.clusterMember.groupBy({
    by: ["clusterId", "status"],
    where: { clusterId: { in: clusters.map((c) => c.id) }, status: { in: ["requested", "active"] } },
    _count: { _all: true },
  });
  const count = (id: string, status: string) => counts.find((c) => c.clusterId === id && c.status === status)?._count._all ?? 0;
  return clusters.map((c) => ({ ...c, requested: count(c.id, "requested"), active: count(c.id, "active") }));
}

export async function listPendingClusterInvitations(actor: Actor | null) {
  const a = authorize(actor, { orgTypes: [...ACTORS.clusterMembers, ...ACTORS.buyer], permission: "org:read" });
  const orgId = a.membership.organizationId;
  if (a.membership.organizationType === "buyer") {
    const rows = await db.clusterAnchor.findMany({
      where: { buyerId: orgId, status: "invited" },
      orderBy: { invitedAt: "desc" },
      take: LIMIT,
      select: { cluster: { select: { id: true, name: true, manager: { select: { name: true } } } } },
    });
    return rows.map((r) => ({ kind: "anchor" as const, ...r.cluster, managerName: r.cluster.manager.name }));
  }
  const rows = await db.clusterMember.findMany({
    where: { organizationId: orgId, status: "invited" },
    orderBy: { requestedAt: "desc" },
    take: LIMIT,
    select: { cluster: { select: { id: true, name: true, manager: { select: { name: true } } } } },
  });
  return rows.map((r) => ({ kind: "member" as const, ...r.cluster, managerName: r.cluster.manager.name }));
}
