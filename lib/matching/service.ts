// Matching as its users see it, with authorization: a buyer's RFQ matches and consortium proposals (own RFQs
// only — anyone else's RFQ is "not found") and an UMKM's recommended RFQs (its own members only). Reads only;
// inviting a consortium is lib/matching/invite.ts. The measuring is lib/matching/engine.ts; the grouping lib/matching/consortium-plan.ts.
import "server-only";
import { db, Prisma, readReplica, type Db } from "@/lib/db";
import { ACTORS, authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { ownRfqWhere, supplierVisibleRfqWhere } from "@/lib/rfqs/access";
import { isClusterMemberSql } from "@/lib/clusters/scope";
import type { CertificationType } from "@/lib/enums";
import { rankSuppliers, scoreSuppliers, type ScoredSupplier } from "./engine";
import { contextsFor, lineContext, loadRfqContexts, RFQ_CONTEXT_SELECT, type RfqContext } from "./rfq-context";
import { fitsLine, planSplit, type LineCandidate, type SplitPlan } from "./lines";
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
  /** Every line of the RFQ (what it needs), in order. */
  lines: { index: number; name: string; quantity: number; unit: string }[];
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
    lines: (ctx.lines ?? []).map((l) => ({ index: l.index, name: l.name, quantity: l.quantity, unit: l.unit })),
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
  /** Per line (issue 17): its best qualified UMKM, capacity measured against that line's quantity. */
  lines: LineMatchView[];
  /** A suggested split of the lines across suppliers (lib/matching/lines.ts planSplit). */
  split: SplitPlan;
  /** For every listed UMKM (matches and almost-qualified): the indexes of the lines it fits. */
  linesOf: Record<string, number[]>;
}

export interface LineMatchView {
  line: { index: number; name: string; quantity: number; unit: string };
  /** False for lines beyond LIMITS.matchedLines (listed, not matched). */
  matched: boolean;
  matches: ScoredSupplier[];
}

const asCandidate = (s: ScoredSupplier): LineCandidate => ({
  id: s.supplier.id,
  name: s.supplier.name,
  score: s.score,
  qualified: s.qualified,
  capacity: s.signals.capacity,
});

/**
 * Matches each line of the RFQ on its own (its words, quantity and unit), and says which of the listed UMKM
 * fit which line. A one-line RFQ needs no further query: its line is the RFQ.
 */
async function matchLines(ctx: RfqContext, listed: ScoredSupplier[], qualified: ScoredSupplier[]) {
  const lines = ctx.lines ?? [];
  const linesOf: Record<string, number[]> = {};
  if (lines.length <= 1) {
    const line = lines[0] ?? { index: 0, name: ctx.title, quantity: ctx.quantity, unit: ctx.unit };
    for (const s of listed) linesOf[s.supplier.id] = [line.index];
    const view = { index: line.index, name: line.name, quantity: line.quantity, unit: line.unit };
    const candidates = qualified.slice(0, LIMITS.lineCandidates);
    return {
      lines: lines.length ? [{ line: view, matched: true, matches: candidates.slice(0, LIMITS.lineMatches) }] : [],
      split: planSplit(lines.length ? [{ line: view, candidates: candidates.map(asCandidate) }] : []),
      linesOf,
    };
  }
  const listedIds = listed.map((s) => s.supplier.id);
  const views: LineMatchView[] = [];
  const forSplit: { line: LineMatchView["line"]; candidates: LineCandidate[] }[] = [];
  const perLine = await Promise.all(
    lines.slice(0, LIMITS.matchedLines).map(async (line) => {
      const lc = lineContext(ctx, line);
      const [ranked, listedScores] = await Promise.all([
        rankSuppliers(lc, { limit: LIMITS.lineCandidates, almost: 0 }),
        scoreSuppliers(lc, listedIds),
      ]);
      return { line, ranked: ranked.matches, listedScores };
    }),
  );
  for (const { line, ranked, listedScores } of perLine) {
    const view = { index: line.index, name: line.name, quantity: line.quantity, unit: line.unit };
    const fitting = listedScores.filter((s) => fitsLine(s.signals.wordHits));
    for (const s of fitting) (linesOf[s.supplier.id] ??= []).push(line.index);
    const best = new Map<string, ScoredSupplier>();
    for (const s of [...ranked, ...fitting]) if (s.qualified && fitsLine(s.signals.wordHits)) best.set(s.supplier.id, s);
    const candidates = [...best.values()]
      .sort((a, b) => b.score - a.score || a.supplier.id.localeCompare(b.supplier.id))
      .slice(0, LIMITS.lineCandidates);
    views.push({ line: view, matched: true, matches: candidates.slice(0, LIMITS.lineMatches) });
    forSplit.push({ line: view, candidates: candidates.map(asCandidate) });
  }
  for (const line of lines.slice(LIMITS.matchedLines))
    views.push({ line: { index: line.index, name: line.name, quantity: line.quantity, unit: line.unit }, matched: false, matches: [] });
  return { lines: views, split: planSplit(forSplit), linesOf };
}

/**
 * The ranked UMKM for the buyer's own RFQ, and the almost-qualified ones with their gaps; for a multi-line RFQ
 * also each line's best UMKM, the lines each listed UMKM fits, and a suggested split across suppliers.
 */
export async function getRfqMatches(actor: Actor | null, rfqId: string, opts: { limit?: number } = {}): Promise<RfqMatches> {
  const { rfq, ctx } = await ownRfq(actor, rfqId);
  const [ranked, invitations] = await Promise.all([
    rankSuppliers(ctx, { limit: opts.limit ?? LIMITS.defaultMatches }),
    db.rfqInvitation.findMany({ where: { rfqId: rfq.id }, select: { supplierId: true } }),
  ]);
  const lines = await matchLines(ctx, [...ranked.matches, ...ranked.almostQualified], ranked.matches);
  return { rfq: summary(ctx, rfq.status), ...ranked, invitedSupplierIds: invitations.map((i) => i.supplierId), ...lines };
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

export async function cooperativesOf(ids: string[], client: Db = readReplica()): Promise<Map<string, { id: string; name: string }[]>> {
  const rows = await client.cooperativeMembership.findMany({
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
    readReplica().clusterMember.findMany({
      where: { organizationId: { in: ids }, status: "active" },
      select: { organizationId: true, cluster: { select: { id: true, name: true } } },
    }),
    readReplica().cooperativeMembership.findMany({
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
  const candidates = await readReplica().$queryRaw<{ id: string }[]>(Prisma.sql`
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
  // The candidates come from a replica (possibly behind): who may see which RFQ is decided again here, on the
  // primary, by the board's own rule — an UMKM that just left a cluster or lost an invitation sees nothing of it.
  const rfqs = await db.rfq.findMany({
    where: {
      AND: [{ id: { in: candidates.map((c) => c.id) } }, supplierVisibleRfqWhere(supplierId), { status: "open", deadline: { gt: now } }],
    },
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

// ---------------------------------------------------------------------------------------------------------
// Inviting from a supplier's public page
// ---------------------------------------------------------------------------------------------------------

export interface ProfileInviteOptions {
  /** False for an unverified buyer: it may look, not invite (issue 11). */
  verified: boolean;
  /** The buyer's own open RFQs (deadline ahead), soonest deadline first, with whether this supplier is invited. */
  rfqs: { id: string; title: string; deadline: Date; invited: boolean }[];
}

/**
 * What a buyer officer may invite this supplier to from its public page (issue 17): its own open RFQs. Null
 * when the actor is not a buyer officer with "rfq:write" or the organization is not a supplier (UMKM or
 * cooperative) — the page then shows nothing to invite with.
 */
export async function getProfileInviteOptions(
  actor: Actor | null,
  supplierId: string,
  now: Date = new Date(),
): Promise<ProfileInviteOptions | null> {
  if (actor?.membership?.organizationType !== "buyer") return null;
  let a;
  try {
    a = authorize(actor, { orgTypes: ACTORS.buyer, permission: "rfq:write" });
  } catch {
    return null;
  }
  const supplier = await db.organization.findFirst({
    where: { id: supplierId, type: { in: ["umkm", "cooperative"] } },
    select: { id: true },
  });
  if (!supplier) return null;
  const rows = await db.rfq.findMany({
    where: { ...ownRfqWhere(a.membership.organizationId), status: "open", deadline: { gt: now } },
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
    take: LIMITS.maxMatches,
    select: { id: true, title: true, deadline: true, invitations: { where: { supplierId }, select: { id: true }, take: 1 } },
  });
  return {
    verified: a.membership.verificationStatus === "verified",
    rfqs: rows.map((r) => ({ id: r.id, title: r.title, deadline: r.deadline, invited: r.invitations.length > 0 })),
  };
}
