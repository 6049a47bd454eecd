// An UMKM's certificates with their validity state (expired / expiring within 60 days flagged) and document
// links (served by /api/files/{id} to members and platform admins only). Members who may change them get an
// "Ubah" disclosure with the certificate's form (same fields and validation as adding) and a delete button.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Badge, EmptyState, type BadgeTone } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import { CERT_EXPIRY_WARNING_DAYS, type CertificateState } from "@/lib/suppliers/dashboard";
import type { PresentedCertification } from "@/lib/suppliers/profile";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { CertificateForm, DeleteCertificateButton, type CertificateFormValues } from "./certificate-form";

const isoDate = (d: Date | string | null) => (d === null ? "" : typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

function formValues(c: PresentedCertification): CertificateFormValues {
  return {
    type: c.type,
    name: c.name ?? "",
    number: c.number,
    issuer: c.issuer ?? "",
    validFrom: isoDate(c.validFrom),
    validUntil: isoDate(c.validUntil),
    percent: c.percent === null ? "" : String(c.percent),
  };
}

const TONE: Record<CertificateState, BadgeTone> = { valid: "success", expiring: "warning", expired: "danger", no_expiry: "neutral" };
const REVIEW_TONE: Record<PresentedCertification["verificationStatus"], BadgeTone> = {
  verified: "success",
  pending: "warning",
  returned: "danger",
  unverified: "neutral",
};

/** One certificate's review (issue 16): when it was verified, that it waits for an admin, or why it was returned. */
async function ReviewState({ c }: { c: PresentedCertification }) {
  const t = await getTranslations("suppliers.certificates.review");
  const f = formattersFor(await getLocale());
  if (c.verificationStatus === "verified" && c.verifiedAt)
    return <p className="mt-1 text-sm text-muted">{t("verifiedOn", { date: f.date(c.verifiedAt) })}</p>;
  if (c.verificationStatus === "pending") return <p className="mt-1 text-sm text-muted">{t("pendingHint")}</p>;
  if (c.verificationStatus === "returned") {
    return (
      <Alert tone="danger" className="mt-2" title={t("returnedTitle")}>
        {c.returnedReason && <p className="break-words">{t("returnedReason", { reason: c.returnedReason })}</p>}
        <p>{t("returnedHint")}</p>
      </Alert>
    );
  }
  return null;
}

export async function CertificateList({
  certifications,
  canDelete = false,
}: {
  certifications: PresentedCertification[];
  canDelete?: boolean;
}) {
  const t = await getTranslations("suppliers.certificates");
  const tCert = await getTranslations("certifications");
  const tv = await getTranslations("verification.status");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const expired = certifications.filter((c) => c.state === "expired").length;
  const expiring = certifications.filter((c) => c.state === "expiring").length;
  if (certifications.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <div className="flex flex-col gap-3">
      {expired > 0 && <Alert tone="danger">{t("expiredAlert", { count: expired })}</Alert>}
      {expiring > 0 && <Alert tone="warning">{t("expiringAlert", { count: expiring, days: CERT_EXPIRY_WARNING_DAYS })}</Alert>}
      <ul className="flex flex-col divide-y divide-line">
        {certifications.map((c) => {
          const label = c.type === "other" && c.name ? c.name : tCert(c.type);
          return (
            <li key={c.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="font-semibold text-ink">
                    {label}
                    {c.type === "tkdn" && c.percent !== null && (
                      <span className="font-normal text-muted"> · {f.percent(c.percent, { scale: "points" })}</span>
                    )}
                  </p>
                  <p className="font-mono text-sm break-all">{c.number}</p>
                  <p className="text-sm text-muted">
                    {c.issuer ? `${c.issuer} · ` : ""}
                    {c.validUntil ? t("until", { date: f.calendarDate(c.validUntil) }) : t("noExpiry")}
                  </p>
                  <div className="mt-1 flex flex-wrap gap-1.5">
                    <Badge tone={TONE[c.state]}>{t(`states.${c.state}`)}</Badge>
                    <Badge tone={REVIEW_TONE[c.verificationStatus]}>{tv(c.verificationStatus)}</Badge>
                  </div>
                  <ReviewState c={c} />
                  {c.document ? (
                    <a
                      href={supplierRoutes.certificateDocument(c.document.id)}
                      target="_blank"
                      rel="noopener"
                      className="mt-1 inline-block text-sm font-medium text-brand-800 underline underline-offset-2"
                    >
                      {t("documentView")} ({c.document.filename})
                    </a>
                  ) : (
                    <p className="mt-1 text-sm text-muted">{t("noDocument")}</p>
                  )}
                </div>
                {canDelete && (
                  <div className="flex shrink-0 flex-col gap-2 sm:items-end">
                    <DeleteCertificateButton certificationId={c.id} label={`${label} ${c.number}`} />
                  </div>
                )}
              </div>
              {canDelete && (
                // A disclosure: keyboard-operable and usable before (or without) JavaScript.
                <details className="group rounded-lg border border-line">
                  <summary
                    aria-label={t("editNamed", { name: `${label} ${c.number}` })}
                    className="cursor-pointer list-none px-3 py-2 text-sm font-medium text-brand-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
                  >
                    {t("edit")}
                  </summary>
                  <div className="border-t border-line p-3">
                    <CertificateForm certificationId={c.id} initial={formValues(c)} />
                  </div>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
