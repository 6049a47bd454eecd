// The ministry dashboard's overview: partnerships by scheme and by the UMKM's province, and UMKM that moved
// up a size class. Aggregates only (named organizations are for the statistics drill-down).
import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";

export async function getMinistryOverview(actor: Actor | null) {
  authorize(actor, { orgTypes: ["ministry"] });
  const [byScheme, byProvince, movedUp] = await Promise.all([
    db.agreement.groupBy({
      by: ["scheme"],
      where: { status: { in: ["active", "completed"] } },
      _count: { _all: true },
      _sum: { valueIdr: true },
      orderBy: { scheme: "asc" },
    }),
    db.$queryRaw<{ code: string; name: string; agreements: number; suppliers: number; valueIdr: bigint }[]>`
      SELECT p.code, p.name, count(a.id)::int AS agreements, count(DISTINCT a."supplierId")::int AS suppliers,
             coalesce(sum(a."valueIdr"), 0)::bigint AS "valueIdr"
      FROM "Agreement" a
      JOIN "SupplierProfile" sp ON sp."organizationId" = a."supplierId"
      JOIN "Regency" r ON r.code = sp."regencyCode"
      JOIN "Province" p ON p.code = r."provinceCode"
      WHERE a.status IN ('active', 'completed')
      GROUP BY p.code, p.name
      ORDER BY agreements DESC, p.code
      LIMIT 10`,
    db.$queryRaw<{ count: number }[]>`
      SELECT count(DISTINCT h1."supplierId")::int AS count
      FROM "SizeClassChange" h1
      JOIN "SizeClassChange" h2 ON h2."supplierId" = h1."supplierId" AND h2."effectiveAt" > h1."effectiveAt"
      WHERE array_position(ARRAY['mikro','kecil','menengah','besar'], h2."sizeClass"::text)
          > array_position(ARRAY['mikro','kecil','menengah','besar'], h1."sizeClass"::text)`,
  ]);
  return {
    byScheme: byScheme.map((g) => ({ scheme: g.scheme, count: g._count._all, valueIdr: g._sum.valueIdr ?? BigInt(0) })),
    byProvince,
    movedUpCount: movedUp[0]?.count ?? 0,
  };
}
