"use server";
// Server actions of the UMKM onboarding flow and profile pages (/profil-usaha). Each goes through umkmAction (session →
// active UMKM membership → permission → zod schema) and the lib/ function checks tenancy again in its where
// clause. They take (previousState, FormData) for useActionState and progressive enhancement (forms work
// without JavaScript), or a plain object.
import { redirect } from "next/navigation";
import { z } from "zod";
import { platformAction, revalidate, umkmAction, type ActionResult } from "@/lib/auth/action-wrapper";
import { fieldErrors } from "@/lib/auth/schemas";
import { invalidInput } from "@/lib/errors";
import type { UploadSource } from "@/lib/files/upload";
import { organizationRoutes } from "@/lib/organizations/routes";
import { searchKbli, type KbliHit } from "@/lib/reference/service";
import { reviewCertificate } from "./certificate-review";
import { addCertification, deleteCertification, updateCertification } from "./certifications";
import { ONBOARDING_STEPS, stepNumber, type OnboardingStep } from "./onboarding";
import { updateSupplierProfile } from "./profile-update";
import { supplierRoutes } from "./routes";
import { submitForVerification } from "./verification";
import { certificateReviewSchema, certificationInputSchema, supplierProfileSchema } from "./schemas";

/** Re-renders the profile overview, every step page and the dashboard. */
function refreshProfile() {
  revalidate(supplierRoutes.ownProfile(), ...ONBOARDING_STEPS.map((s) => supplierRoutes.step(s)), organizationRoutes.dashboard());
}

// ---------------------------------------------------------------------------------------------
// Profile steps
// ---------------------------------------------------------------------------------------------

const stepSchema = supplierProfileSchema.extend({
  step: z.enum(ONBOARDING_STEPS).optional(),
  /** After saving: the next step (default) or the overview page. */
  then: z.enum(["next", "overview"]).optional(),
});

const saveStep = umkmAction("supplier:profile:update", stepSchema, async ({ step, then, ...input }, { actor }) => {
  await updateSupplierProfile(actor, actor.membership.organizationId, input, step ? { step: stepNumber(step) } : {});
  refreshProfile();
  const next: OnboardingStep | null = step ? (ONBOARDING_STEPS[stepNumber(step)] ?? null) : null;
  return { redirectTo: then === "overview" || !next ? supplierRoutes.ownProfile() : supplierRoutes.step(next) };
});

/**
 * Saves one step of the profile form and moves on (a redirect, so it works without JavaScript too). On
 * refusal it returns the errors and nothing is saved.
 */
export async function saveProfileStep(prev: unknown, form?: unknown): Promise<ActionResult<{ redirectTo: string }>> {
  const res = await saveStep(prev, form);
  if (res.ok) redirect(res.data.redirectTo);
  return res;
}

// ---------------------------------------------------------------------------------------------
// KBLI search for the picker
// ---------------------------------------------------------------------------------------------

const searchAction = umkmAction(null, z.object({ q: z.string().max(100) }), async ({ q }) => searchKbli(q, { limit: 15 }));

export async function searchKbliAction(input: { q: string }): Promise<ActionResult<KbliHit[]>> {
  return searchAction(input);
}

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------

const certificateForm = z.looseObject({
  certificationId: z.string().max(100).optional(),
  document: z.unknown().optional(),
});

function parseCertificate(raw: Record<string, unknown>) {
  const { certificationId: _id, document: _doc, ...fields } = raw;
  const parsed = certificationInputSchema.safeParse(fields);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  return parsed.data;
}

const saveCertificate = umkmAction("supplier:profile:update", certificateForm, async (raw, { actor }) => {
  const input = parseCertificate(raw);
  const document = (raw.document ?? null) as UploadSource | null;
  const out = raw.certificationId
    ? await updateCertification(actor, raw.certificationId, input, document)
    : await addCertification(actor, input, document);
  refreshProfile();
  return out;
});

/** Adds a certificate (or updates one when `certificationId` is given), with an optional document upload. */
export async function saveCertificateAction(
  prev: unknown,
  form?: unknown,
): Promise<ActionResult<{ id: string; documentId: string | null }>> {
  return saveCertificate(prev, form);
}

const removeCertificate = umkmAction(
  "supplier:profile:update",
  z.object({ certificationId: z.string({ error: "errors.field.required" }).min(1, "errors.field.required").max(100) }),
  async ({ certificationId }, { actor }) => {
    const out = await deleteCertification(actor, certificationId);
    refreshProfile();
    return out;
  },
);

export async function deleteCertificateAction(prev: unknown, form?: unknown): Promise<ActionResult<{ id: string }>> {
  return removeCertificate(prev, form);
}

// ---------------------------------------------------------------------------------------------
// Verification request
// ---------------------------------------------------------------------------------------------

const submit = umkmAction("supplier:profile:update", z.object({}), async (_input, { actor }) => {
  const out = await submitForVerification(actor);
  refreshProfile();
  return out;
});

export async function submitForVerificationAction(
  prev: unknown,
  form?: unknown,
): Promise<ActionResult<{ supplierId: string; verificationStatus: "pending" }>> {
  return submit(prev, form);
}

// ---------------------------------------------------------------------------------------------
// One certificate's review (platform admins: /admin/sertifikat)
// ---------------------------------------------------------------------------------------------

const reviewForm = z.looseObject({
  certificationId: z.string({ error: "errors.field.required" }).min(1, "errors.field.required").max(100),
});

const reviewOne = platformAction("platform:verify", reviewForm, async ({ certificationId, ...raw }, { actor }) => {
  const parsed = certificateReviewSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  const out = await reviewCertificate(actor, certificationId, parsed.data);
  revalidate(supplierRoutes.certificateQueue());
  return out;
});

/** Approves one certificate awaiting review, or returns it with a reason (required). Checked again in lib/. */
export async function reviewCertificateAction(
  prev: unknown,
  form?: unknown,
): Promise<ActionResult<{ id: string; status: "verified" | "returned"; verifiedAt: Date | null; returnedReason: string | null }>> {
  return reviewOne(prev, form);
}
