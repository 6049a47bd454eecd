// An UMKM's certificates with their validity state (expired / expiring within 60 days flagged) and document
// links (served by /api/files/{id} to members and platform admins only). Owners also get delete buttons.
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Badge, EmptyState, type BadgeTone } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import { CERT_EXPIRY_WARNING_DAYS, type CertificateState } from "@/lib/suppliers/dashboard";
import type { PresentedCertification } from "@/lib/suppliers/profile";
import { DeleteCertificateButton } from "./certificate-form";

const TONE: Record<CertificateState, BadgeTone> = { valid: "success", expiring: "warning", expired: "danger", no_expiry: "neutral" };

export async function CertificateList({ certifications, canDelete = false }: { certifications: PresentedCertification[]; canDelete?: boolean }) {
  const t = await getTranslations("suppliers.certificates");
  const tCert = await getTranslations("certifications");
  const tv = await getTranslations("verification.status");
  const f = formattersFor(await getLocale());
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
            <li key={c.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="font-semibold text-ink">
                  {label}
                  {c.type === "tkdn" && c.percent !== null && <span className="font-normal text-muted"> · {f.percent(c.percent, { scale: "points" })}</span>}
                </p>
                <p className="font-mono text-sm break-all">{c.number}</p>
                <p className="text-sm text-muted">
                  {c.issuer ? `${c.issuer} · ` : ""}
                  {c.validUntil ? t("until", { date: f.calendarDate(c.validUntil) }) : t("noExpiry")}
                </p>
                <div className="mt-1 flex flex-wrap gap-1.5">
                  <Badge tone={TONE[c.state]}>{t(`states.${c.state}`)}</Badge>
                  <Badge tone={c.verificationStatus === "verified" ? "success" : "neutral"}>{tv(c.verificationStatus)}</Badge>
                </div>
                {c.document ? (
                  <a href={`/api/files/${c.document.id}?inline=1`} target="_blank" rel="noopener" className="mt-1 inline-block text-sm font-medium text-brand-800 underline underline-offset-2">
                    {t("documentView")} ({c.document.filename})
                  </a>
                ) : (
                  <p className="mt-1 text-sm text-muted">{t("noDocument")}</p>
                )}
              </div>
              {canDelete && <DeleteCertificateButton certificationId={c.id} label={`${label} ${c.number}`} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
