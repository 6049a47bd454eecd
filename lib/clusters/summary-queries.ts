// The SQL behind a cluster's figures (lib/clusters/summary.ts; docs/decisions/0028-cluster-figures.md). Exact
// figures only: who may see them, and what the public gets instead, is summary.ts's concern.
//
// Who counts as a member:
//  - the cluster's UMKM: the UMKM that are active members themselves, plus the active members (UMKM) of every
//    cooperative that is an active member — each UMKM once, however many ways it belongs (a UNION, not a sum);
//  - the cluster's cooperatives: the cooperatives that are active members;
//  - suspended organizations (issue 16) count nowhere: their public pages are hidden and so are they here.
// Certificates: held and valid today by the rule of lib/suppliers/certificate-trust.ts (verifiedBy: status
// "verified" and verified no later than now) and not expired (no end date, or an end date today or later).
// Partnerships with the anchors: agreements whose buyer is an active anchor and whose lead supplier or another
// supplier-side party (consortium member) is a member — counted statuses only (active, completed), both
// buyer and lead supplier verified, not excluded as a fake partnership (Agreement.excludedAt), the rules of
// the statistics rollups (docs/decisions/0012-partnership-statistics.md).
import "server-only";
import { db, Prisma } from "@/lib/db";

/**
 * CTEs `direct` (active member organizations: id, type), `umkm` (the cluster's UMKM, distinct) and `members`
 * (the UMKM plus the member cooperatives: every organization whose partnerships are the cluster's).
 * Used with `WITH ${clusterMemberCtes(id)} SELECT …`.
 */
export function clusterMemberCtes(clusterId: string): Prisma.Sql {
  return Prisma.sql`
    direct AS (
      SELECT cm."organizationId" AS id, o.type::text AS type
        FROM "ClusterMember" cm JOIN "Organization" o ON o.id = cm."organizationId"
       WHERE cm."clusterId" = ${clusterId} AND cm.status = 'active' AND o."suspendedAt" IS NULL
         AND o.type IN ('umkm', 'cooperative')
    ),
    umkm AS (
      SELECT id FROM direct WHERE type = 'umkm'
      UNION
      SELECT k."memberId" AS id
        FROM direct d
        JOIN "CooperativeMembership" k ON k."cooperativeId" = d.id AND k.status = 'active'
        JOIN "Organization" u ON u.id = k."memberId" AND u.type = 'umkm' AND u."suspendedAt" IS NULL
       WHERE d.type = 'cooperative'
    ),
    members AS (
      SELECT id FROM umkm UNION SELECT id FROM direct WHERE type = 'cooperative'
    )`;
}

/** A SQL condition: `column` is one of the cluster's member organizations (UMKM, direct or via a cooperative, and member cooperatives). */
export function inClusterMembers(column: Prisma.Sql, clusterId: string): Prisma.Sql {
  return Prisma.sql`${column} IN (WITH ${clusterMemberCtes(clusterId)} SELECT id FROM members)`;
}

export interface MemberBreakdown {
  umkm: number;
  cooperatives: number;
  bySizeClass: Map<string, number>;
  byProvince: Map<string, number>;
  byVerification: Map<string, number>;
}

/** The cluster's UMKM by size class, province (the profile's regency, else the organization's) and verification. */
export async function queryMembers(clusterId: string): Promise<MemberBreakdown> {
  const rows = await db.$queryRaw<{ size: string | null; province: string | null; verification: string | null; g: number; n: number }[]>`
    WITH ${clusterMemberCtes(clusterId)},
    dims AS (
      SELECT coalesce(sp."sizeClass"::text, '-') AS size,
             coalesce(r1."provinceCode", r2."provinceCode", '-') AS province,
             o."verificationStatus"::text AS verification
        FROM umkm
        JOIN "Organization" o ON o.id = umkm.id
        LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = umkm.id
        LEFT JOIN "Regency" r1 ON r1.code = sp."regencyCode"
        LEFT JOIN "Regency" r2 ON r2.code = o."regencyCode"
    )
    SELECT size, province, verification, GROUPING(size, province, verification)::int AS g, count(*)::int AS n
      FROM dims GROUP BY GROUPING SETS ((size), (province), (verification), ())`;
  const [coops] = await db.$queryRaw<{ n: number }[]>`
    WITH ${clusterMemberCtes(clusterId)} SELECT count(*)::int AS n FROM direct WHERE type = 'cooperative'`;
  const out: MemberBreakdown = {
    umkm: 0,
    cooperatives: coops?.n ?? 0,
    bySizeClass: new Map(),
    byProvince: new Map(),
    byVerification: new Map(),
  };
  for (const r of rows) {
    // GROUPING bits: size 4, province 2, verification 1 (1 = rolled up)
    if (r.g === 7) out.umkm = r.n;
    else if (r.g === 3) out.bySizeClass.set(r.size ?? "-", r.n);
    else if (r.g === 5) out.byProvince.set(r.province ?? "-", r.n);
    else if (r.g === 6) out.byVerification.set(r.verification ?? "-", r.n);
  }
  return out;
}

export const CLUSTER_CERTIFICATE_TYPES = ["halal", "sni", "iso9001", "tkdn"] as const;
export type ClusterCertificateType = (typeof CLUSTER_CERTIFICATE_TYPES)[number];

/** The UMKM day `now` falls on (UTC calendar, as certificate dates are stored). */
function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Distinct member UMKM holding a valid, trusted certificate of each type at `now`. */
export async function queryCertificates(clusterId: string, now: Date): Promise<Record<ClusterCertificateType, number>> {
  const rows = await db.$queryRaw<{ type: string; n: number }[]>`
    WITH ${clusterMemberCtes(clusterId)}
    SELECT c.type::text AS type, count(DISTINCT c."organizationId")::int AS n
      FROM umkm JOIN "Certification" c ON c."organizationId" = umkm.id
     WHERE c.type IN ('halal', 'sni', 'iso9001', 'tkdn')
       AND c."verificationStatus" = 'verified' AND c."verifiedAt" IS NOT NULL AND c."verifiedAt" <= ${now}
       AND (c."validUntil" IS NULL OR c."validUntil" >= ${dayOf(now)}::date)
     GROUP BY 1`;
  const out = { halal: 0, sni: 0, iso9001: 0, tkdn: 0 };
  for (const r of rows) out[r.type as ClusterCertificateType] = r.n;
  return out;
}

export interface CapacityRow {
  kbliCode: string;
  unit: string;
  monthlyCapacity: bigint;
  products: number;
  umkm: number;
}

/**
 * Monthly capacity of the members' products (not archived, capacity stated) by product kind: the product's
 * 5-digit KBLI 2020 code, and its unit (capacities in different units are never added up).
 */
export async function queryCapacity(clusterId: string): Promise<CapacityRow[]> {
  return db.$queryRaw<CapacityRow[]>`
    WITH ${clusterMemberCtes(clusterId)}
    SELECT p."kbliCode", lower(trim(p.unit)) AS unit, sum(p."monthlyCapacity")::bigint AS "monthlyCapacity",
           count(*)::int AS products, count(DISTINCT p."supplierId")::int AS umkm
      FROM umkm JOIN "Product" p ON p."supplierId" = umkm.id
     WHERE p."archivedAt" IS NULL AND p."monthlyCapacity" IS NOT NULL AND p."monthlyCapacity" > 0
     GROUP BY 1, 2
     ORDER BY umkm DESC, "monthlyCapacity" DESC, 1, 2`;
}

export interface PartnershipFigures {
  agreements: number;
  valueIdr: bigint;
  /** distinct member organizations on the supplier side (leads and consortium members) */
  suppliers: number;
  /** distinct lead suppliers */
  leads: number;
}

/** Partnerships with the active, not suspended anchors, per anchor (buyerId) and in total (key null). */
export async function queryPartnerships(clusterId: string): Promise<Map<string | null, PartnershipFigures>> {
  const rows = await db.$queryRaw<{ buyerId: string | null; agreements: number; value: bigint; suppliers: number; leads: number }[]>`
    WITH ${clusterMemberCtes(clusterId)},
    counted AS (
      SELECT a.id, a."buyerId", a."supplierId", a."valueIdr"
        FROM "ClusterAnchor" ca
        JOIN "Agreement" a ON a."buyerId" = ca."buyerId" AND a.status IN ('active', 'completed') AND a."excludedAt" IS NULL
        -- a suspended anchor is not listed on the page (summary.ts), so it is not in the total either: a total
        -- holding a row nobody sees would give that row away (total − shown rows)
        JOIN "Organization" b ON b.id = a."buyerId" AND b."verificationStatus" = 'verified' AND b."suspendedAt" IS NULL
        JOIN "Organization" s ON s.id = a."supplierId" AND s."verificationStatus" = 'verified'
       WHERE ca."clusterId" = ${clusterId} AND ca.status = 'active'
    ),
    sides AS (
      SELECT c.id, c."supplierId" AS org FROM counted c
      UNION
      SELECT c.id, p."organizationId" FROM counted c
        JOIN "AgreementParty" p ON p."agreementId" = c.id AND p.role IN ('supplier', 'consortium_member')
    ),
    member_sides AS (SELECT sides.id, sides.org FROM sides JOIN members m ON m.id = sides.org),
    ours AS (SELECT * FROM counted c WHERE EXISTS (SELECT 1 FROM member_sides x WHERE x.id = c.id)),
    agg AS (
      SELECT "buyerId", count(*)::int AS agreements, coalesce(sum("valueIdr"), 0)::bigint AS value,
             count(DISTINCT "supplierId")::int AS leads
        FROM ours GROUP BY GROUPING SETS (("buyerId"), ())
    ),
    sup AS (
      SELECT y."buyerId", count(DISTINCT x.org)::int AS suppliers
        FROM member_sides x JOIN ours y ON y.id = x.id GROUP BY GROUPING SETS ((y."buyerId"), ())
    )
    SELECT agg."buyerId", agg.agreements, agg.value, coalesce(sup.suppliers, 0)::int AS suppliers, agg.leads
      FROM agg LEFT JOIN sup ON sup."buyerId" IS NOT DISTINCT FROM agg."buyerId"`;
  const out = new Map<string | null, PartnershipFigures>();
  for (const r of rows) {
    out.set(r.buyerId, { agreements: r.agreements, valueIdr: BigInt(r.value), suppliers: r.suppliers, leads: r.leads });
  }
  if (!out.has(null)) out.set(null, { agreements: 0, valueIdr: 0n, suppliers: 0, leads: 0 });
  return out;
}

/** Member UMKM whose size class ever went up (mikro → kecil, kecil → menengah; the statistics' "StatsSizeUp"). */
export async function queryMovedUp(clusterId: string): Promise<number> {
  const [r] = await db.$queryRaw<{ n: number }[]>`
    WITH ${clusterMemberCtes(clusterId)}
    SELECT count(DISTINCT z."supplierId")::int AS n FROM "StatsSizeUp" z JOIN umkm ON umkm.id = z."supplierId"`;
  return r?.n ?? 0;
}

export interface NamedMember {
  id: string;
  name: string;
  type: string;
  sizeClass: string | null;
  provinceCode: string | null;
  verified: boolean;
  /** the member cooperative it belongs through (null: a member itself) */
  viaCooperative: string | null;
}

/** The named members (direct members first by name, then UMKM through cooperatives), at most `limit`. */
export async function queryNamedMembers(clusterId: string, limit: number): Promise<NamedMember[]> {
  return db.$queryRaw<NamedMember[]>`
    WITH ${clusterMemberCtes(clusterId)},
    via AS (
      SELECT k."memberId" AS id, min(c.name) AS coop
        FROM direct d JOIN "Organization" c ON c.id = d.id
        JOIN "CooperativeMembership" k ON k."cooperativeId" = d.id AND k.status = 'active'
       WHERE d.type = 'cooperative' GROUP BY 1
    ),
    everyone AS (
      SELECT id FROM direct UNION SELECT id FROM umkm
    )
    SELECT o.id, o.name, o.type::text AS type, sp."sizeClass"::text AS "sizeClass",
           coalesce(r1."provinceCode", r2."provinceCode") AS "provinceCode",
           (o."verificationStatus" = 'verified') AS verified,
           CASE WHEN EXISTS (SELECT 1 FROM direct d WHERE d.id = o.id) THEN NULL ELSE via.coop END AS "viaCooperative"
      FROM everyone e
      JOIN "Organization" o ON o.id = e.id
      LEFT JOIN via ON via.id = o.id
      LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
      LEFT JOIN "Regency" r1 ON r1.code = sp."regencyCode"
      LEFT JOIN "Regency" r2 ON r2.code = o."regencyCode"
     ORDER BY (CASE WHEN EXISTS (SELECT 1 FROM direct d WHERE d.id = o.id) THEN 0 ELSE 1 END), o.name, o.id
     LIMIT ${limit}`;
}
