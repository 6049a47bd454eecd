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
import { onOneReadServer, Prisma, readReplica } from "@/lib/db";
import { inClusterMembers } from "@/lib/clusters/summary-queries";
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
  return onOneReadServer(async () => {
    const [umkmRegistered, provincesCovered, provincesTotal, buyersVerified, openRfqs, statuses, share] = await Promise.all([
      readReplica().organization.count({ where: { type: "umkm" } }),
      readReplica().$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT r."provinceCode")::int AS n
        FROM "SupplierProfile" sp
        JOIN "Organization" o ON o.id = sp."organizationId" AND o.type = 'umkm'
        JOIN "Regency" r ON r.code = sp."regencyCode"
       WHERE sp."verificationStatus" = 'verified'`,
      readReplica().province.count(),
      readReplica().organization.count({ where: { type: "buyer", verificationStatus: "verified" } }),
      readReplica().rfq.count({ where: { status: "open", deadline: { gt: now } } }),
      readReplica().statsAgreementStatus.findMany(),
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
  });
}

export interface SupplyChainShare {
  umkmVerified: number;
  umkmWithActiveAgreement: number;
  share: number | null;
}

/**
 * The "in supply chain" rate, optionally for one province and/or KBLI section (the period does not apply).
 * Read from "StatsUmkm" (one row per supplier profile, kept by triggers): `verified` and `provinceCode` are
 * the directory's ("SupplierSearch": the profile's verification and regency), `kbliSection` the primary
 * (else lowest) KBLI code's section, `active` whether it is a party to an active agreement ("StatsSupplier").
 * Both figures are counts over one index.
 */
export async function getSupplyChainShare(filter: Pick<StatsFilter, "province" | "kbliSection" | "clusterId">): Promise<SupplyChainShare> {
  const conds: Prisma.Sql[] = [Prisma.sql`verified`];
  if (filter.province) conds.push(Prisma.sql`"provinceCode" = ${filter.province}`);
  if (filter.kbliSection) conds.push(Prisma.sql`"kbliSection" = ${filter.kbliSection}`);
  if (filter.clusterId) conds.push(inClusterMembers(Prisma.sql`"supplierId"`, filter.clusterId));
  const [r] = await readReplica().$queryRaw<{ verified: number; active: number }[]>`
    SELECT count(*)::int AS verified, count(*) FILTER (WHERE active)::int AS active
      FROM "StatsUmkm" WHERE ${Prisma.join(conds, " AND ")}`;
  const umkmVerified = r?.verified ?? 0;
  const umkmWithActiveAgreement = r?.active ?? 0;
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
    readReplica().province.count(),
    readReplica().regency.groupBy({ by: ["type"], _count: { _all: true } }),
    readReplica().kbliCode.groupBy({ by: ["level"], where: { version: "2020" }, _count: { _all: true }, orderBy: { level: "asc" } }),
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
