// Changes to the UMKM's supplier profile: the owner's onboarding and edits (server actions and PATCH
// /api/v1/suppliers/{id} both call updateSupplierProfile). Reads are ./profile.ts (docs/decisions/0007).
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
import { KBLI_VERSION } from "@/lib/db/reference-data";
import { audit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/types";
import { invalidInput, notFound } from "@/lib/errors";
import { siteIdError } from "@/lib/sites/service";
import { authorizeSupplierMember, memberProfileWhere } from "./access";
import { awaitingReview, profileVerified, reviewAfterEdit, reviewedFields } from "./certificate-review";
import { certificationData } from "./certifications";
import { isProfileComplete } from "./onboarding";
import { loadOwnerProfile } from "./profile";
import type { CertificationInput, SupplierProfileInput } from "./schemas";
import { deriveSizeClass } from "./size-class";

type Tx = Prisma.TransactionClient;

function isUniqueViolation(err: unknown, field: string): boolean {
  const e = err as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (e?.code !== "P2002") return false;
  const text = JSON.stringify(e.meta ?? {});
  return text.includes(field);
}

/** Checks that need the database; returns field errors (empty when fine). */
async function databaseChecks(
  supplierId: string,
  input: Pick<SupplierProfileInput, "regencyCode" | "kbli" | "nib" | "siteId">,
  current: { nib: string | null },
): Promise<Record<string, string[]>> {
  const fields: Record<string, string[]> = {};
  const [regency, kbliFound, nibOwner, siteError] = await Promise.all([
    input.regencyCode ? db.regency.findUnique({ where: { code: input.regencyCode }, select: { code: true } }) : Promise.resolve(true),
    input.kbli && input.kbli.length > 0
      ? db.kbliCode.findMany({ where: { version: KBLI_VERSION, level: 5, code: { in: input.kbli } }, select: { code: true } })
      : Promise.resolve(null),
    input.nib && input.nib !== current.nib
      ? db.supplierProfile.findFirst({ where: { nib: input.nib, NOT: { organizationId: supplierId } }, select: { organizationId: true } })
      : Promise.resolve(null),
    siteIdError(input.siteId),
  ]);
  if (!regency) fields.regencyCode = ["suppliers.errors.regencyUnknown"];
  if (siteError) fields.siteId = [siteError];
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

/**
 * Replaces the organization's certificates with `list` (PATCH semantics of api-v1): a certificate with the
 * same type and number as an existing one updates it and keeps its uploaded document; the rest are created;
 * existing ones not in the list are deleted together with their documents. Changed certificates go back to
 * review (./certificate-review.ts: pending once the UMKM is verified, else reviewed with its profile).
 */
async function replaceCertifications(tx: Tx, organizationId: string, list: CertificationInput[]) {
  const existing = await tx.certification.findMany({
    where: { organizationId },
    select: { id: true, documentId: true, ...reviewedFields },
  });
  const verified = await profileVerified(tx, organizationId);
  const key = (c: { type: string; number: string }) => `${c.type}\u0000${c.number.trim().toLowerCase()}`;
  const byKey = new Map(existing.map((c) => [key(c), c]));
  const kept = new Set<string>();
  for (const c of list) {
    const match = byKey.get(key(c));
    if (match && !kept.has(match.id)) {
      kept.add(match.id);
      const data = certificationData(c);
      const review = reviewAfterEdit(match, data, { documentReplaced: false, profileVerified: verified });
      await tx.certification.update({ where: { id: match.id }, data: { ...data, ...review } });
    } else {
      await tx.certification.create({ data: { organizationId, ...certificationData(c), ...awaitingReview(verified) } });
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

interface UpdateOptions {
  /** The onboarding step this save completes (1-based, see ./onboarding.ts). */
  step?: number;
}

/**
 * Updates the supplier profile of `supplierId` (members only). Returns the profile as its members see it.
 * Throws invalid_input with field errors (nothing written), not_found for anyone who is not a member.
 */
export async function updateSupplierProfile(
  actor: Actor | null,
  supplierId: string,
  input: SupplierProfileInput,
  options: UpdateOptions = {},
) {
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
  (
    [
      "description",
      "nib",
      "npwp",
      "legalForm",
      "capitalIdr",
      "annualSalesIdr",
      "employees",
      "foundedYear",
      "regencyCode",
      "address",
    ] as const
  ).forEach(set);
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
      if (input.siteId !== undefined) {
        orgData.siteId = input.siteId;
        changed.push("siteId");
      }
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
