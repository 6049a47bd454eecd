// A cooperative's dashboard: its member UMKM.
import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";

export async function getCooperativeDashboard(actor: Actor | null, { limit = 50 }: { limit?: number } = {}) {
  const a = authorize(actor, { orgTypes: ["cooperative"], permission: "org:read" });
  const cooperativeId = a.membership.organizationId;
  const [members, total, bySize] = await Promise.all([
    db.cooperativeMembership.findMany({
      where: { cooperativeId, status: "active" },
      orderBy: { joinedAt: "asc" },
      take: limit,
      select: {
        memberNumber: true,
        joinedAt: true,
        member: {
          select: {
            id: true,
            name: true,
            supplierProfile: {
              select: { sizeClass: true, verificationStatus: true, regency: { select: { name: true } } },
            },
            _count: { select: { products: { where: { archivedAt: null } } } },
          },
        },
      },
    }),
    db.cooperativeMembership.count({ where: { cooperativeId, status: "active" } }),
    db.supplierProfile.groupBy({
      by: ["sizeClass"],
      where: { organization: { cooperatives: { some: { cooperativeId, status: "active" } } } },
      _count: { _all: true },
    }),
  ]);
  return {
    members,
    total,
    bySize: Object.fromEntries(bySize.map((g) => [g.sizeClass ?? "unknown", g._count._all])) as Record<string, number>,
  };
}
