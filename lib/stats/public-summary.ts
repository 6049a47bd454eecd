// Public figures for the landing page, /statistik and GET /api/v1/stats/summary: aggregate counts only,
// nothing that names an organization, so no authorization is needed. Definitions (shown to users on
// /tentang-data and /statistik; docs/decisions/0012-partnership-statistics.md):
//  - verified UMKM: organizations of type umkm whose supplier profile is verified (the directory's state;
//    lib/organizations/service.ts keeps the organization's own state in step with it);
//  - provinces covered: provinces holding at least one verified UMKM, by its supplier profile's regency;
//  - buyers: verified buyer organizations;
//  - open RFQs: status open and deadline still ahead;
//  - active agreements and their total value (integer Rupiah, bigint); completed agreements — from the
//    per-status rollup "StatsAgreementStatus" the triggers keep exact;
//  - share ("in supply chain"): verified UMKM that are a party (lead supplier or consortium member) to
//    ≥ 1 active agreement, divided by verified UMKM (null when there are none). With a province / KBLI
//    section filter both counts are narrowed to UMKM of that province (of the profile's regency) / primary
//    KBLI section.
import "server-only";
import { db, Prisma } from "@/lib/db";
import type { StatsFilter } from "./schemas";

export interface PublicSummary {
  umkmRegistered: number;
  umkmVerified: number;
  provincesCovered: number;
  provincesTotal: number;
  buyersVerified: number;
  openRfqs: number;
  activeAgreements: number;
  activeAgreementValueIdr: bigint;
  completedAgreements: number;
  umkmWithActiveAgreement: number;
  /** umkmWithActiveAgreement / umkmVerified, 0..1; null when no UMKM is verified yet. */
  umkmWithActiveAgreementShare: number | null;
  /** When the figures were counted. */
  asOf: Date;
}

export async function getPublicSummary(now: Date = new Date()): Promise<PublicSummary> {
  const [umkmRegistered, provincesCovered, provincesTotal, buyersVerified, openRfqs, statuses, share] = await Promise.all([
    db.organization.count({ where: { type: "umkm" } }),
    db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT r."provinceCode")::int AS n
        FROM "SupplierProfile" sp
        JOIN "Organization" o ON o.id = sp."organizationId" AND o.type = 'umkm'
        JOIN "Regency" r ON r.code = sp."regencyCode"
       WHERE sp."verificationStatus" = 'verified'`,
    db.province.count(),
    db.organization.count({ where: { type: "buyer", verificationStatus: "verified" } }),
    db.rfq.count({ where: { status: "open", deadline: { gt: now } } }),
    db.statsAgreementStatus.findMany(),
    getSupplyChainShare({}),
  ]);
  const status = (s: string) => statuses.find((x) => x.status === s);

  return {
    umkmRegistered,
    umkmVerified: share.umkmVerified,
    provincesCovered: provincesCovered[0]?.n ?? 0,
    provincesTotal,
    buyersVerified,
    openRfqs,
    activeAgreements: status("active")?.agreements ?? 0,
    activeAgreementValueIdr: status("active")?.valueIdr ?? 0n,
    completedAgreements: status("completed")?.agreements ?? 0,
    umkmWithActiveAgreement: share.umkmWithActiveAgreement,
    umkmWithActiveAgreementShare: share.share,
    asOf: now,
  };
}

export interface SupplyChainShare {
  umkmVerified: number;
  umkmWithActiveAgreement: number;
  share: number | null;
}

/**
 * The "in supply chain" rate, optionally for one province and/or KBLI section (the period does not apply).
 * Verified UMKM are read from the directory's "SupplierSearch" rows (one per UMKM with a supplier profile,
 * kept by triggers; `verified` and `provinceCode` of the profile), the active parties from "StatsSupplier".
 */
export async function getSupplyChainShare(filter: Pick<StatsFilter, "province" | "kbliSection">): Promise<SupplyChainShare> {
  const verifiedConds: Prisma.Sql[] = [Prisma.sql`ss.verified`];
  const activeConds: Prisma.Sql[] = [Prisma.sql`s."activeAgreements" > 0`];
  if (filter.province) {
    verifiedConds.push(Prisma.sql`ss."provinceCode" = ${filter.province}`);
    activeConds.push(Prisma.sql`ss."provinceCode" = ${filter.province}`);
  }
  // each supplier's primary (else lowest) KBLI code's section: the rule of the rollups' stats_dims()
  const primarySection = filter.kbliSection
    ? Prisma.sql`JOIN (SELECT DISTINCT ON (sk."supplierId") sk."supplierId", k.section
                         FROM "SupplierKbli" sk JOIN "KbliCode" k ON k.version = sk."kbliVersion" AND k.code = sk."kbliCode"
                        ORDER BY sk."supplierId", sk."isPrimary" DESC, sk."kbliVersion" DESC, sk."kbliCode") ps
                  ON ps."supplierId" = ss."organizationId" AND ps.section = ${filter.kbliSection}`
    : Prisma.empty;
  if (filter.kbliSection) activeConds.push(Prisma.sql`s."kbliSection" = ${filter.kbliSection}`);
  const [[verified], [active]] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "SupplierSearch" ss ${primarySection} WHERE ${Prisma.join(verifiedConds, " AND ")}`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n
        FROM "StatsSupplier" s
        JOIN "SupplierSearch" ss ON ss."organizationId" = s."supplierId" AND ss.verified
       WHERE ${Prisma.join(activeConds, " AND ")}`,
  ]);
  const umkmVerified = verified?.n ?? 0;
  const umkmWithActiveAgreement = active?.n ?? 0;
  return { umkmVerified, umkmWithActiveAgreement, share: umkmVerified > 0 ? umkmWithActiveAgreement / umkmVerified : null };
}

export interface ReferenceDataSummary {
  provinces: number;
  kabupaten: number;
  kota: number;
  /** KBLI 2020 codes per level: 1 kategori … 5 kelompok. */
  kbliByLevel: { level: number; count: number }[];
  kbliTotal: number;
}

/** What the reference tables hold (for /tentang-data). */
export async function getReferenceDataSummary(): Promise<ReferenceDataSummary> {
  const [provinces, regencies, kbli] = await Promise.all([
    db.province.count(),
    db.regency.groupBy({ by: ["type"], _count: { _all: true } }),
    db.kbliCode.groupBy({ by: ["level"], where: { version: "2020" }, _count: { _all: true }, orderBy: { level: "asc" } }),
  ]);
  const byType = (type: "kabupaten" | "kota") => regencies.find((r) => r.type === type)?._count._all ?? 0;
  const kbliByLevel = kbli.map((k) => ({ level: k.level, count: k._count._all }));
  return {
    provinces,
    kabupaten: byType("kabupaten"),
    kota: byType("kota"),
    kbliByLevel,
    kbliTotal: kbliByLevel.reduce((sum, k) => sum + k.count, 0),
  };
}
