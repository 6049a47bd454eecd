// What a bank sees of the supplier behind ONE financing request addressed to it (issue 13): the public profile
// basics (name, type, region, KBLI, founding year, employees, verified), the size class now and its history
// (class and date only: never the capital or sales behind it), the certificates valid today on the supplier's
// own clock (no documents), and its track record (lib/agreements/track-record.ts). Nothing else: no NIB, NPWP
// or NIK, no address, contacts, owners, documents, capital or sales. Callers (lib/financing/queries.ts
// getBankRequest) have already checked that the request is addressed to the actor's bank.
import "server-only";
import { db } from "@/lib/db";
import type { CertificationType, OrgType, SizeClass } from "@/lib/enums";
import { timeZoneForProvince } from "@/lib/i18n/format";
import { todayIn } from "@/lib/i18n/zoned-time";
import { getTrackRecord } from "@/lib/agreements/track-record";

const day = (d: Date) => d.toISOString().slice(0, 10);

export interface BankSupplierView {
  id: string;
  name: string;
  type: Extract<OrgType, "umkm" | "cooperative">;
  verified: boolean;
  regency: { code: string; name: string } | null;
  province: { code: string; name: string } | null;
  /** KBLI 2020 codes of the profile, the primary one first. */
  kbli: { code: string; title: string; titleEn: string | null; isPrimary: boolean }[];
  foundedYear: number | null;
  employees: number | null;
  /** PP 7/2021 class now (null without a profile) and every change, oldest first. */
  sizeClass: SizeClass | null;
  sizeHistory: { sizeClass: SizeClass; effectiveAt: Date }[];
  /** Valid today on the supplier's clock (from ≤ today ≤ until); not returned by the platform's review. */
  certificates: {
    type: CertificationType;
    name: string | null;
    number: string;
    issuer: string | null;
    validFrom: string | null;
    validUntil: string | null;
    tkdnPercent: number | null;
    verified: boolean;
  }[];
  trackRecord: {
    completedAgreements: number;
    activeAgreements: number;
    /** Deliveries as a supplier that buyers accepted, and of them on time (by the milestone's due date). */
    deliveriesAccepted: number;
    deliveriesOnTime: number;
    /** Accepted ÷ reviewed (accepted or rejected); null without any review. */
    acceptedShare: number | null;
  };
}

/** Is a certificate valid on `today` (YYYY-MM-DD): started, and not ended before it. */
function validOn(c: { validFrom: Date | null; validUntil: Date | null }, today: string): boolean {
  return (c.validFrom === null || day(c.validFrom) <= today) && (c.validUntil === null || day(c.validUntil) >= today);
}

export async function getBankSupplierView(supplierId: string, now = new Date()): Promise<BankSupplierView> {
  const regency = { select: { code: true, name: true, province: { select: { code: true, name: true } } } } as const;
  const [org, record] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: supplierId },
      select: {
        id: true,
        name: true,
        type: true,
        verificationStatus: true,
        regency,
        supplierProfile: {
          select: {
            sizeClass: true,
            employees: true,
            foundedYear: true,
            verificationStatus: true,
            regency,
            kbli: {
              orderBy: [{ isPrimary: "desc" }, { kbliCode: "asc" }],
              select: { kbliCode: true, isPrimary: true, kbli: { select: { titleId: true, titleEn: true } } },
            },
            sizeHistory: { orderBy: [{ effectiveAt: "asc" }, { id: "asc" }], select: { sizeClass: true, effectiveAt: true } },
          },
        },
        certifications: {
          where: { verificationStatus: { not: "returned" } },
          orderBy: [{ type: "asc" }, { validUntil: { sort: "asc", nulls: "last" } }, { number: "asc" }],
          select: {
            type: true,
            name: true,
            number: true,
            issuer: true,
            validFrom: true,
            validUntil: true,
            tkdnPercent: true,
            verificationStatus: true,
          },
        },
      },
    }),
    getTrackRecord(supplierId),
  ]);
  const p = org.supplierProfile;
  const place = p?.regency ?? org.regency;
  const today = todayIn(timeZoneForProvince(place?.code), now);
  return {
    id: org.id,
    name: org.name,
    type: org.type === "cooperative" ? "cooperative" : "umkm",
    verified: (p?.verificationStatus ?? org.verificationStatus) === "verified",
    regency: place ? { code: place.code, name: place.name } : null,
    province: place ? { code: place.province.code, name: place.province.name } : null,
    kbli: (p?.kbli ?? []).map((k) => ({ code: k.kbliCode, title: k.kbli.titleId, titleEn: k.kbli.titleEn, isPrimary: k.isPrimary })),
    foundedYear: p?.foundedYear ?? null,
    employees: p?.employees ?? null,
    sizeClass: p?.sizeClass ?? null,
    sizeHistory: p?.sizeHistory ?? [],
    certificates: org.certifications
      .filter((c) => validOn(c, today))
      .map((c) => ({
        type: c.type,
        name: c.name,
        number: c.number,
        issuer: c.issuer,
        validFrom: c.validFrom ? day(c.validFrom) : null,
        validUntil: c.validUntil ? day(c.validUntil) : null,
        tkdnPercent: c.tkdnPercent === null ? null : Number(c.tkdnPercent),
        verified: c.verificationStatus === "verified",
      })),
    trackRecord: {
      completedAgreements: record.completedAgreements,
      activeAgreements: record.activeAgreements,
      deliveriesAccepted: record.deliveries,
      deliveriesOnTime: record.onTimeRate === null ? 0 : Math.round(record.onTimeRate * record.deliveries),
      acceptedShare: record.acceptedRate,
    },
  };
}
