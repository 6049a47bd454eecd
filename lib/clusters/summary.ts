// A cluster's figures for one viewer (the /klaster/[id] page and GET /api/v1/clusters/{id}; issue 12,
// docs/decisions/0028-cluster-figures.md). The exact figures come from summary-queries.ts; here they are
// protected for the viewer with the one disclosure rule of the statistics (lib/stats/disclosure.ts):
//
//  - exact figures: ministry and platform staff (the statistics' "exact" audience) and a verified regional
//    government whose region contains the cluster's whole scope;
//  - the manager and the active anchors: exact member, certificate and capacity figures and the named member list
//    (they work with the members by name); partnership figures protected like the public's (the contracts of
//    other firms are not theirs);
//  - an active member (direct, or an UMKM through a member cooperative): the public figures and its own membership;
//  - everybody else: the public figures — a group of fewer than 3 UMKM is withheld (with secondary suppression
//    where the total is published), partnership figures only when backed by at least 3 distinct UMKM.
import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { enumLabelKey, SIZE_CLASSES, VERIFICATION_STATUSES, type SizeClass, type VerificationStatus } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { audienceOf, DISCLOSURE_THRESHOLD, publishFigure, suppressTable, type Audience, type GroupFigures } from "@/lib/stats/disclosure";
import { getProvinceNames } from "@/lib/stats/partnerships";
import {
  CLUSTER_CERTIFICATE_TYPES,
  queryCapacity,
  queryCertificates,
  queryMembers,
  queryMovedUp,
  queryNamedMembers,
  queryPartnerships,
  type ClusterCertificateType,
  type NamedMember,
} from "./summary-queries";
import { NAMED_MEMBER_LIMIT } from "./summary-limits";

/** Who the viewer is to this cluster; decides what the summary shows (ADR 0028). */
export type ClusterViewerRole = "staff" | "region" | "manager" | "anchor" | "member" | "public";

export interface CountRow {
  key: string;
  label: string;
  umkm: number | null;
  suppressed: boolean;
}

export interface CertificateFigure {
  umkm: number | null;
  /** holders ÷ the cluster's UMKM (0..1); null when withheld or no UMKM */
  share: number | null;
  suppressed: boolean;
}

export interface CapacityFigure {
  kbliCode: string;
  kbliTitle: string;
  unit: string;
  monthlyCapacity: bigint | null;
  products: number | null;
  umkm: number | null;
  suppressed: boolean;
}

export interface AnchorPartnership {
  id: string;
  name: string;
  agreements: number | null;
  valueIdr: bigint | null;
  suppliers: number | null;
  suppressed: boolean;
}

export interface ClusterSummary {
  id: string;
  name: string;
  description: string;
  kbliSections: { code: string; title: string }[];
  provinces: { code: string; name: string }[];
  regencies: { code: string; name: string }[];
  site: { id: string; name: string; kind: string } | null;
  manager: { id: string; name: string };
  anchors: { id: string; name: string }[];
  viewer: ClusterViewerRole;
  /** "exact": member figures unprotected; partnerships follow `partnershipDisclosure`. */
  disclosure: "exact" | "protected";
  partnershipDisclosure: "exact" | "protected";
  members: {
    umkm: number | null;
    cooperatives: number;
    suppressed: boolean;
    bySizeClass: CountRow[];
    byProvince: CountRow[];
    byVerification: CountRow[];
  };
  certificates: Record<ClusterCertificateType, CertificateFigure>;
  capacity: { rows: CapacityFigure[]; moreKinds: number };
  partnerships: {
    agreements: number | null;
    valueIdr: bigint | null;
    suppliers: number | null;
    suppressed: boolean;
    byAnchor: AnchorPartnership[];
  };
  movedUp: number | null;
  /** The manager and anchors: the named members (first NAMED_MEMBER_LIMIT). */
  namedMembers: NamedMember[] | null;
  /** An active member: how it belongs (directly, or through which cooperative). */
  ownMembership: { direct: boolean; viaCooperatives: string[] } | null;
  asOf: Date;
}

const CAPACITY_ROWS = 15;

async function loadCluster(clusterId: string) {
  const cluster = await db.cluster.findUnique({
    where: { id: clusterId },
    select: {
      id: true,
      name: true,
      description: true,
      kbliSections: true,
      provinceCodes: true,
      regencyCodes: true,
      site: { select: { id: true, name: true, kind: true } },
      manager: { select: { id: true, name: true, suspendedAt: true } },
      anchors: {
        where: { status: "active", buyer: { suspendedAt: null } },
        select: { buyer: { select: { id: true, name: true } } },
        orderBy: { buyer: { name: "asc" } },
      },
    },
  });
  if (!cluster || cluster.manager.suspendedAt) throw notFound();
  return cluster;
}

/** Whether a government's region (one province, or one regency) contains every province and regency of the scope. */
function regionContainsScope(
  gov: { regionProvinceCode: string | null; regionRegencyCode: string | null },
  scope: { provinceCodes: string[]; regencyCodes: string[] },
): boolean {
  const { provinceCodes, regencyCodes } = scope;
  if (provinceCodes.length === 0 && regencyCodes.length === 0) return false;
  if (gov.regionProvinceCode) {
    const p = gov.regionProvinceCode;
    return provinceCodes.every((c) => c === p) && regencyCodes.every((c) => c.startsWith(`${p}.`));
  }
  if (gov.regionRegencyCode) {
    return provinceCodes.length === 0 && regencyCodes.every((c) => c === gov.regionRegencyCode);
  }
  return false;
}

async function viewerRole(
  actor: Actor | null,
  cluster: { id: string; provinceCodes: string[]; regencyCodes: string[]; manager: { id: string }; anchors: { buyer: { id: string } }[] },
): Promise<ClusterViewerRole> {
  const m = actor?.membership;
  if (!m) return "public";
  if (audienceOf(actor) === "exact") return "staff";
  if (m.organizationType === "regional_government" && m.verificationStatus === "verified" && can(m, "region:dashboard")) {
    const gov = await db.organization.findUnique({
      where: { id: m.organizationId },
      select: { regionProvinceCode: true, regionRegencyCode: true, suspendedAt: true },
    });
    if (gov && !gov.suspendedAt && regionContainsScope(gov, cluster)) return "region";
  }
  if (m.organizationId === cluster.manager.id) return "manager";
  if (cluster.anchors.some((a) => a.buyer.id === m.organizationId)) return "anchor";
  return "public"; // a member is found with its own membership (below)
}

/** Count rows, protected for the audience: rows of 1–2 UMKM withheld, one more where a single one would be recomputable. */
function protectCounts(audience: Audience, entries: { key: string; label: string; n: number }[], total: number): CountRow[] {
  if (audience === "exact") return entries.map((e) => ({ key: e.key, label: e.label, umkm: e.n, suppressed: false }));
  const fig = (n: number): GroupFigures => ({ agreements: 0, valueIdr: 0n, suppliers: n, leads: n });
  const { suppressed, totalsSuppressed } = suppressTable(
    entries.map((e) => fig(e.n)),
    fig(total),
  );
  return entries.map((e, i) => {
    const hide = e.n > 0 && (totalsSuppressed || suppressed.has(i));
    return { key: e.key, label: e.label, umkm: hide ? null : e.n, suppressed: hide };
  });
}

/** A plain message by its dotted key (the key itself when missing). Free of next-intl, so scripts (the
 * benchmark) can load this module outside Next.js — the rule of lib/stats/partnerships.ts. */
function translate(locale: Locale, key: string): string {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : key;
}

async function kbliTitles(codes: string[], locale: Locale): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.kbliCode.findMany({
    where: { version: "2020", code: { in: codes } },
    select: { code: true, titleId: true, titleEn: true },
  });
  return new Map(rows.map((r) => [r.code, locale === "en" && r.titleEn ? r.titleEn : r.titleId]));
}

/** The cluster's summary as `actor` may see it (labels in `locale`); unknown id → not found. */
export async function getClusterSummary(
  clusterId: string,
  actor: Actor | null,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<ClusterSummary> {
  const locale = opts.locale ?? "id";
  const now = opts.now ?? new Date();
  const cluster = await loadCluster(clusterId);
  let role = await viewerRole(actor, cluster);
  const [members, certificates, capacity, partnerships, movedUp, provinceNames, regencies, own] = await Promise.all([
    queryMembers(clusterId),
    queryCertificates(clusterId, now),
    queryCapacity(clusterId),
    queryPartnerships(clusterId),
    queryMovedUp(clusterId),
    getProvinceNames(),
    cluster.regencyCodes.length
      ? db.regency.findMany({ where: { code: { in: cluster.regencyCodes } }, select: { code: true, name: true }, orderBy: { code: "asc" } })
      : Promise.resolve([]),
    role === "public" && actor?.membership ? ownMembership(clusterId, actor.membership.organizationId) : Promise.resolve(null),
  ]);
  if (own) role = "member";
  const audience: Audience = role === "staff" || role === "region" || role === "manager" || role === "anchor" ? "exact" : "public";
  const partnershipAudience: Audience = role === "staff" || role === "region" ? "exact" : "public";
  const titles = await kbliTitles([...cluster.kbliSections, ...capacity.slice(0, CAPACITY_ROWS).map((c) => c.kbliCode)], locale);
  const sizeLabel = (k: string) => translate(locale, enumLabelKey("SizeClass", k as SizeClass));
  const verLabel = (k: string) => translate(locale, enumLabelKey("VerificationStatus", k as VerificationStatus));

  // ---- members
  const total = members.umkm;
  const totalHidden = audience === "public" && total > 0 && total < 3;
  const sizeKeys = [...SIZE_CLASSES, "-"].filter((k) => members.bySizeClass.has(k));
  const verKeys = [...VERIFICATION_STATUSES].filter((k) => members.byVerification.has(k));
  const provKeys = [...members.byProvince.keys()].sort(
    (a, b) => (members.byProvince.get(b) ?? 0) - (members.byProvince.get(a) ?? 0) || a.localeCompare(b),
  );
  const unknownLabel = translate(locale, "stats.unknown");
  const bySizeClass = protectCounts(
    audience,
    sizeKeys.map((k) => ({ key: k, label: k === "-" ? unknownLabel : sizeLabel(k), n: members.bySizeClass.get(k) ?? 0 })),
    total,
  );
  const byProvince = protectCounts(
    audience,
    provKeys.map((k) => ({ key: k, label: k === "-" ? unknownLabel : (provinceNames.get(k) ?? k), n: members.byProvince.get(k) ?? 0 })),
    total,
  );
  const byVerification = protectCounts(
    audience,
    verKeys.map((k) => ({ key: k, label: verLabel(k), n: members.byVerification.get(k) ?? 0 })),
    total,
  );

  // ---- certificates
  const certs = Object.fromEntries(
    CLUSTER_CERTIFICATE_TYPES.map((type) => {
      const n = certificates[type];
      // public: neither the holders nor the members without one may be a group of 1–2 ("6 of 7" singles out one)
      const fewWithout = audience === "public" && total - n > 0 && total - n < DISCLOSURE_THRESHOLD;
      const shown = totalHidden || fewWithout ? null : publishFigure(audience, n, n);
      return [type, { umkm: shown, share: shown === null || total === 0 ? null : shown / total, suppressed: shown === null }];
    }),
  ) as Record<ClusterCertificateType, CertificateFigure>;

  // ---- capacity by product kind (KBLI code × unit)
  const capacityRows: CapacityFigure[] = capacity.slice(0, CAPACITY_ROWS).map((c) => {
    const hide = audience === "public" && c.umkm < 3;
    return {
      kbliCode: c.kbliCode,
      kbliTitle: titles.get(c.kbliCode) ?? c.kbliCode,
      unit: c.unit,
      monthlyCapacity: hide ? null : BigInt(c.monthlyCapacity),
      products: hide ? null : c.products,
      umkm: hide ? null : c.umkm,
      suppressed: hide,
    };
  });

  // ---- partnerships with the anchors (a table by anchor with its totals: primary and secondary suppression)
  const anchorRows = cluster.anchors.map((a) => ({
    id: a.buyer.id,
    name: a.buyer.name,
    ...(partnerships.get(a.buyer.id) ?? { agreements: 0, valueIdr: 0n, suppliers: 0, leads: 0 }),
  }));
  const ptotal = partnerships.get(null)!;
  const protectedTable =
    partnershipAudience === "exact" ? { suppressed: new Set<number>(), totalsSuppressed: false } : suppressTable(anchorRows, ptotal);
  const byAnchor: AnchorPartnership[] = anchorRows.map((r, i) => {
    const empty = r.agreements === 0 && r.suppliers === 0;
    const hide = !empty && (protectedTable.totalsSuppressed || protectedTable.suppressed.has(i));
    return {
      id: r.id,
      name: r.name,
      agreements: hide ? null : r.agreements,
      valueIdr: hide ? null : r.valueIdr,
      suppliers: hide ? null : r.suppliers,
      suppressed: hide,
    };
  });
  const ptHidden = protectedTable.totalsSuppressed && ptotal.agreements > 0;

  return {
    id: cluster.id,
    name: cluster.name,
    description: cluster.description,
    kbliSections: cluster.kbliSections.map((code) => ({ code, title: titles.get(code) ?? code })),
    provinces: cluster.provinceCodes.map((code) => ({ code, name: provinceNames.get(code) ?? code })),
    regencies,
    site: cluster.site,
    manager: { id: cluster.manager.id, name: cluster.manager.name },
    anchors: cluster.anchors.map((a) => a.buyer),
    viewer: role,
    disclosure: audience === "exact" ? "exact" : "protected",
    partnershipDisclosure: partnershipAudience === "exact" ? "exact" : "protected",
    members: {
      umkm: totalHidden ? null : total,
      cooperatives: members.cooperatives,
      suppressed: totalHidden,
      bySizeClass,
      byProvince,
      byVerification,
    },
    certificates: certs,
    capacity: { rows: capacityRows, moreKinds: Math.max(0, capacity.length - CAPACITY_ROWS) },
    partnerships: {
      agreements: ptHidden ? null : ptotal.agreements,
      valueIdr: ptHidden ? null : ptotal.valueIdr,
      suppliers: ptHidden ? null : ptotal.suppliers,
      suppressed: ptHidden,
      byAnchor,
    },
    movedUp: totalHidden ? null : publishFigure(audience, movedUp, movedUp),
    namedMembers: role === "manager" || role === "anchor" ? await queryNamedMembers(clusterId, NAMED_MEMBER_LIMIT) : null,
    ownMembership: own,
    asOf: now,
  };
}

/** How an organization belongs to the cluster: as an active member itself and/or through active member cooperatives. */
async function ownMembership(clusterId: string, organizationId: string): Promise<{ direct: boolean; viaCooperatives: string[] } | null> {
  const [direct, via] = await Promise.all([
    db.clusterMember.findFirst({ where: { clusterId, organizationId, status: "active" }, select: { id: true } }),
    db.cooperativeMembership.findMany({
      where: {
        memberId: organizationId,
        status: "active",
        cooperative: {
          suspendedAt: null,
          type: "cooperative",
          clusterMemberships: { some: { clusterId, status: "active" } },
        },
      },
      select: { cooperative: { select: { name: true } } },
    }),
  ]);
  if (!direct && via.length === 0) return null;
  return { direct: Boolean(direct), viaCooperatives: via.map((v) => v.cooperative.name).sort() };
}

/** The cluster's name for the page title (null when there is no such cluster, or its manager is suspended). */
export async function getClusterTitle(clusterId: string): Promise<string | null> {
  const c = await db.cluster.findUnique({ where: { id: clusterId }, select: { name: true, manager: { select: { suspendedAt: true } } } });
  return c && !c.manager.suspendedAt ? c.name : null;
}
