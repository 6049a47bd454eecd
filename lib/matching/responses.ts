// JSON shapes of the matching endpoints (GET /api/v1/rfqs/{id}/matches, GET/POST /api/v1/rfqs/{id}/consortia,
// GET /api/v1/suppliers/{id}/recommended-rfqs) and the presenters that build them, labels in the request's
// language. The contract is docs/api.md; fields beyond it only extend it.
import { z } from "zod";
import "@/lib/api/openapi";
import type { ScoredSupplier } from "./engine";
import type { ConsortiumProposal } from "./consortium-plan";
import type { ConsortiumProposals, RecommendedRfq, RfqMatches, RfqSummary } from "./service";
import type { InvitedConsortium } from "./invite";
import { gapLabel, reasonLabel, splitReasonLabel } from "./labels";
import { translate } from "@/lib/i18n/translate";
import { formatNumber } from "@/lib/i18n/format";

const Reason = z.object({
  code: z.string().openapi({ description: "Stable code, e.g. kbli_exact, words_product, capacity_full, distance_near, verified" }),
  label: z.string().openapi({ description: "The reason in the language of Accept-Language" }),
  points: z.number().openapi({ description: "Points this reason contributed to the score" }),
});
const Gap = z.object({
  code: z.enum(["cert_missing", "cert_expires", "tkdn_missing", "tkdn_below"]),
  label: z.string(),
  fixPath: z.string().openapi({ description: "Where the UMKM fixes it in the app" }),
});

const RfqRef = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  kbliCode: z.string(),
  deadline: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  requiredCertifications: z.array(z.string()),
  minTkdn: z.number().nullable(),
});

const MatchSchema = z
  .object({
    supplier: z.object({ id: z.string(), name: z.string(), regency: z.object({ code: z.string(), name: z.string() }).nullable() }),
    score: z.number().int().min(0).max(100),
    qualified: z
      .boolean()
      .openapi({ description: "Meets every hard requirement (required certificates valid on the deadline, minimum TKDN)" }),
    reasons: z.array(Reason),
    gaps: z.array(Gap).openapi({ description: "Hard requirements missed (empty for qualified suppliers)" }),
    lines: z.array(z.object({ index: z.number().int(), name: z.string() })).openapi({
      description:
        "The RFQ lines this supplier fits (every word of the line in its texts, at least one in a product or business name); " +
        "for a one-line RFQ that line",
    }),
  })
  .openapi("Match");

const LineRef = z.object({
  index: z.number().int().openapi({ description: "0-based position of the line in the RFQ" }),
  name: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
});

const LineMatchesSchema = LineRef.extend({
  matched: z.boolean().openapi({ description: "False for lines beyond the first 20 (listed, not matched)" }),
  matches: z
    .array(
      z.object({
        supplier: z.object({ id: z.string(), name: z.string() }),
        score: z.number().int().min(0).max(100),
        capacity: z.number().int().nullable().openapi({ description: "Monthly capacity of its products relevant to this line" }),
        reasons: z.array(Reason).openapi({ description: "Reasons for this line: capacity against this line's quantity" }),
      }),
    )
    .openapi({ description: "The best qualified suppliers for this line alone, best first" }),
}).openapi("LineMatches");

const SplitSchema = z
  .object({
    parts: z.array(
      z.object({
        lineIndex: z.number().int(),
        supplier: z.object({ id: z.string(), name: z.string() }),
        quantity: z.number().int().openapi({ description: "The quantity of the line suggested for this supplier" }),
        reasons: z.array(z.object({ code: z.string(), label: z.string() })),
      }),
    ),
    suppliers: z.number().int().openapi({ description: "How many different suppliers the split uses" }),
    uncovered: z.array(z.number().int()).openapi({ description: "Lines no qualified supplier fits" }),
    short: z.array(z.number().int()).openapi({ description: "Lines whose suggested suppliers together have less capacity than needed" }),
  })
  .openapi("MatchSplit");

export const MatchesResponseSchema = z
  .object({
    data: z.array(MatchSchema).openapi({ description: "Qualified suppliers, best first" }),
    almostQualified: z.array(MatchSchema).openapi({ description: "Relevant suppliers that miss a hard requirement, with their gaps" }),
    rfq: RfqRef,
    lines: z.array(LineMatchesSchema).openapi({ description: "Every line of the RFQ matched on its own (its words, quantity and unit)" }),
    split: SplitSchema.openapi({
      description: "A suggested split of the lines across suppliers that covers every line it can, with reasons",
    }),
  })
  .openapi("RfqMatches");

const ConsortiumMemberSchema = z.object({
  supplier: z.object({ id: z.string(), name: z.string() }),
  score: z.number().int(),
  capacity: z.number().int().openapi({ description: "Monthly capacity of its relevant products" }),
  shareQuantity: z.number().int(),
  sharePercent: z.number(),
  lead: z.boolean(),
});

export const ConsortiaResponseSchema = z
  .object({
    data: z.array(
      z.object({
        key: z.string(),
        kind: z.enum(["cluster", "cooperative", "nearby", "wider"]).openapi({
          description: "cluster: all members of one cluster (issue 12; preferred, the RFQ's own cluster first); cooperative; nearby; wider",
        }),
        cooperative: z.object({ id: z.string(), name: z.string() }).nullable(),
        cluster: z.object({ id: z.string(), name: z.string() }).nullable().openapi({ description: "kind cluster: the cluster" }),
        members: z.array(ConsortiumMemberSchema),
        coveredQuantity: z.number().int(),
        quantity: z.number().int(),
        reasons: z.array(z.object({ code: z.string(), label: z.string() })),
      }),
    ),
    needed: z.boolean().openapi({ description: "False when one qualified supplier can supply the whole quantity alone" }),
    bestSingleCapacity: z.number().int(),
    invited: z.array(z.object({ id: z.string(), name: z.string(), leadId: z.string(), memberIds: z.array(z.string()) })),
    clusterProposals: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          cluster: z.object({ id: z.string(), name: z.string() }),
          leadId: z.string(),
          members: z.array(z.object({ id: z.string(), name: z.string(), shareQuantity: z.number().int(), sharePercent: z.number() })),
        }),
      )
      .openapi({
        description:
          "Consortia a cluster manager proposed for this RFQ (you anchor the cluster) that you have not invited yet: invite one with POST /api/v1/rfqs/{id}/consortia {consortiumId}",
      }),
  })
  .openapi("ConsortiumProposals");

export const InvitedConsortiumSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    leadId: z.string(),
    cooperativeId: z.string().nullable(),
    members: z.array(z.object({ supplierId: z.string(), name: z.string(), shareQuantity: z.number().int(), sharePercent: z.number() })),
  })
  .openapi("InvitedConsortium");

export const RecommendedRfqsResponseSchema = z
  .object({
    data: z.array(
      z.object({
        rfq: RfqRef.extend({ buyer: z.object({ name: z.string() }), deliveryRegency: z.string().nullable() }),
        score: z.number().int(),
        qualified: z.boolean(),
        reasons: z.array(Reason),
        gaps: z.array(Gap),
      }),
    ),
  })
  .openapi("RecommendedRfqs");

function rfqRef(r: RfqSummary) {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    kbliCode: r.kbliCode,
    deadline: r.deadline.toISOString(),
    quantity: r.quantity,
    unit: r.unit,
    requiredCertifications: r.requiredCertifications,
    minTkdn: r.minTkdn,
  };
}

function presentMatch(locale: string, m: ScoredSupplier, lines: { index: number; name: string }[] = []) {
  return {
    supplier: {
      id: m.supplier.id,
      name: m.supplier.name,
      regency: m.supplier.regencyCode ? { code: m.supplier.regencyCode, name: m.supplier.regencyName ?? m.supplier.regencyCode } : null,
    },
    score: m.score,
    qualified: m.qualified,
    reasons: m.reasons.map((r) => ({ code: r.code, label: reasonLabel(locale, r), points: r.points })),
    gaps: m.gaps.map((g) => ({ code: g.code, label: gapLabel(locale, g), fixPath: g.fixPath })),
    lines,
  };
}

export function presentMatches(locale: string, r: RfqMatches) {
  const names = new Map(r.rfq.lines.map((l) => [l.index, l.name]));
  const linesOf = (id: string) => (r.linesOf[id] ?? []).map((index) => ({ index, name: names.get(index) ?? "" }));
  return {
    data: r.matches.map((m) => presentMatch(locale, m, linesOf(m.supplier.id))),
    almostQualified: r.almostQualified.map((m) => presentMatch(locale, m, linesOf(m.supplier.id))),
    rfq: rfqRef(r.rfq),
    lines: r.lines.map((l) => ({
      ...l.line,
      matched: l.matched,
      matches: l.matches.map((m) => ({
        supplier: { id: m.supplier.id, name: m.supplier.name },
        score: m.score,
        capacity: m.signals.capacity,
        reasons: m.reasons.map((x) => ({ code: x.code, label: reasonLabel(locale, x), points: x.points })),
      })),
    })),
    split: {
      parts: r.split.parts.map((p) => ({
        lineIndex: p.lineIndex,
        supplier: { id: p.supplierId, name: p.supplierName },
        quantity: p.quantity,
        reasons: p.reasons.map((x) => ({ code: x.code, label: splitReasonLabel(locale, x) })),
      })),
      suppliers: r.split.suppliers,
      uncovered: r.split.uncovered,
      short: r.split.short,
    },
  };
}

/** The reasons of a consortium proposal, as {code, params} (labels via consortiumReasonLabel). */
export function consortiumReasons(p: ConsortiumProposal, unit: string): { code: string; params: Record<string, string | number> }[] {
  const out: { code: string; params: Record<string, string | number> }[] = [
    { code: "covers", params: { covered: p.coveredQuantity, quantity: p.quantity, unit } },
  ];
  if (p.cluster) out.push({ code: "sameCluster", params: { cluster: p.cluster.name } });
  if (p.cooperative) out.push({ code: "sameCooperative", params: { cooperative: p.cooperative.name } });
  if (p.spanKm !== null) out.push({ code: "span", params: { km: p.spanKm } });
  out.push({ code: "averageScore", params: { score: p.averageScore } });
  return out;
}

export function consortiumReasonLabel(locale: string, r: { code: string; params: Record<string, string | number> }): string {
  const l = locale === "en" ? "en" : "id";
  const values = Object.fromEntries(
    Object.entries(r.params).map(([k, v]) => [k, typeof v === "number" ? formatNumber(v, l, { maximumFractionDigits: 0 }) : v]),
  );
  return translate(l, `matching.consortium.${r.code}`, values);
}

export function presentConsortia(locale: string, c: ConsortiumProposals) {
  return {
    data: c.proposals.map((p) => ({
      key: p.key,
      kind: p.kind,
      cooperative: p.cooperative,
      cluster: p.cluster,
      members: p.members.map((m) => ({
        supplier: { id: m.id, name: m.name },
        score: m.score,
        capacity: m.capacity,
        shareQuantity: m.shareQuantity,
        sharePercent: m.sharePercent,
        lead: m.id === p.leadId,
      })),
      coveredQuantity: p.coveredQuantity,
      quantity: p.quantity,
      reasons: consortiumReasons(p, c.rfq.unit).map((r) => ({ code: r.code, label: consortiumReasonLabel(locale, r) })),
    })),
    needed: c.needed,
    bestSingleCapacity: c.bestSingleCapacity,
    invited: c.invited,
    clusterProposals: c.clusterProposals,
  };
}

export function presentInvited(c: InvitedConsortium) {
  return c;
}

export function presentRecommended(locale: string, list: RecommendedRfq[]) {
  return {
    data: list.map((x) => ({
      rfq: { ...rfqRef(x.rfq), buyer: { name: x.rfq.buyerName }, deliveryRegency: x.rfq.deliveryRegencyName },
      score: x.score,
      qualified: x.qualified,
      reasons: x.reasons.map((r) => ({ code: r.code, label: reasonLabel(locale, r), points: r.points })),
      gaps: x.gaps.map((g) => ({ code: g.code, label: gapLabel(locale, g), fixPath: g.fixPath })),
    })),
  };
}
