// Public figures for the landing page and the "about the data" page: aggregate counts only, nothing that
// names an organization, so no authorization is needed. Definitions (shown to users on /tentang-data):
//  - verified UMKM: organizations of type umkm whose supplier profile is verified (the directory's state;
//    lib/organizations/service.ts keeps the organization's own state in step with it);
//  - provinces covered: provinces holding at least one verified UMKM, by its supplier profile's regency;
//  - buyers: verified buyer organizations;
//  - open RFQs: status open and deadline still ahead;
//  - active agreements and their total value (integer Rupiah, bigint); completed agreements;
//  - share: verified UMKM that are a party (supplier or consortium member) to ≥ 1 active agreement,
//    divided by verified UMKM (null when there are none).
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";

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

const VERIFIED_UMKM: Prisma.OrganizationWhereInput = {
  type: "umkm",
  supplierProfile: { is: { verificationStatus: "verified" } },
};

export async function getPublicSummary(now: Date = new Date()): Promise<PublicSummary> {
  const [
    umkmRegistered,
    umkmVerified,
    provincesCovered,
    provincesTotal,
    buyersVerified,
    openRfqs,
    activeAgreements,
    completedAgreements,
    umkmWithActiveAgreement,
  ] = await Promise.all([
    db.organization.count({ where: { type: "umkm" } }),
    db.organization.count({ where: VERIFIED_UMKM }),
    db.province.count({
      where: { regencies: { some: { suppliers: { some: { verificationStatus: "verified", organization: { type: "umkm" } } } } } },
    }),
    db.province.count(),
    db.organization.count({ where: { type: "buyer", verificationStatus: "verified" } }),
    db.rfq.count({ where: { status: "open", deadline: { gt: now } } }),
    db.agreement.aggregate({ where: { status: "active" }, _count: { _all: true }, _sum: { valueIdr: true } }),
    db.agreement.count({ where: { status: "completed" } }),
    db.organization.count({
      where: {
        ...VERIFIED_UMKM,
        OR: [
          { agreementsAsSupplier: { some: { status: "active" } } },
          { agreementParties: { some: { agreement: { status: "active" } } } },
        ],
      },
    }),
  ]);

  return {
    umkmRegistered,
    umkmVerified,
    provincesCovered,
    provincesTotal,
    buyersVerified,
    openRfqs,
    activeAgreements: activeAgreements._count._all,
    activeAgreementValueIdr: activeAgreements._sum.valueIdr ?? 0n,
    completedAgreements,
    umkmWithActiveAgreement,
    umkmWithActiveAgreementShare: umkmVerified > 0 ? umkmWithActiveAgreement / umkmVerified : null,
    asOf: now,
  };
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
