// Test factories: every factory the tests use, from one import. The ones the demo seed builds on live in
// prisma/seed/factories.ts and are re-exported here; certifications and products, which only tests create
// one at a time (the seed bulk-inserts its own), are defined here.
import type { CertificationType, VerificationStatus } from "@/lib/enums";
import { dateInDays, type DbClient, storedFileData, uniqueSuffix } from "@/prisma/seed/factories";

export * from "@/prisma/seed/factories";

interface CertificationOverrides {
  type?: CertificationType;
  name?: string | null;
  number?: string;
  issuer?: string | null;
  validFrom?: Date | null;
  validUntil?: Date | null;
  tkdnPercent?: number | string | null;
  verificationStatus?: VerificationStatus;
  /** When a verified one was verified (default: its validFrom, else a year ago); the TKDN preference compares it with deadlines. */
  verifiedAt?: Date | null;
  /** Attach a (placeholder PDF) document. Default true. */
  withDocument?: boolean;
}

const DEFAULT_ISSUER: Record<CertificationType, string> = {
  halal: "Badan Penyelenggara Jaminan Produk Halal (BPJPH)",
  sni: "Lembaga Sertifikasi Produk terakreditasi KAN",
  iso9001: "Lembaga Sertifikasi Sistem Mutu terakreditasi KAN",
  tkdn: "Kementerian Perindustrian",
  other: "Lembaga penerbit",
};

function reviewColumns(o: CertificationOverrides) {
  const status = o.verificationStatus ?? "verified";
  const validFrom = o.validFrom !== undefined ? o.validFrom : dateInDays(-365);
  return {
    verificationStatus: status,
    verifiedAt: status === "verified" ? (o.verifiedAt !== undefined ? o.verifiedAt : (validFrom ?? dateInDays(-365))) : null,
    submittedAt: status === "pending" ? new Date() : null,
  };
}

export async function createCertification(db: DbClient, organizationId: string, overrides: CertificationOverrides = {}) {
  const type = overrides.type ?? "halal";
  const suffix = uniqueSuffix();
  const number = overrides.number ?? `${type.toUpperCase()}-${suffix}`;
  let documentId: string | null = null;
  if (overrides.withDocument ?? true) {
    const file = await db.storedFile.create({
      data: storedFileData(organizationId, {
        filename: `sertifikat-${type}-${suffix}.pdf`,
        title: `Sertifikat ${type.toUpperCase()} ${number}`,
      }),
      select: { id: true },
    });
    documentId = file.id;
  }
  return db.certification.create({
    data: {
      organizationId,
      type,
      name: overrides.name ?? (type === "other" ? "Sertifikat lain" : null),
      number,
      issuer: overrides.issuer !== undefined ? overrides.issuer : DEFAULT_ISSUER[type],
      validFrom: overrides.validFrom !== undefined ? overrides.validFrom : dateInDays(-365),
      validUntil: overrides.validUntil !== undefined ? overrides.validUntil : dateInDays(3 * 365),
      tkdnPercent: overrides.tkdnPercent !== undefined ? overrides.tkdnPercent : type === "tkdn" ? "45.00" : null,
      documentId,
      ...reviewColumns(overrides),
    },
  });
}

interface ProductOverrides {
  name?: string;
  description?: string | null;
  kbliCode?: string;
  unit?: string;
  priceMinIdr?: bigint | null;
  priceMaxIdr?: bigint | null;
  moq?: number | null;
  monthlyCapacity?: number | null;
  leadTimeDays?: number | null;
  archivedAt?: Date | null;
}

export async function createProduct(db: DbClient, supplierId: string, overrides: ProductOverrides = {}) {
  return db.product.create({
    data: {
      supplierId,
      name: overrides.name ?? `Kain batik cap katun ${uniqueSuffix()}`,
      description:
        overrides.description !== undefined
          ? overrides.description
          : "Kain katun primisima 2,15 m, pewarna sintetis, motif sesuai pesanan.",
      kbliVersion: "2020",
      kbliCode: overrides.kbliCode ?? "13134",
      unit: overrides.unit ?? "lembar",
      priceMinIdr: overrides.priceMinIdr !== undefined ? overrides.priceMinIdr : 95_000n,
      priceMaxIdr: overrides.priceMaxIdr !== undefined ? overrides.priceMaxIdr : 175_000n,
      moq: overrides.moq !== undefined ? overrides.moq : 50,
      monthlyCapacity: overrides.monthlyCapacity !== undefined ? overrides.monthlyCapacity : 1_500,
      leadTimeDays: overrides.leadTimeDays !== undefined ? overrides.leadTimeDays : 21,
      archivedAt: overrides.archivedAt ?? null,
    },
  });
}
