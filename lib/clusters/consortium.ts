// A cluster manager proposes a consortium of the cluster's members for an RFQ of one of the cluster's active
// anchors (issue 12; docs/decisions/0029-cluster-rfqs.md). The proposal is a Consortium row (clusterId set)
// with a lead and 2–5 members, each an active member of the cluster (directly or through an active member
// cooperative) who meets the RFQ's hard requirements, each with a share of the quantity in proportion to its
// capacity. It is NOT an invitation: the anchor (the buyer) sees it beside its own consortium proposals and
// decides whether to invite it (lib/matching/invite.ts inviteProposedConsortium); from there the existing
// consortium flow runs unchanged — the members are told, the lead quotes for the group, and every member
// accepts the agreement itself. Nobody's consent is taken for granted.
//
// Who: the cluster's manager organization (cluster:manage; a cluster manager, ministry office or regional
// government that created it), verified; any other organization's cluster is "not found". Which RFQs: open
// RFQs of the cluster's active anchors that are public or posted to this cluster (an anchor's RFQ addressed to
// others stays hidden from the manager too).
import "server-only";
import { ACTORS, authorize, requireVerified } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { db, Prisma } from "@/lib/db";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { scoreSuppliers } from "@/lib/matching/engine";
import { shares } from "@/lib/matching/consortium-plan";
import { loadRfqContexts } from "@/lib/matching/rfq-context";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { clusterMemberOrganizationsWhere } from "./scope";
import { clusterConsortiumSchema, type ClusterConsortiumInput } from "./consortium-schemas";

/**
 * May open /klaster/[id]/konsorsium: a member of a cluster-owning organization type with cluster:manage (the
 * cluster itself is checked by the read).
 */
export function mayProposeConsortia(actor: Actor): boolean {
  const m = actor.membership;
  return Boolean(m && (ACTORS.clusterOwners as readonly string[]).includes(m.organizationType) && can(m, "cluster:manage"));
}

/** The manager organization's own cluster, or not_found (also for a cluster another organization manages). */
async function managedCluster(actor: Actor | null, clusterId: string, write: boolean) {
  const a = authorize(actor, { orgTypes: ACTORS.clusterOwners, permission: "cluster:manage", write });
  const cluster = await db.cluster.findFirst({
    where: { id: clusterId, managerId: a.membership.organizationId },
    select: { id: true, name: true },
  });
  if (!cluster) throw notFound();
  return { actor: a, cluster };
}

/** RFQs the manager may propose for: open, before the deadline, of an active anchor, public or posted to this cluster. */
function proposableRfqWhere(clusterId: string, now: Date): Prisma.RfqWhereInput {
  return {
    status: "open",
    deadline: { gt: now },
    buyer: { suspendedAt: null, clusterAnchors: { some: { clusterId, status: "active" } } },
    OR: [{ visibility: "public" }, { clusterId }],
  };
}

export interface AnchorRfq {
  id: string;
  title: string;
  buyer: { id: string; name: string };
  deadline: Date;
  quantity: number;
  unit: string;
  postedToCluster: boolean;
  /** Consortia this cluster already proposed for the RFQ (and whether the buyer invited them). */
  proposals: { id: string; name: string; invited: boolean; members: { id: string; name: string; lead: boolean }[] }[];
}

/** The open RFQs of the cluster's anchors the manager may propose a consortium for, soonest deadline first. */
export async function listAnchorRfqs(
  actor: Actor | null,
  clusterId: string,
): Promise<{ cluster: { id: string; name: string }; rfqs: AnchorRfq[] }> {
  const { cluster } = await managedCluster(actor, clusterId, false);
  const rows = await db.rfq.findMany({
    where: proposableRfqWhere(cluster.id, new Date()),
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      title: true,
      deadline: true,
      clusterId: true,
      buyer: { select: { id: true, name: true } },
      items: { orderBy: { quantity: "desc" }, take: 1, select: { quantity: true, unit: true } },
      consortia: {
        where: { clusterId: cluster.id },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          name: true,
          leadId: true,
          invitations: { select: { id: true }, take: 1 },
          members: { select: { supplier: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  return {
    cluster,
    rfqs: rows.map((r) => ({
      id: r.id,
      title: r.title,
      buyer: r.buyer,
      deadline: r.deadline,
      quantity: r.items[0]?.quantity ?? 0,
      unit: r.items[0]?.unit ?? "",
      postedToCluster: r.clusterId === cluster.id,
      proposals: r.consortia.map((c) => ({
        id: c.id,
        name: c.name,
        invited: c.invitations.length > 0,
        members: c.members.map((m) => ({ id: m.supplier.id, name: m.supplier.name, lead: m.supplier.id === c.leadId })),
      })),
    })),
  };
}

/** Cluster members (UMKM) the manager can put into a proposal for this RFQ: qualified ones, best score first. */
export async function proposableMembers(actor: Actor | null, clusterId: string, rfqId: string) {
  const { cluster } = await managedCluster(actor, clusterId, false);
  const rfq = await db.rfq.findFirst({ where: { id: rfqId, ...proposableRfqWhere(cluster.id, new Date()) }, select: { id: true } });
  if (!rfq) throw notFound();
  const members = await db.organization.findMany({
    where: { type: "umkm", ...clusterMemberOrganizationsWhere(cluster.id) },
    select: { id: true },
    take: 2000,
  });
  const [ctx] = await loadRfqContexts([rfq.id]);
  const scored = await scoreSuppliers(
    ctx,
    members.map((m) => m.id),
  );
  return scored
    .filter((s) => s.qualified)
    .slice(0, 50)
    .map((s) => ({
      id: s.supplier.id,
      name: s.supplier.name,
      score: s.score,
      capacity: s.signals.capacity ?? 0,
      regency: s.supplier.regencyName,
    }));
}

export interface ProposedConsortium {
  id: string;
  name: string;
  rfqId: string;
  clusterId: string;
  leadId: string;
  members: { supplierId: string; name: string; shareQuantity: number; sharePercent: number }[];
}

/**
 * Proposes a consortium of the cluster's members for an anchor's open RFQ (see the header). 400 for members
 * that are not active members of the cluster or miss a hard requirement; 409 when one of them is already in a
 * consortium for this RFQ; 404 for another manager's cluster or an RFQ the manager may not propose for.
 */
export async function proposeClusterConsortium(
  actor: Actor | null,
  clusterId: string,
  input: ClusterConsortiumInput,
): Promise<ProposedConsortium> {
  const parsed = clusterConsortiumSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "memberIds")] ??= []).push(issue.message);
    throw invalidInput(fields);
  }
  const { actor: a, cluster } = await managedCluster(actor, clusterId, true);
  requireVerified(a); // proposing acts on others (the buyer and the members)
  const { rfqId, memberIds } = parsed.data;
  const rfq = await db.rfq.findFirst({
    where: { id: rfqId, ...proposableRfqWhere(cluster.id, new Date()) },
    select: { id: true, title: true, buyerId: true },
  });
  if (!rfq) throw notFound();
  const inCluster = await db.organization.findMany({
    where: { id: { in: memberIds }, type: "umkm", ...clusterMemberOrganizationsWhere(cluster.id) },
    select: { id: true },
  });
  if (inCluster.length !== memberIds.length) throw invalidInput({ memberIds: ["errors.matching.notClusterMember"] });
  const [ctx] = await loadRfqContexts([rfq.id]);
  const scored = await scoreSuppliers(ctx, memberIds);
  if (scored.length !== memberIds.length) throw invalidInput({ memberIds: ["errors.matching.notSupplier"] });
  if (scored.some((s) => !s.qualified)) throw invalidInput({ memberIds: ["errors.matching.memberNotQualified"] });
  const byId = new Map(scored.map((s) => [s.supplier.id, s]));
  const ordered = memberIds.map((id) => byId.get(id)!);
  const leadId = parsed.data.leadId ?? [...ordered].sort((x, y) => y.score - x.score)[0].supplier.id;
  const parts = shares(
    ordered.map((s) => Math.max(1, s.signals.capacity ?? 0)),
    ctx.quantity,
  );
  const percent = (q: number) => (ctx.quantity > 0 ? Math.round((10000 * q) / ctx.quantity) / 100 : 0);
  const name = `${cluster.name} (${byId.get(leadId)!.supplier.name})`.slice(0, 200);
  const manager = await db.organization.findUniqueOrThrow({ where: { id: a.membership.organizationId }, select: { name: true } });

  return db.$transaction(async (tx) => {
    // the RFQ row is locked so two proposals (or a proposal and the buyer's own invitation) serialize
    await tx.$queryRaw`SELECT id FROM "Rfq" WHERE id = ${rfq.id} FOR UPDATE`;
    const busy = await tx.consortiumMember.findFirst({
      where: { supplierId: { in: memberIds }, consortium: { rfqId: rfq.id } },
      select: { id: true },
    });
    if (busy) throw conflict("errors.matching.alreadyInConsortium");
    const consortium = await tx.consortium.create({
      data: {
        rfqId: rfq.id,
        clusterId: cluster.id,
        name,
        leadId,
        members: {
          create: ordered.map((s, i) => ({
            supplierId: s.supplier.id,
            shareQuantity: parts[i],
            sharePercent: new Prisma.Decimal(percent(parts[i]).toFixed(2)),
          })),
        },
      },
      select: { id: true, name: true, leadId: true },
    });
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action: "cluster.consortium_proposed",
      entityType: "Rfq",
      entityId: rfq.id,
      data: {
        clusterId: cluster.id,
        consortiumId: consortium.id,
        leadId,
        members: ordered.map((s, i) => ({ supplierId: s.supplier.id, shareQuantity: parts[i] })),
      },
    });
    // the buyer decides (its matching page lists the proposal); the members hear of it when invited
    await notify(tx, {
      type: "consortium.proposed",
      organizationIds: [rfq.buyerId],
      params: { rfqTitle: rfq.title, clusterName: cluster.name, managerName: manager.name, consortiumName: consortium.name },
      link: rfqRoutes.matching(rfq.id),
      excludeUserId: a.user.id,
    });
    return {
      id: consortium.id,
      name: consortium.name,
      rfqId: rfq.id,
      clusterId: cluster.id,
      leadId,
      members: ordered.map((s, i) => ({
        supplierId: s.supplier.id,
        name: s.supplier.name,
        shareQuantity: parts[i],
        sharePercent: percent(parts[i]),
      })),
    };
  });
}
