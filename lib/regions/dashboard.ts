// A region's dashboard figures (/daerah and GET /api/v1/regions/{code}/dashboard): UMKM by size class, sector,
// verification and valid certificates; counted partnerships down to regency; the follow-up counts. Exact figures,
// no suppression: only the region's own government, ministry staff and platform admins get here (./scope.ts).
import "server-only";
import { db, Prisma } from "@/lib/db";
import { jakartaToday } from "@/lib/suppliers/search-hits";
import type { RegionRef } from "./access";
import { countedAgreement, inRegion, validCertificate } from "./figures";
import { followUpCounts } from "./follow-up";
import { regionRegencies } from "./scope";

export const DASHBOARD_SIZE_CLASSES = ["mikro", "kecil", "menengah", "besar", "unknown"] as const;
export const DASHBOARD_VERIFICATION = ["unverified", "pending", "verified", "returned"] as const;
export const DASHBOARD_CERTIFICATES = ["halal", "sni", "iso9001", "tkdn"] as const;

export interface RegionDashboard {
  region: RegionRef;
  /** The day certificates are judged on (Asia/Jakarta). */
  asOf: string;
  umkm: {
    total: number;
    bySizeClass: Record<(typeof DASHBOARD_SIZE_CLASSES)[number], number>;
    byVerification: Record<(typeof DASHBOARD_VERIFICATION)[number], number>;
    /** By the KBLI section of the UMKM's primary code (its first code when none is primary); "-" none. */
    bySector: { section: string; title: string; titleEn: string | null; count: number }[];
    /** UMKM holding at least one valid certificate of the type. */
    certificates: Record<(typeof DASHBOARD_CERTIFICATES)[number], number>;
  };
  partnerships: { agreements: number; active: number; completed: number; valueIdr: bigint; umkm: number };
  regencies: {
    code: string;
    name: string;
    umkm: number;
    verifiedUmkm: number;
    agreements: number;
    valueIdr: bigint;
    partneringUmkm: number;
  }[];
  followUp: { nib: number; halal: number; certificate: number };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function regionDashboard(region: RegionRef, today: string = jakartaToday()): Promise<RegionDashboard> {
  const where = inRegion(region);
  const umkmBase = Prisma.sql`FROM "Organization" o JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
    JOIN "Regency" r ON r.code = sp."regencyCode" WHERE o.type = 'umkm' AND ${where}`;

  const [sizes, statuses, sectors, certs, partnerships, byRegency, umkmByRegency, regencies, followUp] = await Promise.all([
    db.$queryRaw<{ k: string; n: number }[]>(
      Prisma.sql`SELECT coalesce(sp."sizeClass"::text, 'unknown') AS k, count(*)::int AS n ${umkmBase} GROUP BY 1`,
    ),
    db.$queryRaw<{ k: string; n: number }[]>(
      Prisma.sql`SELECT sp."verificationStatus"::text AS k, count(*)::int AS n ${umkmBase} GROUP BY 1`,
    ),
    db.$queryRaw<{ k: string; title: string | null; titleEn: string | null; n: number }[]>(Prisma.sql`
      SELECT coalesce(sec.section, '-') AS k, max(sk2."titleId") AS title, max(sk2."titleEn") AS "titleEn", count(*)::int AS n
        FROM (SELECT o.id ${umkmBase}) u
        LEFT JOIN LATERAL (
          SELECT kc.section FROM "SupplierKbli" sk JOIN "KbliCode" kc ON kc.version = sk."kbliVersion" AND kc.code = sk."kbliCode"
           WHERE sk."supplierId" = u.id ORDER BY sk."isPrimary" DESC, sk."kbliCode" LIMIT 1) sec ON true
        LEFT JOIN "KbliCode" sk2 ON sk2.version = '2020' AND sk2.code = sec.section
       GROUP BY 1 ORDER BY 4 DESC, 1`),
    db.$queryRaw<{ k: string; n: number }[]>(Prisma.sql`
      SELECT c.type::text AS k, count(DISTINCT c."organizationId")::int AS n
        FROM "Certification" c
       WHERE c."organizationId" IN (SELECT o.id ${umkmBase}) AND c.type IN ('halal', 'sni', 'iso9001', 'tkdn')
         AND ${validCertificate("c", today)}
       GROUP BY 1`),
    db.$queryRaw<{ agreements: number; active: number; completed: number; value: bigint | null; umkm: number }[]>(Prisma.sql`
      SELECT count(*)::int AS agreements, count(*) FILTER (WHERE a.status = 'active')::int AS active,
             count(*) FILTER (WHERE a.status = 'completed')::int AS completed, sum(a."valueIdr")::bigint AS value,
             count(DISTINCT a."supplierId")::int AS umkm
        FROM "Agreement" a
        JOIN "Organization" b ON b.id = a."buyerId"
        JOIN "Organization" s ON s.id = a."supplierId"
        LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = s.id
        JOIN "Regency" r ON r.code = coalesce(sp."regencyCode", s."regencyCode")
       WHERE ${countedAgreement("a", "b", "s")} AND ${where}`),
    db.$queryRaw<{ code: string; agreements: number; value: bigint | null; umkm: number }[]>(Prisma.sql`
      SELECT r.code, count(*)::int AS agreements, sum(a."valueIdr")::bigint AS value, count(DISTINCT a."supplierId")::int AS umkm
        FROM "Agreement" a
        JOIN "Organization" b ON b.id = a."buyerId"
        JOIN "Organization" s ON s.id = a."supplierId"
        LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = s.id
        JOIN "Regency" r ON r.code = coalesce(sp."regencyCode", s."regencyCode")
       WHERE ${countedAgreement("a", "b", "s")} AND ${where}
       GROUP BY r.code`),
    db.$queryRaw<{ code: string; n: number; verified: number }[]>(Prisma.sql`
      SELECT r.code, count(*)::int AS n, count(*) FILTER (WHERE sp."verificationStatus" = 'verified')::int AS verified
        ${umkmBase} GROUP BY r.code`),
    regionRegencies(region),
    followUpCounts(region, today),
  ]);

  const bySizeClass = zeros(DASHBOARD_SIZE_CLASSES);
  for (const r of sizes) if (r.k in bySizeClass) bySizeClass[r.k as keyof typeof bySizeClass] = r.n;
  const byVerification = zeros(DASHBOARD_VERIFICATION);
  for (const r of statuses) if (r.k in byVerification) byVerification[r.k as keyof typeof byVerification] = r.n;
  const certificates = zeros(DASHBOARD_CERTIFICATES);
  for (const r of certs) if (r.k in certificates) certificates[r.k as keyof typeof certificates] = r.n;
  const p = partnerships[0];
  const agreementsBy = new Map(byRegency.map((r) => [r.code, r]));
  const umkmBy = new Map(umkmByRegency.map((r) => [r.code, r]));

  return {
    region,
    asOf: today,
    umkm: {
      total: sizes.reduce((s, r) => s + r.n, 0),
      bySizeClass,
      byVerification,
      bySector: sectors.map((s) => ({ section: s.k, title: s.title ?? s.k, titleEn: s.titleEn, count: s.n })),
      certificates,
    },
    partnerships: {
      agreements: p?.agreements ?? 0,
      active: p?.active ?? 0,
      completed: p?.completed ?? 0,
      valueIdr: BigInt(p?.value ?? 0),
      umkm: p?.umkm ?? 0,
    },
    regencies: regencies.map((r) => ({
      code: r.code,
      name: r.name,
      umkm: umkmBy.get(r.code)?.n ?? 0,
      verifiedUmkm: umkmBy.get(r.code)?.verified ?? 0,
      agreements: agreementsBy.get(r.code)?.agreements ?? 0,
      valueIdr: BigInt(agreementsBy.get(r.code)?.value ?? 0),
      partneringUmkm: agreementsBy.get(r.code)?.umkm ?? 0,
    })),
    followUp,
  };
}
