// /profil-usaha — the UMKM's profile overview: everything it entered, with edit links per section, the
// verification badge (and the reviewer's note when returned), certificate expiry warnings, and the way back
// into the onboarding flow while it is incomplete.
import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert, ButtonLink, Card, Container, PageHeader, VerificationBadge, WhatsAppShareLink } from "@/components/ui";
import { whatsappShareUrl } from "@/lib/app-url";
import { CertificateList } from "@/components/suppliers/certificate-list";
import { formattersFor } from "@/lib/i18n/format";
import { formatNpwp } from "@/lib/suppliers/identifiers";
import { ONBOARDING_STEPS, type OnboardingStep } from "@/lib/suppliers/onboarding";
import { requirePageActor } from "@/lib/auth/page-guard";
import { actsForUmkm } from "@/lib/suppliers/access";
import { getOwnSupplierProfile } from "@/lib/suppliers/profile";
import { supplierRoutes } from "@/lib/suppliers/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("suppliers");
  return { title: `${t("metaTitle")} — Rantai`, robots: { index: false } };
}

export default async function ProfileOverviewPage() {
  const actor = await requirePageActor(supplierRoutes.ownProfile(), actsForUmkm);
  const t = await getTranslations("suppliers");
  const tSize = await getTranslations("sizeClasses");
  const tShare = await getTranslations("common.share");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const p = await getOwnSupplierProfile(actor);
  const notSet = <span className="text-muted">{t("overview.notSet")}</span>;
  const resumeStep: OnboardingStep = ONBOARDING_STEPS[Math.min(p.onboardingStep, ONBOARDING_STEPS.length - 1)];
  const edit = (step: OnboardingStep, section: string) => (
    <ButtonLink href={supplierRoutes.step(step, { ubah: true })} size="sm" variant="outline" aria-label={t("editSection", { section })}>
      {t("edit")}
    </ButtonLink>
  );

  return (
    <Container className="max-w-4xl py-8">
      <PageHeader
        eyebrow={t("title")}
        title={p.name}
        description={t("overviewDescription")}
        actions={
          <span className="flex flex-wrap items-center gap-2">
            <VerificationBadge status={p.verificationStatus} className="text-sm" />
            {/* the public profile exists once verified: only then is there something to share */}
            {p.verificationStatus === "verified" && (
              <WhatsAppShareLink
                label={tShare("whatsapp")}
                href={whatsappShareUrl(tShare("profileText", { name: p.name }), supplierRoutes.profile(p.organizationId))}
              />
            )}
          </span>
        }
      />
      <div className="flex flex-col gap-6">
        {!p.onboardedAt && (
          <Alert
            tone="info"
            title={t("onboardingTitle")}
            actions={
              <ButtonLink href={supplierRoutes.step(resumeStep)}>
                {p.onboardingStep === 0 ? t("startOnboarding") : t("continueOnboarding")}
              </ButtonLink>
            }
          >
            {t("onboardingDescription")}
          </Alert>
        )}
        {p.verificationStatus === "returned" && (
          <Alert
            tone="warning"
            title={t("verification.returned")}
            actions={
              <ButtonLink href={supplierRoutes.step("kirim")} variant="outline">
                {t("verification.submit")}
              </ButtonLink>
            }
          >
            {p.verificationNote && (
              <p className="whitespace-pre-line">
                <span className="font-semibold">{t("verification.returnedNote")}:</span> {p.verificationNote}
              </p>
            )}
          </Alert>
        )}
        {p.verificationStatus === "pending" && <Alert tone="info">{t("verification.pending")}</Alert>}
        {p.verificationStatus === "unverified" && p.onboardedAt && (
          <Alert tone="info" actions={<ButtonLink href={supplierRoutes.step("kirim")}>{t("verification.submit")}</ButtonLink>}>
            {p.missingForVerification.length === 0 ? t("verification.ready") : t("verification.missing")}
          </Alert>
        )}

        <Card title={t("overview.identity")} actions={edit("identitas", t("overview.identity"))}>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Item label={t("fields.name")} value={p.name} />
            <Item label={t("fields.legalForm")} value={p.legalForm ? t(`legalForms.${p.legalForm}`) : notSet} />
            <Item label={t("fields.nib")} value={p.nib ? <span className="font-mono">{p.nib}</span> : notSet} />
            <Item label={t("fields.npwp")} value={p.npwp ? <span className="font-mono">{formatNpwp(p.npwp)}</span> : notSet} />
          </dl>
          {p.description && <p className="mt-3 text-sm whitespace-pre-line text-muted">{p.description}</p>}
        </Card>

        <Card title={t("overview.location")} actions={edit("lokasi", t("overview.location"))}>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Item label={t("fields.regency")} value={p.regency ? `${p.regency.name}, ${p.regency.province.name}` : notSet} />
            <Item label={t("fields.address")} value={p.address ?? notSet} />
          </dl>
        </Card>

        <Card title={t("overview.kbli")} actions={edit("bidang", t("overview.kbli"))}>
          {p.kbli.length === 0 ? (
            notSet
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {p.kbli.map((k) => (
                <li key={k.code}>
                  <span className="font-mono">{k.code}</span> {f.locale === "en" && k.titleEn ? k.titleEn : k.titleId}
                  {k.isPrimary && p.kbli.length > 1 && <span className="text-muted"> ({t("fields.kbliPrimary")})</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("overview.size")} actions={edit("skala", t("overview.size"))}>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Item
              label={t("overview.sizeClass")}
              value={
                p.sizeClass ? (
                  <>
                    <span className="font-semibold">{tSize(p.sizeClass)}</span>
                    <span className="block text-muted">{t(`size.explain.${p.sizeClass}`)}</span>
                  </>
                ) : (
                  notSet
                )
              }
            />
            <Item label={t("fields.capital")} value={p.capitalIdr !== null ? f.rupiah(p.capitalIdr) : notSet} />
            <Item label={t("fields.annualSales")} value={p.annualSalesIdr !== null ? f.rupiah(p.annualSalesIdr) : notSet} />
            <Item label={t("fields.employees")} value={p.employees !== null ? f.number(p.employees) : notSet} />
            <Item label={t("fields.foundedYear")} value={p.foundedYear !== null ? String(p.foundedYear) : notSet} />
            {p.sizeHistory.length > 1 && (
              <Item
                label={t("size.history")}
                value={
                  <ul>
                    {p.sizeHistory.map((h) => (
                      <li key={h.effectiveAt.toISOString()}>
                        {t("size.historyItem", { sizeClass: tSize(h.sizeClass), date: f.date(h.effectiveAt) })}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
          </dl>
        </Card>

        <Card title={t("overview.certificates")} actions={edit("sertifikat", t("overview.certificates"))}>
          <CertificateList certifications={p.certifications} canDelete />
        </Card>
      </div>
    </Container>
  );
}

function Item({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="font-medium text-muted">{label}</dt>
      <dd className="mt-0.5 break-words text-ink">{value}</dd>
    </div>
  );
}
