// What an UMKM sees: its supplier profile, certificates (expired / expiring within 60 days flagged),
// products, the cooperatives it belongs to and its partnerships.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import {
  Alert,
  Badge,
  ButtonLink,
  Card,
  EmptyState,
  Stat,
  StatGrid,
  VerificationBadge,
  type BadgeTone,
  ResponsiveTable,
} from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import { CERT_EXPIRY_WARNING_DAYS, type CertificateState, type getSupplierDashboard } from "@/lib/suppliers/dashboard";
import { AgreementsCard, type AgreementRow } from "./agreements-card";
import { SectionLink } from "./section-link";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { productRoutes } from "@/lib/products/routes";

type SupplierDashboard = Awaited<ReturnType<typeof getSupplierDashboard>>;

const CERT_TONE: Record<CertificateState, BadgeTone> = { valid: "success", expiring: "warning", expired: "danger", no_expiry: "neutral" };

export async function SupplierSection({ data, agreements }: { data: SupplierDashboard; agreements: AgreementRow[] }) {
  const t = await getTranslations("dashboard.supplier");
  const tc = await getTranslations("common");
  const tSize = await getTranslations("sizeClasses");
  const tCert = await getTranslations("certifications");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const { profile } = data;
  const primaryKbli = profile.kbli.find((k) => k.isPrimary) ?? profile.kbli[0];
  const expired = data.certifications.filter((c) => c.state === "expired").length;
  const expiring = data.certifications.filter((c) => c.state === "expiring").length;
  const activeAgreements = data.agreements.active ?? 0;

  return (
    <div className="flex flex-col gap-6">
      <StatGrid>
        <Stat label={t("stats.sizeClass")} value={profile.sizeClass ? tSize(profile.sizeClass) : "—"} />
        <Stat label={t("stats.products")} value={f.number(data.productCount)} />
        <Stat
          label={t("stats.certificates")}
          value={f.number(data.certifications.length)}
          hint={expired + expiring > 0 ? t("stats.certificatesAttention", { count: expired + expiring }) : undefined}
          emphasis={expired + expiring > 0}
        />
        <Stat label={t("stats.activeAgreements")} value={f.number(activeAgreements)} />
      </StatGrid>

      <Card
        title={t("profile.title")}
        actions={
          <span className="flex flex-wrap items-center gap-2">
            <VerificationBadge status={profile.verificationStatus} />
            <ButtonLink href={supplierRoutes.ownProfile()} size="sm" variant="outline">
              {t("profile.open")}
            </ButtonLink>
          </span>
        }
      >
        <div className="flex flex-col gap-4">
          {profile.verificationStatus === "returned" && profile.verificationNote && (
            <Alert tone="warning" title={t("profile.returned")}>
              <p className="whitespace-pre-line">{profile.verificationNote}</p>
            </Alert>
          )}
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <Item label={t("profile.nib")} value={profile.nib ? <span className="font-mono">{profile.nib}</span> : tc("notSet")} />
            <Item label={t("profile.sizeClass")} value={profile.sizeClass ? tSize(profile.sizeClass) : tc("notSet")} />
            <Item
              label={t("profile.region")}
              value={profile.regency ? `${profile.regency.name}, ${profile.regency.province.name}` : tc("notSet")}
            />
            <Item
              label={t("profile.kbli")}
              value={
                profile.kbli.length === 0 ? (
                  tc("notSet")
                ) : (
                  <ul className="flex flex-col gap-0.5">
                    {[...profile.kbli]
                      .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
                      .map((k) => (
                        <li key={`${k.kbliVersion}-${k.kbliCode}`}>
                          <span className="font-mono">{k.kbliCode}</span> {k.kbli.titleId}
                          {k === primaryKbli && profile.kbli.length > 1 && <span className="text-muted"> ({t("profile.primary")})</span>}
                        </li>
                      ))}
                  </ul>
                )
              }
            />
            <Item label={t("profile.employees")} value={profile.employees != null ? f.number(profile.employees) : tc("notSet")} />
            <Item
              label={t("profile.annualSales")}
              value={profile.annualSalesIdr != null ? f.rupiah(profile.annualSalesIdr) : tc("notSet")}
            />
          </dl>
          {profile.description && <p className="text-sm text-muted">{profile.description}</p>}
        </div>
      </Card>

      <Card title={t("certificates.title")} description={t("certificates.description", { days: CERT_EXPIRY_WARNING_DAYS })}>
        <div className="flex flex-col gap-4">
          {expired > 0 && <Alert tone="danger">{t("certificates.expiredAlert", { count: expired })}</Alert>}
          {expiring > 0 && (
            <Alert tone="warning">{t("certificates.expiringAlert", { count: expiring, days: CERT_EXPIRY_WARNING_DAYS })}</Alert>
          )}
          {data.certifications.length === 0 ? (
            <EmptyState title={t("certificates.empty")} description={t("certificates.emptyBody")} />
          ) : (
            <ResponsiveTable caption={t("certificates.title")} minWidthClassName="sm:min-w-[40rem]">
              <thead>
                <tr>
                  <th scope="col">{t("certificates.type")}</th>
                  <th scope="col">{t("certificates.state")}</th>
                  <th scope="col">{t("certificates.validUntil")}</th>
                  <th scope="col">{t("certificates.number")}</th>
                  <th scope="col">{t("certificates.issuer")}</th>
                </tr>
              </thead>
              <tbody>
                {data.certifications.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="text-ink">
                      {c.type === "other" && c.name ? c.name : tCert(c.type)}
                      {c.type === "tkdn" && c.tkdnPercent != null && (
                        <span className="font-normal text-muted"> · {f.percent(c.tkdnPercent, { scale: "points" })}</span>
                      )}
                    </th>
                    <td data-label={t("certificates.state")}>
                      <Badge tone={CERT_TONE[c.state]}>{t(`certificates.states.${c.state}`)}</Badge>
                    </td>
                    <td data-label={t("certificates.validUntil")} className="whitespace-nowrap">
                      {c.validUntil ? f.calendarDate(c.validUntil) : t("certificates.noExpiry")}
                    </td>
                    <td data-label={t("certificates.number")} className="font-mono text-xs break-all">
                      {c.number}
                    </td>
                    <td data-label={t("certificates.issuer")}>{c.issuer ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </ResponsiveTable>
          )}
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={t("products.title")}
          description={t("products.count", { count: data.productCount })}
          actions={<SectionLink href={productRoutes.list()}>{tc("viewAll")}</SectionLink>}
          className="min-w-0"
        >
          {data.products.length === 0 ? (
            <EmptyState title={t("products.empty")} description={t("products.emptyBody")} />
          ) : (
            <ul className="flex flex-col divide-y divide-line">
              {data.products.map((p) => (
                <li key={p.id} className="flex flex-col gap-0.5 py-2.5 first:pt-0 last:pb-0">
                  <span className="font-medium text-ink">{p.name}</span>
                  <span className="text-sm text-muted">
                    {priceRange(p.priceMinIdr, p.priceMaxIdr, f.rupiah)} {t("products.perUnit", { unit: p.unit })}
                    {p.moq != null && <> · {t("products.moq", { moq: f.number(p.moq), unit: p.unit })}</>}
                    {p.monthlyCapacity != null && <> · {t("products.capacity", { capacity: f.number(p.monthlyCapacity), unit: p.unit })}</>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("cooperatives.title")} className="min-w-0">
          {data.cooperatives.length === 0 ? (
            <EmptyState title={t("cooperatives.empty")} description={t("cooperatives.emptyBody")} />
          ) : (
            <ul className="flex flex-col divide-y divide-line">
              {data.cooperatives.map((c) => (
                <li key={c.cooperative.id} className="flex flex-col gap-0.5 py-2.5 first:pt-0 last:pb-0">
                  <span className="font-medium text-ink">{c.cooperative.name}</span>
                  <span className="text-sm text-muted">
                    {c.memberNumber ? t("cooperatives.memberNumber", { number: c.memberNumber }) + " · " : ""}
                    {t("cooperatives.joined", { date: f.date(c.joinedAt) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <AgreementsCard agreements={agreements} counts={data.agreements} perspective="supplier" />
    </div>
  );
}

function priceRange(min: bigint | null, max: bigint | null, rupiah: (v: bigint) => string): string {
  if (min != null && max != null && min !== max) return `${rupiah(min)}–${rupiah(max)}`;
  const v = min ?? max;
  return v != null ? rupiah(v) : "—";
}

function Item({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted">{label}</dt>
      <dd className="font-medium break-words text-ink">{value}</dd>
    </div>
  );
}
