// Affinity between an RFQ's buyer and the UMKM the engine scored (issue 12; docs/decisions/0029-cluster-rfqs.md):
//   - "member of cluster X": the RFQ is posted to cluster X, or the buyer is an active anchor of cluster X, and
//     the UMKM belongs to X (directly or through an active member cooperative: lib/clusters/scope.ts);
//   - "same industrial estate": the buyer organization and the UMKM have the same site (Organization.siteId).
// These are facts for the buyer to read, not points: the score (lib/matching/weights.ts) is unchanged. Two or
// three small reads for the returned rows only (at most the limit plus the almost-qualified list), never for
// every candidate.
import "server-only";
import { readReplica } from "@/lib/db";
import type { RfqContext } from "./rfq-context";
import { reasonsOf } from "./signals";
import type { ScoredSupplier } from "./engine";

interface Affinity {
  clusters: { name: string; via: "rfq" | "anchor" }[];
  estate: string | null;
}

/** Per UMKM id: the clusters linking it to the RFQ and the estate it shares with the buyer. */
async function affinitiesFor(
  ctx: Pick<RfqContext, "buyerId" | "clusterId">,
  supplierIds: readonly string[],
): Promise<Map<string, Affinity>> {
  const out = new Map<string, Affinity>();
  if (supplierIds.length === 0) return out;
  const ids = [...supplierIds];
  const [buyer, anchored, posted] = await Promise.all([
    readReplica().organization.findUnique({ where: { id: ctx.buyerId }, select: { siteId: true, site: { select: { name: true } } } }),
    readReplica().clusterAnchor.findMany({
      where: { buyerId: ctx.buyerId, status: "active" },
      select: { cluster: { select: { id: true, name: true } } },
    }),
    ctx.clusterId ? readReplica().cluster.findUnique({ where: { id: ctx.clusterId }, select: { id: true, name: true } }) : null,
  ]);
  // The RFQ's own cluster says "rfq" even when the buyer anchors it too.
  const clusters = new Map<string, { name: string; via: "rfq" | "anchor" }>();
  if (posted) clusters.set(posted.id, { name: posted.name, via: "rfq" });
  for (const a of anchored) if (!clusters.has(a.cluster.id)) clusters.set(a.cluster.id, { name: a.cluster.name, via: "anchor" });
  const get = (id: string) => out.get(id) ?? (out.set(id, { clusters: [], estate: null }), out.get(id)!);
  if (clusters.size > 0) {
    const clusterIds = [...clusters.keys()];
    const [direct, viaCoop] = await Promise.all([
      readReplica().clusterMember.findMany({
        where: { clusterId: { in: clusterIds }, status: "active", organizationId: { in: ids } },
        select: { clusterId: true, organizationId: true },
      }),
      readReplica().cooperativeMembership.findMany({
        where: { memberId: { in: ids }, status: "active" },
        select: {
          memberId: true,
          cooperative: {
            select: { clusterMemberships: { where: { clusterId: { in: clusterIds }, status: "active" }, select: { clusterId: true } } },
          },
        },
      }),
    ]);
    const pairs = new Set<string>();
    for (const d of direct) pairs.add(`${d.organizationId} ${d.clusterId}`);
    for (const m of viaCoop) for (const c of m.cooperative.clusterMemberships) pairs.add(`${m.memberId} ${c.clusterId}`);
    // in the order of `clusters` (the RFQ's own first)
    for (const [cid, c] of clusters) for (const sid of ids) if (pairs.has(`${sid} ${cid}`)) get(sid).clusters.push(c);
  }
  if (buyer?.siteId && buyer.site) {
    const sameSite = await readReplica().organization.findMany({ where: { id: { in: ids }, siteId: buyer.siteId }, select: { id: true } });
    for (const o of sameSite) get(o.id).estate = buyer.site.name;
  }
  return out;
}

/** Adds the affinity facts to scored UMKM (their signals and reasons); the score is left as it is. */
export async function withAffinity(ctx: Pick<RfqContext, "buyerId" | "clusterId">, scored: ScoredSupplier[]): Promise<ScoredSupplier[]> {
  const found = await affinitiesFor(
    ctx,
    scored.map((s) => s.supplier.id),
  );
  for (const s of scored) {
    const a = found.get(s.supplier.id);
    if (!a) continue;
    s.signals = { ...s.signals, clusters: a.clusters, estate: a.estate };
    s.reasons = reasonsOf(s.signals);
  }
  return scored;
}
