// Who counts as a member of a cluster (issue 12), in one place for every domain (RFQ visibility, matching,
// statistics, consortium proposals): an organization is a member of cluster C when
//   - it has an ACTIVE ClusterMember row in C (an UMKM or a cooperative that joined), or
//   - it is an ACTIVE member (CooperativeMembership.status = active) of a cooperative that has an ACTIVE
//     ClusterMember row in C ("a member cooperative's members count as the cluster's members through it").
// Requested, invited, declined and left rows count for nothing. The Prisma fragments below and the SQL
// fragments (for raw, set-based queries over 20,000 members) say exactly the same thing; the integration tests
// of cluster RFQs check both.
import "server-only";
import { Prisma } from "@/lib/db/generated/client";

type ScopeClient = Pick<Prisma.TransactionClient, "clusterMember">;

/** Prisma `where` for Organization: members of the cluster, directly or through a member cooperative. */
export function clusterMemberOrganizationsWhere(clusterId: string): Prisma.OrganizationWhereInput {
  return {
    OR: [
      { clusterMemberships: { some: { clusterId, status: "active" } } },
      {
        cooperatives: {
          some: { status: "active", cooperative: { clusterMemberships: { some: { clusterId, status: "active" } } } },
        },
      },
    ],
  };
}

/** Prisma `where` for Cluster: clusters the organization belongs to (directly or through its cooperative). */
export function clustersOfOrganizationWhere(organizationId: string): Prisma.ClusterWhereInput {
  return {
    members: {
      some: {
        status: "active",
        OR: [{ organizationId }, { organization: { cooperativeMembers: { some: { memberId: organizationId, status: "active" } } } }],
      },
    },
  };
}

/** Ids of the clusters the organization belongs to, directly or through a cooperative it is an active member of. */
export async function clusterIdsOfOrganization(db: ScopeClient, organizationId: string): Promise<string[]> {
  const rows = await db.clusterMember.findMany({
    where: {
      status: "active",
      OR: [{ organizationId }, { organization: { cooperativeMembers: { some: { memberId: organizationId, status: "active" } } } }],
    },
    select: { clusterId: true },
  });
  return [...new Set(rows.map((r) => r.clusterId))];
}

/**
 * SQL: the ids of the cluster's member organizations (a subquery returning one column "organizationId", no
 * duplicates). Use as `o.id IN (${clusterMemberIdsSql(id)})`.
 */
export function clusterMemberIdsSql(clusterId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT cm."organizationId" FROM "ClusterMember" cm
     WHERE cm."clusterId" = ${clusterId} AND cm."status" = 'active'
    UNION
    SELECT coop."memberId" FROM "CooperativeMembership" coop
      JOIN "ClusterMember" ccm ON ccm."organizationId" = coop."cooperativeId"
     WHERE ccm."clusterId" = ${clusterId} AND ccm."status" = 'active' AND coop."status" = 'active'`;
}

/**
 * SQL: a boolean expression, true when the organization whose id is the SQL expression `orgIdSql` (e.g.
 * Prisma.raw('o."id"')) is a member of the cluster whose id is the SQL expression `clusterIdSql`.
 */
export function isClusterMemberSql(clusterIdSql: Prisma.Sql, orgIdSql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "ClusterMember" cm
             WHERE cm."clusterId" = ${clusterIdSql} AND cm."organizationId" = ${orgIdSql} AND cm."status" = 'active')
    OR EXISTS (SELECT 1 FROM "CooperativeMembership" coop
                 JOIN "ClusterMember" ccm ON ccm."organizationId" = coop."cooperativeId"
                WHERE coop."memberId" = ${orgIdSql} AND coop."status" = 'active'
                  AND ccm."clusterId" = ${clusterIdSql} AND ccm."status" = 'active'))`;
}
