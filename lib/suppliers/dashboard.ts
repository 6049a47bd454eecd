// What an UMKM's members see on their dashboard: their profile, certificates (with expiry warnings),
// products, cooperatives and partnerships.
import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { WIB } from "@/lib/i18n/format";
import { zoneForOrganization } from "@/lib/i18n/time-zone";
import { todayIn } from "@/lib/i18n/zoned-time";

/** Certificates expiring within this many days are flagged to the owner. */
export const CERT_EXPIRY_WARNING_DAYS = 60;

export type CertificateState = "valid" | "expiring" | "expired" | "no_expiry";

/**
 * A certificate's state today. `validUntil` is a calendar date (UTC midnight); "today" is the calendar day on
 * the certificate holder's clock (its organization's zone, lib/i18n/time-zone.ts), not the server's.
 */
export function certificateState(validUntil: Date | null, now = new Date(), timeZone: string = WIB): CertificateState {
  if (!validUntil) return "no_expiry";
  const today = Date.parse(`${todayIn(timeZone, now)}T00:00:00Z`);
  const until = validUntil.getTime();
  if (until < today) return "expired";
  if (until - today <= CERT_EXPIRY_WARNING_DAYS * 86_400_000) return "expiring";
  return "valid";
}

export async function getSupplierDashboard(actor: Actor | null) {
  const a = authorize(actor, { orgTypes: ["umkm"], permission: "org:read" });
  const orgId = a.membership.organizationId;
  const [profile, certifications, productCount, products, cooperatives, agreementsByStatus] = await Promise.all([
    db.supplierProfile.findUnique({
      where: { organizationId: orgId },
      select: {
        nib: true,
        npwp: true,
        legalForm: true,
        sizeClass: true,
        capitalIdr: true,
        annualSalesIdr: true,
        employees: true,
        foundedYear: true,
        verificationStatus: true,
        verificationNote: true,
        description: true,
        regency: { select: { code: true, name: true, province: { select: { code: true, name: true } } } },
        kbli: { select: { kbliCode: true, kbliVersion: true, isPrimary: true, kbli: { select: { titleId: true } } } },
      },
    }),
    db.certification.findMany({
      where: { organizationId: orgId },
      orderBy: [{ validUntil: "asc" }],
      select: {
        id: true,
        type: true,
        name: true,
        number: true,
        issuer: true,
        validUntil: true,
        tkdnPercent: true,
        documentId: true,
        verificationStatus: true,
      },
    }),
    db.product.count({ where: { supplierId: orgId, archivedAt: null } }),
    db.product.findMany({
      where: { supplierId: orgId, archivedAt: null },
      orderBy: { updatedAt: "desc" },
      take: 6,
      select: {
        id: true,
        name: true,
        unit: true,
        priceMinIdr: true,
        priceMaxIdr: true,
        moq: true,
        monthlyCapacity: true,
        leadTimeDays: true,
        kbliCode: true,
      },
    }),
    db.cooperativeMembership.findMany({
      where: { memberId: orgId, status: "active" },
      select: { cooperative: { select: { id: true, name: true } }, memberNumber: true, joinedAt: true },
    }),
    db.agreement.groupBy({ by: ["status"], where: { parties: { some: { organizationId: orgId } } }, _count: { _all: true } }),
  ]);
  if (!profile) throw notFound();
  const now = new Date();
  const zone = await zoneForOrganization(orgId);
  return {
    profile,
    certifications: certifications.map((c) => ({
      ...c,
      tkdnPercent: c.tkdnPercent === null ? null : Number(c.tkdnPercent),
      state: certificateState(c.validUntil, now, zone),
    })),
    productCount,
    products,
    cooperatives,
    agreements: Object.fromEntries(agreementsByStatus.map((g) => [g.status, g._count._all])) as Record<string, number>,
  };
}
