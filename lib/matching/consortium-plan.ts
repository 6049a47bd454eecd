// Assembling consortia: when no single qualified UMKM can supply an RFQ's quantity, small groups (2–5) whose
// monthly capacities together cover it — members of one cluster first (issue 12: the RFQ's own cluster before
// others), then members of one cooperative, then UMKM near each other. Pure
// (no database): lib/matching/service.ts feeds it the qualified UMKM ranked by the engine.
import { CONSORTIUM } from "./weights";

export interface PoolMember {
  id: string;
  name: string;
  score: number;
  capacity: number;
  lat: number | null;
  lon: number | null;
  regencyName: string | null;
  /** Active cooperatives this UMKM belongs to. */
  cooperatives: { id: string; name: string }[];
  /** Clusters this UMKM belongs to (directly or through its cooperative), the RFQ's own cluster first. */
  clusters?: { id: string; name: string }[];
}

type ConsortiumKind = "cluster" | "cooperative" | "nearby" | "wider";

interface ProposedMember {
  id: string;
  name: string;
  score: number;
  capacity: number;
  /** The part of the quantity this member would supply (shares add up to the quantity). */
  shareQuantity: number;
  sharePercent: number;
  regencyName: string | null;
}

export interface ConsortiumProposal {
  /** Stable for the same members: "m:<ids sorted, joined by +>". */
  key: string;
  kind: ConsortiumKind;
  cooperative: { id: string; name: string } | null;
  /** Every member belongs to this cluster (kind "cluster"). */
  cluster: { id: string; name: string } | null;
  leadId: string;
  members: ProposedMember[];
  coveredQuantity: number;
  quantity: number;
  /** The largest distance between the first member and the others, km (null when unknown). */
  spanKm: number | null;
  averageScore: number;
}

export function kmBetween(a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Splits `quantity` over the members in proportion to their capacities (whole units, summing exactly). */
export function shares(capacities: readonly number[], quantity: number): number[] {
  const total = capacities.reduce((a, c) => a + c, 0);
  if (total <= 0) return capacities.map(() => 0);
  const exact = capacities.map((c) => (quantity * c) / total);
  const out = exact.map((x, i) => Math.min(capacities[i], Math.floor(x)));
  let rest = quantity - out.reduce((a, x) => a + x, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac);
  for (let k = 0; rest > 0 && k < order.length * 2; k++) {
    const i = order[k % order.length].i;
    if (out[i] < capacities[i]) {
      out[i] += 1;
      rest -= 1;
    }
  }
  return out;
}

/** Greedy: the largest capacities first until the quantity is covered (null when maxMembers cannot cover it). */
function cover(candidates: readonly PoolMember[], quantity: number, first?: PoolMember): PoolMember[] | null {
  const chosen: PoolMember[] = first ? [first] : [];
  let sum = first?.capacity ?? 0;
  const rest = [...candidates].filter((c) => c.id !== first?.id).sort((a, b) => b.capacity - a.capacity || b.score - a.score);
  for (const c of rest) {
    if (sum >= quantity) break;
    if (chosen.length >= CONSORTIUM.maxMembers) return null;
    chosen.push(c);
    sum += c.capacity;
  }
  if (sum < quantity || chosen.length < CONSORTIUM.minMembers) return null;
  // Drop members the others can do without (smallest first), keeping at least two.
  for (const c of [...chosen].sort((a, b) => a.capacity - b.capacity)) {
    if (chosen.length <= CONSORTIUM.minMembers || c === first) continue;
    if (sum - c.capacity >= quantity) {
      chosen.splice(chosen.indexOf(c), 1);
      sum -= c.capacity;
    }
  }
  return chosen;
}

function proposal(
  kind: ConsortiumKind,
  members: PoolMember[],
  quantity: number,
  cooperative: { id: string; name: string } | null,
  cluster: { id: string; name: string } | null = null,
): ConsortiumProposal {
  const ordered = [...members].sort((a, b) => b.score - a.score || b.capacity - a.capacity);
  const parts = shares(
    ordered.map((m) => m.capacity),
    quantity,
  );
  const spans = ordered.slice(1).map((m) => kmBetween(ordered[0], m));
  return {
    key: `m:${ordered
      .map((m) => m.id)
      .sort()
      .join("+")}`,
    kind,
    cooperative,
    cluster,
    leadId: ordered[0].id,
    members: ordered.map((m, i) => ({
      id: m.id,
      name: m.name,
      score: m.score,
      capacity: m.capacity,
      shareQuantity: parts[i],
      sharePercent: quantity > 0 ? Math.round((10000 * parts[i]) / quantity) / 100 : 0,
      regencyName: m.regencyName,
    })),
    coveredQuantity: ordered.reduce((a, m) => a + m.capacity, 0),
    quantity,
    spanKm: spans.some((s) => s === null) ? null : Math.round(Math.max(0, ...(spans as number[]))),
    averageScore: Math.round(ordered.reduce((a, m) => a + m.score, 0) / ordered.length),
  };
}

/**
 * Up to CONSORTIUM.maxProposals groups covering `quantity`: groups from one cluster's members first (when a
 * group can be filled from one cluster; the RFQ's own cluster, `opts.clusterId`, before others), then
 * cooperative groups, then nearby groups around each of the best UMKM, then (only if nothing else works) the
 * largest capacities anywhere.
 */
export function planConsortia(
  pool: readonly PoolMember[],
  quantity: number,
  opts: { clusterId?: string | null } = {},
): ConsortiumProposal[] {
  const usable = pool.filter((m) => m.capacity > 0);
  const out: ConsortiumProposal[] = [];
  const seen = new Set<string>();
  const add = (p: ConsortiumProposal) => {
    if (seen.has(p.key) || out.length >= CONSORTIUM.maxProposals) return;
    seen.add(p.key);
    out.push(p);
  };

  const clusterOrder: string[] = [];
  const clusters = new Map<string, { cluster: { id: string; name: string }; members: PoolMember[] }>();
  for (const m of usable)
    for (const c of m.clusters ?? []) {
      if (!clusters.has(c.id)) clusterOrder.push(c.id);
      const entry = clusters.get(c.id) ?? { cluster: c, members: [] };
      entry.members.push(m);
      clusters.set(c.id, entry);
    }
  const own = opts.clusterId ?? null;
  const clusterGroups = clusterOrder
    .map((id) => clusters.get(id)!)
    .filter((g) => g.members.length >= CONSORTIUM.minMembers)
    .flatMap((g) => {
      const members = cover(g.members, quantity);
      return members ? [proposal("cluster", members, quantity, null, g.cluster)] : [];
    })
    .sort((a, b) => Number(b.cluster?.id === own) - Number(a.cluster?.id === own) || b.averageScore - a.averageScore);
  clusterGroups.forEach(add);

  const coops = new Map<string, { coop: { id: string; name: string }; members: PoolMember[] }>();
  for (const m of usable)
    for (const c of m.cooperatives) {
      const entry = coops.get(c.id) ?? { coop: c, members: [] };
      entry.members.push(m);
      coops.set(c.id, entry);
    }
  const coopGroups = [...coops.values()]
    .filter((g) => g.members.length >= CONSORTIUM.minMembers)
    .flatMap((g) => {
      const members = cover(g.members, quantity);
      return members ? [proposal("cooperative", members, quantity, g.coop)] : [];
    })
    .sort((a, b) => b.averageScore - a.averageScore);
  // A cooperative's group that a cluster's group already proposed (the same members) is not proposed twice:
  // the cluster's proposal names the cooperative too, so the buyer still sees the members' aggregator.
  for (const g of coopGroups) {
    const same = out.find((p) => p.key === g.key);
    if (same) same.cooperative ??= g.cooperative;
    else add(g);
  }

  const nearby: ConsortiumProposal[] = [];
  for (const seed of [...usable].sort((a, b) => b.score - a.score)) {
    const near = usable.filter((m) => m.id !== seed.id && (kmBetween(seed, m) ?? Infinity) <= CONSORTIUM.nearbyKm);
    const members = cover(near, quantity, seed);
    if (members) nearby.push(proposal("nearby", members, quantity, null));
  }
  nearby.sort((a, b) => b.averageScore - a.averageScore || a.members.length - b.members.length).forEach(add);

  if (out.length === 0) {
    const members = cover(usable, quantity);
    if (members) add(proposal("wider", members, quantity, null));
  }
  return out;
}
