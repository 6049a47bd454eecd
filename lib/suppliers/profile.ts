// The UMKM's supplier profile: the owner's onboarding and edits (server actions and PATCH
// /api/v1/suppliers/{id} both call updateSupplierProfile), the request for verification, the public profile
// (GET /api/v1/suppliers/{id}) and the platform admin's review view.
//
// Rules:
//  - Only members of that UMKM change it. The membership is in the `where` clause: another UMKM's profile is
//    "not found" (404), exactly like one that does not exist.
//  - Everything is validated before anything is written (schema in ./schemas.ts, then the database checks
//    here: regency and KBLI codes exist, the NIB is not another business's, the business is an UMKM). A
//    refused update changes nothing.
//  - A business above the PP 7/2021 thresholds is told it is not an UMKM and the update is REFUSED (not
//    saved): Rantai is for UMKM, and saving would put a "besar" business into the UMKM directory. The
//    message names the limit (Rp10 M capital / Rp50 M sales).
//  - The size class is derived (./size-class.ts); a SizeClassChange row is appended only when it changes.
//  - A verified profile whose NIB, NPWP or legal form changes loses its badge (back to "unverified"): the
//    badge vouches for the identity that was checked.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { audit } from "@/lib/audit/log";
import { authorize, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { conflict, invalidInput, notFound, unauthorized } from "@/lib/errors";
import { certificateState } from "./dashboard";
import { isProfileComplete, missingForVerification, ONBOARDING_STEPS } from "./onboarding";
import type { CertificationInput, SupplierProfileInput } from "./schemas";
import { KBLI_VERSION } from "@/lib/db/reference-data";
import { deriveSizeClass } from "./size-class";

type Tx = Prisma.TransactionClient;

/**
 * The actor as a member of `supplierId` (an UMKM), whatever organization they are acting for at the moment,
 * with the permission to edit it. Not a member (or not an UMKM) → not found.
 */
export function authorizeSupplierMember(actor: Actor | null, supplierId: string): AuthorizedActor {
  if (!actor) throw unauthorized();
  const membership = actor.user.memberships.find((m) => m.organizationId === supplierId && m.organizationType === "umkm");
  if (!membership) throw notFound();
  return authorize({ ...actor, membership }, { orgTypes: ["umkm"], permission: "supplier:profile:update" });
}

/** Rows of `supplierId` that `userId` may see as a member: tenancy in the where clause. */
export function memberProfileWhere(supplierId: string, userId: string): Prisma.SupplierProfileWhereInput {
  return { organizationId: supplierId, organization: { type: "umkm", memberships: { some: { userId } } } };
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

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

function presentCertification(c: CertRow, now: Date) {
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
    state: certificateState(c.validUntil, now),
    document: c.document,
  };
}
export type PresentedCertification = ReturnType<typeof presentCertification>;

async function loadOwnerProfile(client: Tx | typeof db, supplierId: string, userId: string) {
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
    kbli: kbli.map((k) => ({ code: k.kbliCode, version: k.kbliVersion, isPrimary: k.isPrimary, titleId: k.kbli.titleId, titleEn: k.kbli.titleEn })),
    certifications: certifications.map((c) => presentCertification(c, now)),
    sizeHistory,
    missingForVerification: missingForVerification({ nib: rest.nib, npwp: rest.npwp, regencyCode: regency?.code ?? null, kbliCount: kbli.length }),
  };
}
export type OwnerSupplierProfile = Awaited<ReturnType<typeof loadOwnerProfile>>;

/** The full profile of `supplierId` for one of its members (404 for anyone else). */
export async function getSupplierProfileForMember(actor: Actor | null, supplierId: string): Promise<OwnerSupplierProfile> {
  const a = authorizeSupplierMember(actor, supplierId);
  return loadOwnerProfile(db, supplierId, a.user.id);
}

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
    where: { id: supplierId, type: "umkm", supplierProfile: { isNot: null } },
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
          kbli: { orderBy: [{ isPrimary: "desc" }, { kbliCode: "asc" }], select: { kbliCode: true, isPrimary: true, kbli: { select: { titleId: true, titleEn: true } } } },
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
      const pc = presentCertification(c, now);
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
    certifications: org.certifications.map((c) => presentCertification(c, now)),
    missingForVerification: missingForVerification({ nib: p.nib, npwp: p.npwp, regencyCode: regency?.code ?? null, kbliCount: kbli.length }),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

function isUniqueViolation(err: unknown, field: string): boolean {
  const e = err as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (e?.code !== "P2002") return false;
  const text = JSON.stringify(e.meta ?? {});
  return text.includes(field);
}

/** Checks that need the database; returns field errors (empty when fine). */
async function databaseChecks(
  supplierId: string,
  input: Pick<SupplierProfileInput, "regencyCode" | "kbli" | "nib">,
  current: { nib: string | null },
): Promise<Record<string, string[]>> {
  const fields: Record<string, string[]> = {};
  const [regency, kbliFound, nibOwner] = await Promise.all([
    input.regencyCode ? db.regency.findUnique({ where: { code: input.regencyCode }, select: { code: true } }) : Promise.resolve(true),
    input.kbli && input.kbli.length > 0
      ? db.kbliCode.findMany({ where: { version: KBLI_VERSION, level: 5, code: { in: input.kbli } }, select: { code: true } })
      : Promise.resolve(null),
    input.nib && input.nib !== current.nib
      ? db.supplierProfile.findFirst({ where: { nib: input.nib, NOT: { organizationId: supplierId } }, select: { organizationId: true } })
      : Promise.resolve(null),
  ]);
  if (!regency) fields.regencyCode = ["suppliers.errors.regencyUnknown"];
  if (kbliFound && input.kbli) {
    const known = new Set(kbliFound.map((k) => k.code));
    input.kbli.forEach((code, i) => {
      if (!known.has(code)) (fields[`kbli.${i}`] ??= []).push("suppliers.errors.kbliUnknown");
    });
    if (kbliFound.length < input.kbli.length) fields.kbli = ["suppliers.errors.kbliUnknown"];
  }
  if (nibOwner) fields.nib = ["suppliers.errors.nibTaken"];
  return fields;
}

/** The certificate columns from a validated certificate input (shared by the profile and certificate services). */
export function certificationData(c: CertificationInput) {
  return {
    type: c.type,
    name: c.name ?? null,
    number: c.number,
    issuer: c.issuer ?? null,
    validFrom: c.validFrom ?? null,
    validUntil: c.validUntil ?? null,
    tkdnPercent: c.type === "tkdn" && c.percent != null ? c.percent.toFixed(2) : null,
  };
}

/**
 * Replaces the organization's certificates with `list` (PATCH semantics of api-v1): a certificate with the
 * same type and number as an existing one updates it and keeps its uploaded document; the rest are created;
 * existing ones not in the list are deleted together with their documents. Changed certificates go back to
 * "unverified".
 */
async function replaceCertifications(tx: Tx, organizationId: string, list: CertificationInput[]) {
  const existing = await tx.certification.findMany({
    where: { organizationId },
    select: { id: true, type: true, number: true, documentId: true },
  });
  const key = (c: { type: string; number: string }) => `${c.type}\u0000${c.number.trim().toLowerCase()}`;
  const byKey = new Map(existing.map((c) => [key(c), c]));
  const kept = new Set<string>();
  for (const c of list) {
    const match = byKey.get(key(c));
    if (match && !kept.has(match.id)) {
      kept.add(match.id);
      await tx.certification.update({ where: { id: match.id }, data: { ...certificationData(c), verificationStatus: "unverified" } });
    } else {
      await tx.certification.create({ data: { organizationId, ...certificationData(c) } });
    }
  }
  const removed = existing.filter((c) => !kept.has(c.id));
  if (removed.length > 0) {
    await tx.certification.deleteMany({ where: { organizationId, id: { in: removed.map((c) => c.id) } } });
    const docs = removed.map((c) => c.documentId).filter((d): d is string => d !== null);
    if (docs.length > 0) await tx.storedFile.deleteMany({ where: { organizationId, id: { in: docs } } });
  }
  return { created: list.length - kept.size, updated: kept.size, deleted: removed.length };
}

export interface UpdateOptions {
  /** The onboarding step this save completes (1-based, see ./onboarding.ts). */
  step?: number;
}

/**
 * Updates the supplier profile of `supplierId` (members only). Returns the profile as its members see it.
 * Throws invalid_input with field errors (nothing written), not_found for anyone who is not a member.
 */
export async function updateSupplierProfile(actor: Actor | null, supplierId: string, input: SupplierProfileInput, options: UpdateOptions = {}) {
  const a = authorizeSupplierMember(actor, supplierId);
  const current = await db.supplierProfile.findFirst({
    where: memberProfileWhere(supplierId, a.user.id),
    select: {
      nib: true,
      npwp: true,
      legalForm: true,
      regencyCode: true,
      capitalIdr: true,
      annualSalesIdr: true,
      sizeClass: true,
      sizeBasis: true,
      onboardingStep: true,
      onboardedAt: true,
      verificationStatus: true,
      organization: { select: { name: true } },
      _count: { select: { kbli: true } },
    },
  });
  if (!current) throw notFound();

  // 1. Everything that can be refused, before any write.
  const fields = await databaseChecks(supplierId, input, current);
  const capitalIdr = input.capitalIdr !== undefined ? input.capitalIdr : current.capitalIdr;
  const annualSalesIdr = input.annualSalesIdr !== undefined ? input.annualSalesIdr : current.annualSalesIdr;
  const derived = deriveSizeClass({ capitalIdr, annualSalesIdr });
  if (derived?.sizeClass === "besar") {
    const field = derived.basis === "annual_sales" ? "annualSalesIdr" : "capitalIdr";
    (fields[field] ??= []).push(field === "annualSalesIdr" ? "suppliers.errors.salesAboveUmkm" : "suppliers.errors.capitalAboveUmkm");
  }
  if (Object.keys(fields).length > 0) throw invalidInput(fields);

  // 2. What changes.
  const data: Prisma.SupplierProfileUncheckedUpdateInput = {};
  const changed: string[] = [];
  const set = <K extends keyof SupplierProfileInput & keyof Prisma.SupplierProfileUncheckedUpdateInput>(k: K) => {
    if (input[k] !== undefined) {
      (data as Record<string, unknown>)[k] = input[k];
      changed.push(k);
    }
  };
  (["description", "nib", "npwp", "legalForm", "capitalIdr", "annualSalesIdr", "employees", "foundedYear", "regencyCode", "address"] as const).forEach(set);
  const classChanged = (derived?.sizeClass ?? null) !== current.sizeClass;
  if (input.capitalIdr !== undefined || input.annualSalesIdr !== undefined) {
    data.sizeClass = derived?.sizeClass ?? null;
    data.sizeBasis = derived?.basis ?? null;
  }
  const identityChanged =
    (input.nib !== undefined && input.nib !== current.nib) ||
    (input.npwp !== undefined && input.npwp !== current.npwp) ||
    (input.legalForm !== undefined && input.legalForm !== current.legalForm);
  const losesBadge = current.verificationStatus === "verified" && identityChanged;
  if (losesBadge) {
    data.verificationStatus = "unverified";
    data.verifiedAt = null;
    data.verificationNote = null;
  }
  if (options.step && options.step > current.onboardingStep) data.onboardingStep = options.step;
  const after = {
    nib: input.nib !== undefined ? input.nib : current.nib,
    npwp: input.npwp !== undefined ? input.npwp : current.npwp,
    regencyCode: input.regencyCode !== undefined ? input.regencyCode : current.regencyCode,
    legalForm: input.legalForm !== undefined ? input.legalForm : current.legalForm,
    sizeClass: derived?.sizeClass ?? null,
    kbliCount: input.kbli !== undefined ? input.kbli.length : current._count.kbli,
  };
  if (!current.onboardedAt && isProfileComplete(after)) data.onboardedAt = new Date();

  // 3. Write it all at once.
  try {
    await db.$transaction(async (tx) => {
      await tx.supplierProfile.update({ where: { organizationId: supplierId }, data });
      const orgData: Prisma.OrganizationUncheckedUpdateInput = {};
      if (input.name !== undefined && input.name !== current.organization.name) {
        orgData.name = input.name;
        changed.push("name");
      }
      if (input.regencyCode !== undefined) orgData.regencyCode = input.regencyCode;
      if (losesBadge) Object.assign(orgData, { verificationStatus: "unverified", verifiedAt: null, verificationNote: null });
      if (Object.keys(orgData).length > 0) await tx.organization.update({ where: { id: supplierId }, data: orgData });

      if (derived && classChanged) {
        await tx.sizeClassChange.create({
          data: { supplierId, sizeClass: derived.sizeClass, basis: derived.basis, capitalIdr, annualSalesIdr },
        });
      }
      if (input.kbli !== undefined) {
        await tx.supplierKbli.deleteMany({ where: { supplierId } });
        if (input.kbli.length > 0) {
          await tx.supplierKbli.createMany({
            data: input.kbli.map((code, i) => ({ supplierId, kbliVersion: KBLI_VERSION, kbliCode: code, isPrimary: i === 0 })),
          });
        }
        changed.push("kbli");
      }
      let certificationChanges: Awaited<ReturnType<typeof replaceCertifications>> | undefined;
      if (input.certifications !== undefined) {
        certificationChanges = await replaceCertifications(tx, supplierId, input.certifications);
        changed.push("certifications");
      }
      await audit(tx, {
        organizationId: supplierId,
        actorId: a.user.id,
        action: "supplier.profile_updated",
        entityType: "SupplierProfile",
        entityId: supplierId,
        data: {
          fields: changed,
          ...(options.step ? { step: options.step } : {}),
          ...(classChanged ? { sizeClass: { from: current.sizeClass, to: derived?.sizeClass ?? null } } : {}),
          ...(losesBadge ? { verification: "reset_after_identity_change" } : {}),
          ...(certificationChanges ? { certifications: certificationChanges } : {}),
        },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, "nib")) throw invalidInput({ nib: ["suppliers.errors.nibTaken"] });
    throw err;
  }
  return loadOwnerProfile(db, supplierId, a.user.id);
}

/** Sends the active UMKM's profile for review (NIB, NPWP, regency and at least one KBLI required). */
export async function submitForVerification(actor: Actor | null) {
  const a = authorize(actor, { orgTypes: ["umkm"], permission: "supplier:profile:update" });
  const supplierId = a.membership.organizationId;
  const p = await db.supplierProfile.findFirst({
    where: memberProfileWhere(supplierId, a.user.id),
    select: { nib: true, npwp: true, regencyCode: true, verificationStatus: true, onboardingStep: true, _count: { select: { kbli: true } } },
  });
  if (!p) throw notFound();
  if (p.verificationStatus === "pending" || p.verificationStatus === "verified") throw conflict("suppliers.errors.alreadySubmitted");
  const missing = missingForVerification({ nib: p.nib, npwp: p.npwp, regencyCode: p.regencyCode, kbliCount: p._count.kbli });
  if (missing.length > 0) {
    throw invalidInput(Object.fromEntries(missing.map((f) => [f, ["errors.field.required"]])), "suppliers.errors.incompleteForVerification");
  }
  await db.$transaction(async (tx) => {
    await tx.supplierProfile.update({
      where: { organizationId: supplierId },
      data: { verificationStatus: "pending", verificationNote: null, onboardingStep: Math.max(p.onboardingStep, ONBOARDING_STEPS.length) },
    });
    await tx.organization.update({ where: { id: supplierId }, data: { verificationStatus: "pending", verificationNote: null } });
    await audit(tx, {
      organizationId: supplierId,
      actorId: a.user.id,
      action: "supplier.verification_requested",
      entityType: "SupplierProfile",
      entityId: supplierId,
      data: { previous: p.verificationStatus },
    });
  });
  return { supplierId, verificationStatus: "pending" as const };
}
