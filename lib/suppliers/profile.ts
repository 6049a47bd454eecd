// The UMKM's supplier profile, read: by its members (the /profil-usaha pages; PATCH /api/v1/suppliers/{id}
// answers with it), by the public (GET /api/v1/suppliers/{id}) and by a platform admin reviewing it. Changes are
// ./profile-update.ts; the request for verification ./verification.ts; who may see what ./access.ts.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { timeZoneForProvince } from "@/lib/i18n/format";
import { memberProfileWhere } from "./access";
import { certificateState } from "./dashboard";
import { missingForVerification } from "./onboarding";

type Tx = Prisma.TransactionClient;

const certificationSelect = {
  id: true,
  type: true,
  name: true,
  number: true,
  issuer: true,
  validFrom: true,
  validUntil: true,
  tkdnPercent: true,
  verificationStatus: true,
  verifiedAt: true,
  returnedReason: true,
  document: { select: { id: true, filename: true, mimeType: true, sizeBytes: true, createdAt: true } },
} as const satisfies Prisma.CertificationSelect;

const ownerProfileSelect = {
  organizationId: true,
  nib: true,
  npwp: true,
  legalForm: true,
  capitalIdr: true,
  annualSalesIdr: true,
  sizeClass: true,
  sizeBasis: true,
  employees: true,
  foundedYear: true,
  address: true,
  description: true,
  onboardingStep: true,
  onboardedAt: true,
  verificationStatus: true,
  verificationNote: true,
  verifiedAt: true,
  updatedAt: true,
  organization: { select: { id: true, name: true } },
  regency: { select: { code: true, name: true, province: { select: { code: true, name: true } } } },
  kbli: {
    orderBy: [{ isPrimary: "desc" }, { kbliCode: "asc" }],
    select: { kbliCode: true, kbliVersion: true, isPrimary: true, kbli: { select: { titleId: true, titleEn: true } } },
  },
} as const satisfies Prisma.SupplierProfileSelect;

type CertRow = Prisma.CertificationGetPayload<{ select: typeof certificationSelect }>;

/** `zone`: the UMKM's own clock (from its region), on which a certificate's "expired today" is decided. */
function presentCertification(c: CertRow, now: Date, zone: string) {
  return {
    id: c.id,
    type: c.type,
    name: c.name,
    number: c.number,
    issuer: c.issuer,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    percent: c.tkdnPercent === null ? null : Number(c.tkdnPercent),
    verificationStatus: c.verificationStatus,
    /** When a platform admin verified it (issue 16), and why it was returned: for its UMKM and the platform only. */
    verifiedAt: c.verificationStatus === "verified" ? c.verifiedAt : null,
    returnedReason: c.verificationStatus === "returned" ? c.returnedReason : null,
    state: certificateState(c.validUntil, now, zone),
    document: c.document,
  };
}
export type PresentedCertification = ReturnType<typeof presentCertification>;

/** The full profile of `supplierId` as its member `userId` sees it (not a member → not found). */
export async function loadOwnerProfile(client: Tx | typeof db, supplierId: string, userId: string) {
  const [profile, certifications, sizeHistory] = await Promise.all([
    client.supplierProfile.findFirst({ where: memberProfileWhere(supplierId, userId), select: ownerProfileSelect }),
    client.certification.findMany({
      where: { organizationId: supplierId, organization: { memberships: { some: { userId } } } },
      orderBy: [{ validUntil: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      select: certificationSelect,
    }),
    client.sizeClassChange.findMany({
      where: { supplierId, supplier: memberProfileWhere(supplierId, userId) },
      orderBy: { effectiveAt: "asc" },
      select: { sizeClass: true, basis: true, effectiveAt: true },
    }),
  ]);
  if (!profile) throw notFound();
  const now = new Date();
  const { organization, regency, kbli, ...rest } = profile;
  return {
    ...rest,
    id: organization.id,
    name: organization.name,
    regencyCode: regency?.code ?? null,
    regency,
    province: regency?.province ?? null,
    kbli: kbli.map((k) => ({
      code: k.kbliCode,
      version: k.kbliVersion,
      isPrimary: k.isPrimary,
      titleId: k.kbli.titleId,
      titleEn: k.kbli.titleEn,
    })),
    certifications: certifications.map((c) => presentCertification(c, now, timeZoneForProvince(regency?.code))),
    sizeHistory,
    missingForVerification: missingForVerification({
      nib: rest.nib,
      npwp: rest.npwp,
      regencyCode: regency?.code ?? null,
      kbliCount: kbli.length,
    }),
  };
}
export type OwnerSupplierProfile = Awaited<ReturnType<typeof loadOwnerProfile>>;

/** The active UMKM's own profile (the /profil-usaha pages). */
export async function getOwnSupplierProfile(actor: Actor | null): Promise<OwnerSupplierProfile> {
  const a = authorize(actor, { orgTypes: ["umkm"], permission: "org:read" });
  return loadOwnerProfile(db, a.membership.organizationId, a.user.id);
}

/**
 * The public profile of a supplier (GET /api/v1/suppliers/{id}), with its active products. Leaves out what is
 * not public: NPWP (for a sole proprietor it is their NIK), address, capital and sales figures, review notes.
 */
export async function getPublicSupplierProfile(supplierId: string) {
  const org = await db.organization.findFirst({
    // A suspended UMKM (issue 16) has no public profile.
    where: { id: supplierId, type: "umkm", suspendedAt: null, supplierProfile: { isNot: null } },
    select: {
      id: true,
      name: true,
      website: true,
      supplierProfile: {
        select: {
          nib: true,
          legalForm: true,
          sizeClass: true,
          employees: true,
          foundedYear: true,
          description: true,
          verificationStatus: true,
          verifiedAt: true,
          regency: { select: { code: true, name: true, province: { select: { code: true, name: true } } } },
          kbli: {
            orderBy: [{ isPrimary: "desc" }, { kbliCode: "asc" }],
            select: { kbliCode: true, isPrimary: true, kbli: { select: { titleId: true, titleEn: true } } },
          },
        },
      },
      certifications: { orderBy: [{ type: "asc" }, { validUntil: "asc" }], select: certificationSelect },
      products: {
        where: { archivedAt: null },
        orderBy: { createdAt: "asc" },
        take: 200,
        select: {
          id: true,
          name: true,
          description: true,
          kbliCode: true,
          unit: true,
          priceMinIdr: true,
          priceMaxIdr: true,
          moq: true,
          monthlyCapacity: true,
          leadTimeDays: true,
        },
      },
    },
  });
  if (!org || !org.supplierProfile) throw notFound();
  const p = org.supplierProfile;
  const now = new Date();
  return {
    id: org.id,
    name: org.name,
    description: p.description,
    website: org.website,
    nib: p.nib,
    legalForm: p.legalForm,
    sizeClass: p.sizeClass === "besar" ? null : p.sizeClass,
    employees: p.employees,
    foundedYear: p.foundedYear,
    province: p.regency ? { code: p.regency.province.code, name: p.regency.province.name } : null,
    regency: p.regency ? { code: p.regency.code, name: p.regency.name } : null,
    kbli: p.kbli.map((k) => k.kbliCode),
    kbliDetails: p.kbli.map((k) => ({ code: k.kbliCode, title: k.kbli.titleId, titleEn: k.kbli.titleEn, isPrimary: k.isPrimary })),
    certifications: org.certifications.map((c) => {
      const pc = presentCertification(c, now, timeZoneForProvince(p.regency?.code));
      return {
        type: pc.type,
        name: pc.name,
        number: pc.number,
        issuer: pc.issuer,
        validFrom: pc.validFrom,
        validUntil: pc.validUntil,
        percent: pc.percent,
        state: pc.state,
        hasDocument: pc.document !== null,
        verified: pc.verificationStatus === "verified",
      };
    }),
    verified: p.verificationStatus === "verified",
    verifiedAt: p.verificationStatus === "verified" ? p.verifiedAt : null,
    products: org.products,
  };
}

/** A platform admin's view of an UMKM under review: the full profile with its certificate documents. */
export async function getSupplierForReview(actor: Actor | null, supplierId: string) {
  authorize(actor, { orgTypes: ["platform"], permission: "platform:verify" });
  const org = await db.organization.findFirst({
    where: { id: supplierId, type: "umkm", supplierProfile: { isNot: null } },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      createdAt: true,
      supplierProfile: { select: ownerProfileSelect },
      certifications: { orderBy: [{ type: "asc" }, { validUntil: "asc" }], select: certificationSelect },
      memberships: { where: { role: "owner" }, select: { user: { select: { name: true, email: true } } } },
    },
  });
  if (!org || !org.supplierProfile) throw notFound();
  const now = new Date();
  const { organization: _o, regency, kbli, ...p } = org.supplierProfile;
  return {
    id: org.id,
    name: org.name,
    email: org.email,
    phone: org.phone,
    createdAt: org.createdAt,
    owners: org.memberships.map((m) => m.user),
    profile: {
      ...p,
      regency,
      kbli: kbli.map((k) => ({ code: k.kbliCode, isPrimary: k.isPrimary, titleId: k.kbli.titleId, titleEn: k.kbli.titleEn })),
    },
    certifications: org.certifications.map((c) => presentCertification(c, now, timeZoneForProvince(regency?.code))),
    missingForVerification: missingForVerification({
      nib: p.nib,
      npwp: p.npwp,
      regencyCode: regency?.code ?? null,
      kbliCount: kbli.length,
    }),
  };
}
