// The UMKM onboarding flow's steps and what a profile needs before it can be sent for verification. Pure and
// client-safe: the step indicator and the "kirim" step use it, and so do lib/suppliers/profile.ts,
// profile-update.ts and verification.ts.

/** The steps in order; `onboardingStep` on the profile stores the number (1-based) of the last one saved. */
export const ONBOARDING_STEPS = ["identitas", "lokasi", "bidang", "skala", "sertifikat", "kirim"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export function stepNumber(step: OnboardingStep): number {
  return ONBOARDING_STEPS.indexOf(step) + 1;
}

export function isOnboardingStep(v: string): v is OnboardingStep {
  return (ONBOARDING_STEPS as readonly string[]).includes(v);
}

/** The step that holds each field (for "fix this" links and for error messages). */
export const FIELD_STEP = {
  name: "identitas",
  legalForm: "identitas",
  nib: "identitas",
  npwp: "identitas",
  regencyCode: "lokasi",
  kbli: "bidang",
  sizeClass: "skala",
} as const satisfies Record<string, OnboardingStep>;

export interface CompletenessInput {
  nib: string | null;
  npwp: string | null;
  regencyCode: string | null;
  legalForm?: string | null;
  sizeClass?: string | null;
  kbliCount: number;
}

/** What verification requires: NIB, NPWP, regency and at least one KBLI code. */
export function missingForVerification(p: CompletenessInput): (keyof typeof FIELD_STEP)[] {
  const missing: (keyof typeof FIELD_STEP)[] = [];
  if (!p.nib) missing.push("nib");
  if (!p.npwp) missing.push("npwp");
  if (!p.regencyCode) missing.push("regencyCode");
  if (p.kbliCount < 1) missing.push("kbli");
  return missing;
}

/** A profile is complete (onboardedAt is set) when verification has what it needs and the size class is known. */
export function isProfileComplete(p: CompletenessInput): boolean {
  return missingForVerification(p).length === 0 && Boolean(p.legalForm) && Boolean(p.sizeClass);
}
