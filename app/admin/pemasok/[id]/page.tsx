// /admin/pemasok/<id> — a platform admin reviews one UMKM: its profile, identifiers, KBLI codes, size figures
// and certificate documents (opened through /api/files/{id}, which admits platform admins), then verifies it
// or returns it with a note (decideVerification, audit-logged). 404 for everyone else.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert, Badge, ButtonLink, Card, Container, PageHeader, VerificationBadge } from "@/components/ui";
import { VerificationActions } from "@/components/dashboard/verification-actions";
import { CertificateList } from "@/components/suppliers/certificate-list";
import { formattersFor } from "@/lib/i18n/format";
import { formatNpwp, parseNpwp } from "@/lib/suppliers/identifiers";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { isPlatformVerifier } from "@/lib/auth/access";
import { getSupplierForReview } from "@/lib/suppliers/profile";
import { supplierRoutes } from "@/lib/suppliers/routes";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const actor = await requirePageActor(supplierRoutes.review(id), isPlatformVerifier);
  return orNotFound(getSupplierForReview(actor, id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const s = await load(id);
  const t = await getTranslations("suppliers.admin");
  return { title: `${t("title")}: ${s.name} — Rantai`, robots: { index: false } };
}

export default async function SupplierReviewPage({ params }: Props) {
  const { id } = await params;
  const s = await load(id);
  const t = await getTranslations("suppliers");
  const tSize = await getTranslations("sizeClasses");
  const f = formattersFor(await getLocale());
  const p = s.profile;
  const npwp = p.npwp ? parseNpwp(p.npwp) : null;
  const notSet = <span className="text-muted">{t("overview.notSet")}</span>;

  return (
    <Container className="max-w-4xl py-8">
      <PageHeader
        eyebrow={t("admin.title")}
        title={s.name}
        description={t("admin.registered", { date: f.date(s.createdAt) })}
        actions={
          <>
            <VerificationBadge status={p.verificationStatus} className="text-sm" />
            <ButtonLink href={supplierRoutes.verificationQueue()} variant="ghost" size="sm">
              {t("admin.back")}
            </ButtonLink>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {s.missingForVerification.length > 0 ? (
          <Alert tone="warning" title={t("admin.missing")}>
            {s.missingForVerification.map((m) => t(`verification.missingItem.${m}`)).join(", ")}
          </Alert>
        ) : (
          <Alert tone="success">{t("admin.complete")}</Alert>
        )}
        {p.verificationStatus === "returned" && p.verificationNote && (
          <Alert tone="info" title={t("verification.returnedNote")}>
            <p className="whitespace-pre-line">{p.verificationNote}</p>
          </Alert>
        )}

        <Card title={t("overview.identity")}>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Item label={t("fields.legalForm")} value={p.legalForm ? t(`legalForms.${p.legalForm}`) : notSet} />
            <Item label={t("fields.nib")} value={p.nib ? <span className="font-mono">{p.nib}</span> : notSet} />
            <Item
              label={t("fields.npwp")}
              value={
                p.npwp ? (
                  <>
                    <span className="font-mono">{formatNpwp(p.npwp)}</span>{" "}
                    {npwp?.ok && <Badge tone="neutral">{t(`admin.npwpKind.${npwp.kind}`)}</Badge>}
                  </>
                ) : (
                  notSet
                )
              }
            />
            <Item label={t("admin.owners")} value={s.owners.map((o) => `${o.name} <${o.email}>`).join(", ") || notSet} />
            <Item label={t("fields.regency")} value={p.regency ? `${p.regency.name}, ${p.regency.province.name}` : notSet} />
            <Item label={t("fields.address")} value={p.address ?? notSet} />
          </dl>
          {p.description && <p className="mt-3 text-sm whitespace-pre-line text-muted">{p.description}</p>}
        </Card>

        <Card title={t("overview.kbli")}>
          {p.kbli.length === 0 ? (
            notSet
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {p.kbli.map((k) => (
                <li key={k.code}>
                  <span className="font-mono">{k.code}</span> {k.titleId}
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("overview.size")}>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            <Item label={t("overview.sizeClass")} value={p.sizeClass ? tSize(p.sizeClass) : notSet} />
            <Item label={t("fields.capital")} value={p.capitalIdr !== null ? f.rupiah(p.capitalIdr) : notSet} />
            <Item label={t("fields.annualSales")} value={p.annualSalesIdr !== null ? f.rupiah(p.annualSalesIdr) : notSet} />
          </dl>
        </Card>

        <Card title={t("admin.documents")}>
          <CertificateList certifications={s.certifications} />
        </Card>

        <Card title={t("admin.decision")}>
          <VerificationActions organizationId={s.id} organizationName={s.name} />
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
