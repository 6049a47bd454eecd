// An UMKM asks the platform to verify its profile (the "kirim" step of /profil-usaha). The platform's decision
// is lib/organizations (decideVerification).
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { memberProfileWhere } from "./access";
import { missingForVerification, ONBOARDING_STEPS } from "./onboarding";

/** Sends the active UMKM's profile for review (NIB, NPWP, regency and at least one KBLI required). */
export async function submitForVerification(actor: Actor | null) {
  const a = authorize(actor, { orgTypes: ["umkm"], permission: "supplier:profile:update" });
  const supplierId = a.membership.organizationId;
  const p = await db.supplierProfile.findFirst({
    where: memberProfileWhere(supplierId, a.user.id),
    select: {
      nib: true,
      npwp: true,
      regencyCode: true,
      verificationStatus: true,
      onboardingStep: true,
      _count: { select: { kbli: true } },
    },
  });
  if (!p) throw notFound();
  if (p.verificationStatus === "pending" || p.verificationStatus === "verified") throw conflict("suppliers.errors.alreadySubmitted");
  const missing = missingForVerification({ nib: p.nib, npwp: p.npwp, regencyCode: p.regencyCode, kbliCount: p._count.kbli });
  if (missing.length > 0) {
    throw invalidInput(
      Object.fromEntries(missing.map((f) => [f, ["errors.field.required"]])),
      "suppliers.errors.incompleteForVerification",
    );
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
