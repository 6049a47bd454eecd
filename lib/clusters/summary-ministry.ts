// The clusters behind the statistics (issue 12): the cluster filter's choices on /statistik (public: names only)
// and the ministry's table of every cluster with its members, anchors and partnerships — exact figures, for
// the holders of "stats:drilldown" (ministry and platform staff), who see the named figures behind the statistics.
import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { clusterMemberCtes, queryPartnerships } from "./summary-queries";

/** Every cluster (its manager not suspended) by name: the statistics' cluster filter. */
export async function listClusterOptions(): Promise<{ id: string; name: string }[]> {
  return db.cluster.findMany({
    where: { manager: { suspendedAt: null } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
}

export interface ClusterTableRow {
  id: string;
  name: string;
  manager: string;
  provinceCodes: string[];
  umkm: number;
  cooperatives: number;
  anchors: number;
  agreements: number;
  valueIdr: bigint;
}

/** Ministry and platform staff: every cluster with its exact figures (at most `limit`, by name). */
export async function getClustersTable(actor: Actor | null, limit = 200): Promise<ClusterTableRow[]> {
  authorize(actor, { permission: "stats:drilldown" });
  const clusters = await db.cluster.findMany({
    select: {
      id: true,
      name: true,
      provinceCodes: true,
      manager: { select: { name: true } },
      _count: { select: { anchors: { where: { status: "active" } } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
  });
  const rows: ClusterTableRow[] = [];
  for (const c of clusters) {
    const [[counts], partnerships] = await Promise.all([
      db.$queryRaw<{ umkm: number; coops: number }[]>`
        WITH ${clusterMemberCtes(c.id)}
        SELECT (SELECT count(*) FROM umkm)::int AS umkm, (SELECT count(*) FROM direct WHERE type = 'cooperative')::int AS coops`,
      queryPartnerships(c.id),
    ]);
    const total = partnerships.get(null)!;
    rows.push({
      id: c.id,
      name: c.name,
      manager: c.manager.name,
      provinceCodes: c.provinceCodes,
      umkm: counts?.umkm ?? 0,
      cooperatives: counts?.coops ?? 0,
      anchors: c._count.anchors,
      agreements: total.agreements,
      valueIdr: total.valueIdr,
    });
  }
  return rows;
}
