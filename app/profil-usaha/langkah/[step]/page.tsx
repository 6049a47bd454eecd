// /profil-usaha/langkah/<step> — one step of the UMKM onboarding flow. Each step saves on submit (server
// action) and the flow can be left and resumed: the profile remembers the last saved step. ?ubah=1 (from the
// overview's edit links) returns to the overview after saving.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Card, Container, PageHeader } from "@/components/ui";
import { ContinueStepForm, CertificateForm } from "@/components/suppliers/certificate-form";
import { CertificateList } from "@/components/suppliers/certificate-list";
import { ProfileStepForm, type FormStep } from "@/components/suppliers/profile-step-form";
import { StepIndicator } from "@/components/suppliers/step-indicator";
import { SubmitVerificationForm } from "@/components/suppliers/submit-verification";
import { listAllRegencies, listProvinces, searchKbli } from "@/lib/reference/service";
import { getOwnSiteId, listSiteOptions } from "@/lib/sites/service";
import { isOnboardingStep, ONBOARDING_STEPS, stepNumber, FIELD_STEP, type OnboardingStep } from "@/lib/suppliers/onboarding";
import { requirePageActor } from "@/lib/auth/page-guard";
import { actsForUmkm } from "@/lib/suppliers/access";
import { getOwnSupplierProfile, type OwnerSupplierProfile } from "@/lib/suppliers/profile";
import { supplierRoutes } from "@/lib/suppliers/routes";

type Props = { params: Promise<{ step: string }>; searchParams: Promise<{ q?: string; ubah?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step } = await params;
  const t = await getTranslations("suppliers");
  return { title: `${isOnboardingStep(step) ? t(`steps.${step}`) : t("title")} — Rantai`, robots: { index: false } };
}

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

function initialValues(step: FormStep, p: OwnerSupplierProfile): Record<string, string> {
  switch (step) {
    case "identitas":
      return { name: p.name, legalForm: str(p.legalForm), nib: str(p.nib), npwp: str(p.npwp), description: str(p.description) };
    case "lokasi":
      return { provinceCode: str(p.province?.code), regencyCode: str(p.regencyCode), address: str(p.address) };
    case "skala":
      return {
        capitalIdr: p.capitalIdr === null ? "" : p.capitalIdr.toLocaleString("id-ID"),
        annualSalesIdr: p.annualSalesIdr === null ? "" : p.annualSalesIdr.toLocaleString("id-ID"),
        employees: str(p.employees),
        foundedYear: str(p.foundedYear),
      };
    case "bidang":
      return {};
  }
}

export default async function StepPage({ params, searchParams }: Props) {
  const { step } = await params;
  if (!isOnboardingStep(step)) notFound();
  const sp = await searchParams;
  const actor = await requirePageActor(supplierRoutes.step(step), actsForUmkm);
  const t = await getTranslations("suppliers");
  const profile = await getOwnSupplierProfile(actor);
  const n = stepNumber(step);
  const previousHref = n > 1 ? supplierRoutes.step(ONBOARDING_STEPS[n - 2]) : null;
  const editing = sp.ubah === "1";

  let content: React.ReactNode;
  if (step === "sertifikat") {
    content = (
      <div className="flex flex-col gap-6">
        <Card title={t("certificates.title")}>
          <CertificateList certifications={profile.certifications} canDelete />
        </Card>
        <Card title={t("certificates.add")}>
          <CertificateForm />
        </Card>
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
          {previousHref ? (
            <ButtonLink href={previousHref} variant="ghost">
              {t("previous")}
            </ButtonLink>
          ) : (
            <span />
          )}
          <ContinueStepForm step="sertifikat" label={t("certificates.continue")} />
        </div>
      </div>
    );
  } else if (step === "kirim") {
    content = <SubmitStep profile={profile} previousHref={previousHref} />;
  } else {
    const formStep = step as FormStep;
    const [provinces, regencies, sites, siteId] =
      formStep === "lokasi"
        ? await Promise.all([listProvinces(), listAllRegencies(), listSiteOptions(), getOwnSiteId(actor)])
        : [undefined, undefined, undefined, null];
    const q = formStep === "bidang" ? (sp.q ?? "").trim().slice(0, 100) : "";
    const results = q.length >= 2 ? (await searchKbli(q, { limit: 15 })).map((h) => ({ code: h.code, title: h.titleId })) : null;
    content = (
      <Card>
        <ProfileStepForm
          step={formStep}
          initial={formStep === "lokasi" ? { ...initialValues(formStep, profile), siteId: siteId ?? "" } : initialValues(formStep, profile)}
          provinces={provinces}
          regencies={regencies}
          sites={sites}
          kbliSelected={profile.kbli.map((k) => ({ code: k.code, title: k.titleId }))}
          kbliResults={results}
          kbliQuery={q}
          then={editing ? "overview" : "next"}
          previousHref={editing ? supplierRoutes.ownProfile() : previousHref}
        />
      </Card>
    );
  }

  return (
    <Container className="max-w-3xl py-8">
      <StepIndicator current={step} savedStep={profile.onboardingStep} />
      <PageHeader eyebrow={profile.name} title={t(`steps.${step}`)} description={t(`stepIntro.${step}`)} />
      {profile.verificationStatus === "verified" && step === "identitas" && (
        <Alert tone="info" className="mb-4">
          {t("verification.identityResetHint")}
        </Alert>
      )}
      {content}
    </Container>
  );
}

async function SubmitStep({ profile, previousHref }: { profile: OwnerSupplierProfile; previousHref: string | null }) {
  const t = await getTranslations("suppliers");
  const status = profile.verificationStatus;
  const missing = profile.missingForVerification;
  return (
    <Card title={t("verification.title")}>
      <div className="flex flex-col gap-4">
        {status === "pending" && <Alert tone="info">{t("verification.pending")}</Alert>}
        {status === "verified" && <Alert tone="success">{t("verification.verified")}</Alert>}
        {status === "returned" && (
          <Alert tone="warning" title={t("verification.returned")}>
            {profile.verificationNote && <p className="whitespace-pre-line">{profile.verificationNote}</p>}
          </Alert>
        )}
        {(status === "unverified" || status === "returned") &&
          (missing.length > 0 ? (
            <div>
              <p className="font-medium text-ink">{t("verification.missing")}</p>
              <ul className="mt-2 list-disc pl-6">
                {missing.map((m) => (
                  <li key={m}>
                    <a
                      className="text-brand-800 underline underline-offset-2"
                      href={supplierRoutes.step(FIELD_STEP[m] satisfies OnboardingStep)}
                    >
                      {t(`verification.missingItem.${m}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>{t("verification.ready")}</p>
          ))}
        {(status === "unverified" || status === "returned") && <SubmitVerificationForm disabled={missing.length > 0} />}
        <div className="flex flex-wrap gap-3">
          {previousHref && (
            <ButtonLink href={previousHref} variant="ghost">
              {t("previous")}
            </ButtonLink>
          )}
          <ButtonLink href={supplierRoutes.ownProfile()} variant="outline">
            {t("backToOverview")}
          </ButtonLink>
        </div>
      </div>
    </Card>
  );
}
