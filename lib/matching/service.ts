// Matching as its users see it, with authorization: a buyer's RFQ matches and consortium proposals (own RFQs
// only — anyone else's RFQ is "not found") and an UMKM's recommended RFQs (its own members only). Reads only;
// inviting a consortium is lib/matching/invite.ts. The measuring is lib/matching/engine.ts; the grouping lib/matching/consortium-plan.ts.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { ACTORS, authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { ownRfqWhere, supplierVisibleRfqWhere } from "@/lib/rfqs/access";
import { isClusterMemberSql } from "@/lib/clusters/scope";
import type { CertificationType } from "@/lib/enums";
import { rankSuppliers, scoreSuppliers, type ScoredSupplier } from "./engine";
import { contextsFor, loadRfqContexts, RFQ_CONTEXT_SELECT, type RfqContext } from "./rfq-context";
import { planConsortia, type ConsortiumProposal, type PoolMember } from "./consortium-plan";
import { CONSORTIUM, LIMITS } from "./weights";

export interface RfqSummary {
  id: string;
  title: string;
  status: string;
  kbliCode: string;
  deadline: Date;
  quantity: number;
  unit: string;
  requiredCertifications: CertificationType[];
  minTkdn: number | null;
  deliveryRegencyCode: string;
  words: string[];
}

function summary(ctx: RfqContext, status: string): RfqSummary {
  return {
    id: ctx.id,
    title: ctx.title,
    status,
    kbliCode: ctx.kbliCode,
    deadline: ctx.deadline,
    quantity: ctx.quantity,
    unit: ctx.unit,
    requiredCertifications: ctx.requiredCertifications,
    minTkdn: ctx.minTkdn,
    deliveryRegencyCode: ctx.deliveryRegencyCode,
    words: ctx.words,
  };
}

/** The buyer's own RFQ (any status) or not_found. */
export async function ownRfq(actor: Actor | null, rfqId: string, permission: "matching:read" | "rfq:write" = "matching:read") {
  const a = authorize(actor, { orgTypes: ACTORS.buyer, permission });
  // One read for the authorization and the matching context.
  const rfq = await db.rfq.findFirst({
    where: { id: rfqId, ...ownRfqWhere(a.membership.organizationId) },
    select: { ...RFQ_CONTEXT_SELECT, status: true },
  });
  if (!rfq) throw notFound();
  const [ctx] = await contextsFor([rfq]);
  return { actor: a, rfq, ctx };
}

export interface RfqMatches {
  rfq: RfqSummary;
  matches: ScoredSupplier[];
  almostQualified: ScoredSupplier[];
  /** Suppliers of this RFQ already invited (directly or as a consortium's lead). */
  invitedSupplierIds: string[];
}

/** The ranked UMKM for the buyer's own RFQ, and the almost-qualified ones with their gaps. */
export async function getRfqMatches(actor: Actor | null, rfqId: string, opts: { limit?: number } = {}): Promise<RfqMatches> {
  const { rfq, ctx } = await ownRfq(actor, rfqId);
  const [ranked, invitations] = await Promise.all([
    rankSuppliers(ctx, { limit: opts.limit ?? LIMITS.defaultMatches }),
    db.rfqInvitation.findMany({ where: { rfqId: rfq.id }, select: { supplierId: true } }),
  ]);
  return { rfq: summary(ctx, rfq.status), ...ranked, invitedSupplierIds: invitations.map((i) => i.supplierId) };
}

// ---------------------------------------------------------------------------------------------------------
// Consortia
// ---------------------------------------------------------------------------------------------------------

export interface ConsortiumProposals {
  rfq: RfqSummary;
  /** False when at least one qualified UMKM can supply the whole quantity alone (no consortium needed). */
  needed: boolean;
  /** The largest single qualified capacity. */
  bestSingleCapacity: number;
  proposals: ConsortiumProposal[];
  /** Consortia already invited for this RFQ. */
  invited: { id: string; name: string; leadId: string; memberIds: string[] }[];
  /** Consortia a cluster manager proposed (issue 12) that the buyer has not invited yet. */
  clusterProposals: {
    id: string;
    name: string;
    cluster: { id: string; name: string };
    leadId: string;
    members: { id: string; name: string; shareQuantity: number; sharePercent: number }[];
  }[];
}

export async function cooperativesOf(ids: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const rows = await db.cooperativeMembership.findMany({
    where: { memberId: { in: ids }, status: "active" },
    select: { memberId: true, cooperative: { select: { id: true, name: true } } },
  });
  const out = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) out.set(r.memberId, [...(out.get(r.memberId) ?? []), r.cooperative]);
  return out;
}

/** Clusters each UMKM belongs to (directly or through an active member cooperative; lib/clusters/scope.ts). */
async function clustersOf(ids: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const [direct, viaCoop] = await Promise.all([
    db.clusterMember.findMany({
      where: { organizationId: { in: ids }, status: "active" },
      select: { organizationId: true, cluster: { select: { id: true, name: true } } },
    }),
    db.cooperativeMembership.findMany({
      where: { memberId: { in: ids }, status: "active" },
      select: {
        memberId: true,
        cooperative: {
          select: { clusterMemberships: { where: { status: "active" }, select: { cluster: { select: { id: true, name: true } } } } },
        },
      },
    }),
  ]);
  const out = new Map<string, { id: string; name: string }[]>();
  const add = (id: string, c: { id: string; name: string }) => {
    const list = out.get(id) ?? [];
    if (!list.some((x) => x.id === c.id)) list.push(c);
    out.set(id, list);
  };
  for (const d of direct) add(d.organizationId, d.cluster);
  for (const m of viaCoop) for (const c of m.cooperative.clusterMemberships) add(m.memberId, c.cluster);
  return out;
}

function poolOf(
  scored: ScoredSupplier[],
  coops: Map<string, { id: string; name: string }[]>,
  clusters: Map<string, { id: string; name: string }[]> = new Map(),
): PoolMember[] {
  return scored.map((s) => ({
    id: s.supplier.id,
    name: s.supplier.name,
    score: s.score,
    capacity: s.signals.capacity ?? 0,
    lat: s.supplier.lat,
    lon: s.supplier.lon,
    regencyName: s.supplier.regencyName,
    cooperatives: coops.get(s.supplier.id) ?? [],
    clusters: clusters.get(s.supplier.id) ?? [],
  }));
}

/** Groups of qualified UMKM whose capacities together cover the buyer's RFQ quantity. */
export async function getConsortiumProposals(actor: Actor | null, rfqId: string): Promise<ConsortiumProposals> {
  const { rfq, ctx } = await ownRfq(actor, rfqId);
  const [ranked, invited] = await Promise.all([
    rankSuppliers(ctx, { limit: CONSORTIUM.pool, almost: 0 }),
    db.consortium.findMany({
      where: { rfqId: rfq.id, OR: [{ invitations: { some: {} } }, { clusterId: { not: null } }] },
      select: {
        id: true,
        name: true,
        leadId: true,
        cluster: { select: { id: true, name: true } },
        invitations: { select: { id: true }, take: 1 },
        members: { select: { supplierId: true, shareQuantity: true, sharePercent: true, supplier: { select: { name: true } } } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const bestSingleCapacity = Math.max(0, ...ranked.matches.map((m) => m.signals.capacity ?? 0));
  const needed = ctx.quantity > 0 && bestSingleCapacity < ctx.quantity;
  let proposals: ConsortiumProposal[] = [];
  if (needed) {
    const ids = ranked.matches.map((m) => m.supplier.id);
    const [coops, clusters] = await Promise.all([cooperativesOf(ids), clustersOf(ids)]);
    proposals = planConsortia(poolOf(ranked.matches, coops, clusters), ctx.quantity, { clusterId: ctx.clusterId });
  }
  return {
    rfq: summary(ctx, rfq.status),
    needed,
    bestSingleCapacity,
    proposals,
    invited: invited
      .filter((c) => c.invitations.length > 0)
      .map((c) => ({ id: c.id, name: c.name, leadId: c.leadId, memberIds: c.members.map((m) => m.supplierId) })),
    clusterProposals: invited
      .filter((c) => c.invitations.length === 0 && c.cluster)
      .map((c) => ({
        id: c.id,
        name: c.name,
        cluster: c.cluster!,
        leadId: c.leadId,
        members: c.members.map((m) => ({
          id: m.supplierId,
          name: m.supplier.name,
          shareQuantity: m.shareQuantity ?? 0,
          sharePercent: m.sharePercent === null ? 0 : Number(m.sharePercent),
        })),
      })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Recommended RFQs (an UMKM's dashboard)
// ---------------------------------------------------------------------------------------------------------

export interface RecommendedRfq {
  rfq: RfqSummary & { buyerName: string; deliveryRegencyName: string | null };
  score: number;
  qualified: boolean;
  reasons: ScoredSupplier["reasons"];
  gaps: ScoredSupplier["gaps"];
}

/**
 * Open RFQs this UMKM may see (public, or invited directly or through a consortium, or posted to a cluster it
 * belongs to) that fit it — same KBLI
 * division, or a title word in its product names — scored with the same engine as the buyer's matches,
 * qualified ones first. Only the UMKM's own members may ask (anyone else: not_found).
 */
export async function getRecommendedRfqs(
  actor: Actor | null,
  supplierId: string,
  opts: { limit?: number; now?: Date } = {},
): Promise<RecommendedRfq[]> {
  const a = authorize(actor, { orgTypes: ACTORS.umkm, permission: "rfq:board:read" });
  if (a.membership.organizationId !== supplierId) throw notFound();
  const now = opts.now ?? new Date();
  const candidates = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT r.id
      FROM "Rfq" r, "SupplierSearch" s
     WHERE s."organizationId" = ${supplierId}
       AND r.status = 'open' AND r.deadline > ${now}
       AND (r.visibility = 'public'
            OR EXISTS (SELECT 1 FROM "RfqInvitation" i
                        WHERE i."rfqId" = r.id
                          AND (i."supplierId" = ${supplierId}
                               OR EXISTS (SELECT 1 FROM "ConsortiumMember" m WHERE m."consortiumId" = i."consortiumId" AND m."supplierId" = ${supplierId})))
            OR (r.visibility = 'invited' AND r."clusterId" IS NOT NULL AND ${isClusterMemberSql(Prisma.sql`r."clusterId"`, Prisma.sql`${supplierId}`)}))
       AND (left(r."kbliCode", 2) = ANY (s."kbliPrefixes")
            OR EXISTS (SELECT 1 FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, r.title))) w
                        WHERE length(w) >= 4 AND s."productVector" @@ to_tsquery('simple'::regconfig, quote_literal(w) || ':*')))
     ORDER BY (r."kbliCode" = ANY (s."kbliCodes")) DESC, (left(r."kbliCode", 4) = ANY (s."kbliPrefixes")) DESC, r.deadline ASC, r.id
     LIMIT ${LIMITS.recommendationCandidates}`);
  if (candidates.length === 0) return [];
  const rfqs = await db.rfq.findMany({
    where: { id: { in: candidates.map((c) => c.id) } },
    select: {
      ...RFQ_CONTEXT_SELECT,
      status: true,
      buyer: { select: { name: true } },
      deliveryRegency: { select: { name: true } },
    },
  });
  const extra = new Map(rfqs.map((r) => [r.id, r]));
  const contexts = await contextsFor(rfqs);
  const out: RecommendedRfq[] = [];
  for (const ctx of contexts) {
    const [s] = await scoreSuppliers(ctx, [supplierId]);
    if (!s) continue;
    const r = extra.get(ctx.id)!;
    out.push({
      rfq: { ...summary(ctx, r.status), buyerName: r.buyer.name, deliveryRegencyName: r.deliveryRegency?.name ?? null },
      score: s.score,
      qualified: s.qualified,
      reasons: s.reasons,
      gaps: s.gaps,
    });
  }
  out.sort((x, y) => Number(y.qualified) - Number(x.qualified) || y.score - x.score || x.rfq.deadline.getTime() - y.rfq.deadline.getTime());
  return out.slice(0, opts.limit ?? LIMITS.recommendations);
}

export interface SupplierFit {
  score: number;
  qualified: boolean;
  reasons: ScoredSupplier["reasons"];
  gaps: ScoredSupplier["gaps"];
}

/**
 * How one RFQ fits the actor's own UMKM (the RFQ page's eligibility panel): score, reasons and the gaps to close.
 * Null for other organization types, an RFQ the UMKM may not see, or one outside its field altogether.
 */
export async function getRfqFitForSupplier(actor: Actor | null, rfqId: string): Promise<SupplierFit | null> {
  if (actor?.membership?.organizationType !== "umkm") return null;
  const a = authorize(actor, { orgTypes: ACTORS.umkm, permission: "rfq:board:read" });
  const org = a.membership.organizationId;
  const visible = await db.rfq.findFirst({ where: { id: rfqId, ...supplierVisibleRfqWhere(org) }, select: { id: true } });
  if (!visible) return null;
  const [ctx] = await loadRfqContexts([visible.id]);
  const [s] = await scoreSuppliers(ctx, [org]);
  return s ? { score: s.score, qualified: s.qualified, reasons: s.reasons, gaps: s.gaps } : null;
}
