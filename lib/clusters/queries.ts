// Reads of the cluster write side (issue 12): the public list (/klaster and GET /api/v1/clusters), what the
// signed-in visitor may do on a cluster page (the membership panel) and the manager's page (/klaster/[id]/kelola).
// Public member counts follow the disclosure rule (lib/stats/disclosure.ts): verified active members only, and
// a count under DISCLOSURE_THRESHOLD is not shown (null: "fewer than 3").
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { ACTORS } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { decodeCursor, paginate, type Page } from "@/lib/api/pagination";
import { notFound } from "@/lib/errors";
import { DISCLOSURE_THRESHOLD } from "@/lib/stats/disclosure";
import { clusterOwner } from "./manage";
import { managedBy } from "./access";
import type { ClusterListQuery } from "./schemas";

const CLUSTER_PAGE_SIZE = 20;

async function listWhere(query: ClusterListQuery): Promise<Prisma.ClusterWhereInput> {
  const and: Prisma.ClusterWhereInput[] = [];
  if (query.q)
    and.push({
      OR: [{ name: { contains: query.q, mode: "insensitive" } }, { description: { contains: query.q, mode: "insensitive" } }],
    });
  if (query.kbliSection) {
    // A section letter also finds clusters that name one of its divisions; a division finds its section's.
    const related = await db.kbliCode.findMany({
      where: {
        version: "2020",
        OR: [
          { level: 2, section: query.kbliSection },
          { level: 2, code: query.kbliSection },
        ],
      },
      select: { code: true, section: true },
    });
    const isDivision = /^\d/.test(query.kbliSection);
    const codes = [query.kbliSection, ...related.map((r) => (isDivision ? r.section : r.code))];
    and.push({ kbliSections: { hasSome: [...new Set(codes)] } });
  }
  if (query.province) {
    const regencies = await db.regency.findMany({ where: { provinceCode: query.province }, select: { code: true } });
    and.push({ OR: [{ provinceCodes: { has: query.province } }, { regencyCodes: { hasSome: regencies.map((r) => r.code) } }] });
  }
  return and.length ? { AND: and } : {};
}

const listSelect = {
  id: true,
  name: true,
  description: true,
  kbliSections: true,
  provinceCodes: true,
  regencyCodes: true,
  siteId: true,
  createdAt: true,
  manager: { select: { id: true, name: true } },
} as const;

export interface ClusterListItem {
  id: string;
  name: string;
  description: string;
  kbliSections: string[];
  provinceCodes: string[];
  regencyCodes: string[];
  siteId: string | null;
  createdAt: Date;
  manager: { id: string; name: string };
  /** Verified active members; null when fewer than 3 (disclosure rule). */
  memberCount: number | null;
  anchorCount: number;
}

async function withCounts<T extends { id: string }>(rows: T[]): Promise<(T & { memberCount: number | null; anchorCount: number })[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [members, anchors] = await Promise.all([
    db.clusterMember.groupBy({
      by: ["clusterId"],
      where: { clusterId: { in: ids }, status: "active", organization: { verificationStatus: "verified" } },
      _count: { _all: true },
    }),
    db.clusterAnchor.groupBy({ by: ["clusterId"], where: { clusterId: { in: ids }, status: "active" }, _count: { _all: true } }),
  ]);
  const m = new Map(members.map((g) => [g.clusterId, g._count._all]));
  const an = new Map(anchors.map((g) => [g.clusterId, g._count._all]));
  return rows.map((r) => {
    const n = m.get(r.id) ?? 0;
    return { ...r, memberCount: n >= DISCLOSURE_THRESHOLD ? n : null, anchorCount: an.get(r.id) ?? 0 };
  });
}

/** GET /api/v1/clusters: newest first, cursor-paged like the other lists. */
export async function listClusters(query: ClusterListQuery & { limit: number; cursor?: string }): Promise<Page<ClusterListItem>> {
  const where = await listWhere(query);
  const after = decodeCursor(query.cursor, z.tuple([z.iso.datetime({ offset: true }), z.string().max(64)]));
  const rows = await db.cluster.findMany({
    where: after
      ? {
          AND: [where, { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] }],
        }
      : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: listSelect,
  });
  const page = paginate(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: await withCounts(page.data), nextCursor: page.nextCursor };
}

/** /klaster: page-numbered, by name. */
export async function listClustersPage(query: ClusterListQuery & { page: number }) {
  const where = await listWhere(query);
  const [total, rows] = await Promise.all([
    db.cluster.count({ where }),
    db.cluster.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * CLUSTER_PAGE_SIZE,
      take: CLUSTER_PAGE_SIZE,
      select: listSelect,
    }),
  ]);
  return { total, page: query.page, pageSize: CLUSTER_PAGE_SIZE, items: await withCounts(rows) };
}

/** KBLI sections (level 1) and provinces for the list's filters. */
export async function clusterFilterOptions(locale: string) {
  const [sections, provinces] = await Promise.all([
    db.kbliCode.findMany({
      where: { version: "2020", level: 1 },
      orderBy: { code: "asc" },
      select: { code: true, titleId: true, titleEn: true },
    }),
    db.province.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } }),
  ]);
  return {
    sections: sections.map((s) => ({ code: s.code, title: locale === "en" ? (s.titleEn ?? s.titleId) : s.titleId })),
    provinces,
  };
}

export type MembershipPanelState =
  | { kind: "visitor" }
  | { kind: "manager" }
  | { kind: "member"; status: "none" | "requested" | "invited" | "active" | "declined" | "left"; canAct: boolean; verified: boolean }
  | { kind: "anchor"; status: "none" | "invited" | "active" | "declined" | "left"; canAct: boolean }
  | { kind: "other" };

/** What the signed-in visitor may do on this cluster's page. Unknown cluster: not found. */
export async function membershipPanelState(actor: Actor | null, clusterId: string): Promise<MembershipPanelState> {
  const cluster = await db.cluster.findUnique({ where: { id: String(clusterId).slice(0, 64) }, select: { id: true, managerId: true } });
  if (!cluster) throw notFound();
  const m = actor?.membership;
  if (!actor || !m) return { kind: "visitor" };
  if (m.organizationId === cluster.managerId) return { kind: "manager" };
  if ((ACTORS.clusterMembers as readonly string[]).includes(m.organizationType)) {
    const row = await db.clusterMember.findUnique({
      where: { clusterId_organizationId: { clusterId: cluster.id, organizationId: m.organizationId } },
      select: { status: true },
    });
    return {
      kind: "member",
      status: row?.status ?? "none",
      canAct: !m.suspended,
      verified: m.verificationStatus === "verified",
    };
  }
  if (m.organizationType === "buyer") {
    const row = await db.clusterAnchor.findUnique({
      where: { clusterId_buyerId: { clusterId: cluster.id, buyerId: m.organizationId } },
      select: { status: true },
    });
    return { kind: "anchor", status: row?.status ?? "none", canAct: !m.suspended && (m.role === "owner" || m.role === "admin") };
  }
  return { kind: "other" };
}

const MANAGE_LIST_LIMIT = 200;

const memberSelect = {
  status: true,
  requestedAt: true,
  joinedAt: true,
  organization: {
    select: {
      id: true,
      name: true,
      type: true,
      verificationStatus: true,
      regency: { select: { name: true } },
      supplierProfile: { select: { nib: true, sizeClass: true } },
    },
  },
} as const;

/** The manager's page: the cluster, pending requests, invitations, members and anchors. Anyone else's: 404. */
export async function getManagedCluster(actor: Actor | null, clusterId: string) {
  const a = clusterOwner(actor);
  const cluster = await db.cluster.findFirst({
    where: { id: String(clusterId).slice(0, 64), ...managedBy(a.membership.organizationId) },
    select: { ...listSelect, updatedAt: true },
  });
  if (!cluster) throw notFound();
  const byStatus = (status: "requested" | "invited" | "active") =>
    db.clusterMember.findMany({
      where: { clusterId: cluster.id, status },
      orderBy: [{ requestedAt: status === "requested" ? "asc" : "desc" }, { id: "asc" }],
      take: MANAGE_LIST_LIMIT,
      select: memberSelect,
    });
  const [requested, invited, active, counts, anchors] = await Promise.all([
    byStatus("requested"),
    byStatus("invited"),
    byStatus("active"),
    db.clusterMember.groupBy({ by: ["status"], where: { clusterId: cluster.id }, _count: { _all: true } }),
    db.clusterAnchor.findMany({
      where: { clusterId: cluster.id },
      orderBy: [{ invitedAt: "desc" }, { id: "asc" }],
      select: { status: true, invitedAt: true, decidedAt: true, buyer: { select: { id: true, name: true } } },
    }),
  ]);
  const count = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<string, number>>;
  return {
    cluster,
    requested,
    invited,
    active,
    counts: { requested: count.requested ?? 0, invited: count.invited ?? 0, active: count.active ?? 0 },
    anchors,
  };
}

/** A regional government's region (shown on the cluster form); null for other organization types. */
export async function ownRegionScope(actor: Actor | null): Promise<string | null> {
  const a = clusterOwner(actor);
  if (a.membership.organizationType !== "regional_government") return null;
  const org = await db.organization.findUnique({
    where: { id: a.membership.organizationId },
    select: { regionProvince: { select: { code: true, name: true } }, regionRegency: { select: { code: true, name: true } } },
  });
  const r = org?.regionRegency ?? org?.regionProvince;
  return r ? `${r.name} (${r.code})` : null;
}
