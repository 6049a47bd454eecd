// The SQL pieces every regional figure shares (ADR 0023), so the dashboard, the follow-up list and the API agree:
// which UMKM belong to a region, and when a certificate counts as valid.
import "server-only";
import { Prisma } from "@/lib/db";
import type { RegionRef } from "./access";

/**
 * An UMKM belongs to the region of its business address: SupplierProfile."regencyCode" (the regency the
 * directory shows). `regency` is the alias of the joined "Regency" row.
 */
export function inRegion(region: RegionRef, regency = "r"): Prisma.Sql {
  const col = (c: string) => Prisma.raw(`${regency}."${c}"`);
  return region.kind === "regency" ? Prisma.sql`${col("code")} = ${region.code}` : Prisma.sql`${col("provinceCode")} = ${region.code}`;
}

/**
 * A certificate is valid on `today` when a platform admin verified it (lib/suppliers/certificate-trust.ts:
 * verified, and verified by now) and it has not ended (no end date, or its last day is today or later).
 */
export function validCertificate(c: string, today: string): Prisma.Sql {
  const col = (x: string) => Prisma.raw(`${c}."${x}"`);
  return Prisma.sql`(${col("verificationStatus")} = 'verified' AND ${col("verifiedAt")} IS NOT NULL AND ${col("verifiedAt")} <= now()
    AND coalesce(${col("validUntil")}, DATE '9999-12-31') >= ${today}::date)`;
}

/** Agreements the statistics count: active or completed, both parties verified, not excluded as fake (issue 13). */
export function countedAgreement(a: string, buyer: string, supplier: string): Prisma.Sql {
  return Prisma.sql`(${Prisma.raw(a)}.status IN ('active', 'completed') AND ${Prisma.raw(a)}."excludedAt" IS NULL
    AND ${Prisma.raw(buyer)}."verificationStatus" = 'verified' AND ${Prisma.raw(supplier)}."verificationStatus" = 'verified')`;
}
