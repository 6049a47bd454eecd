// What a bank sees of the supplier behind one financing request (issue 13; lib/financing/bank-view.ts): the
// public profile basics, the size class now and its history, the certificates valid today and the track
// record. Nothing else of the supplier is read, so nothing else can be shown here.
import type { ReactNode } from "react";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { BankSupplierView } from "@/lib/financing/bank-view";

export async function SupplierForBank({ supplier: s }: { supplier: BankSupplierView }) {
  const t = await getTranslations("financing.supplierView");
  const tRoot = await getTranslations();
  const locale = await getLocale();
  const f = formattersFor(locale, await getTimeZone());
  const size = (c: string) => tRoot(`sizeClasses.${c}`);
  const tr = s.trackRecord;
  const item = (label: string, value: ReactNode) => (
    <div>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="font-semibold text-ink">{value}</dd>
    </div>
  );
  return (
    <Card title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-6">
        <dl className="grid gap-4 sm:grid-cols-2">
          {item(t("type"), tRoot(`orgTypes.${s.type}`))}
          {item(
            t("verification"),
            <Badge tone={s.verified ? "success" : "warning"}>{s.verified ? t("verified") : t("notVerified")}</Badge>,
          )}
          {item(t("region"), s.regency && s.province ? `${s.regency.name}, ${s.province.name}` : t("notGiven"))}
          {item(t("foundedYear"), s.foundedYear === null ? t("notGiven") : String(s.foundedYear))}
          {item(t("employees"), s.employees === null ? t("notGiven") : f.number(s.employees))}
          {item(t("sizeClass"), s.sizeClass === null ? t("notGiven") : size(s.sizeClass))}
          <div className="sm:col-span-2">
            <dt className="text-sm text-muted">{t("kbli")}</dt>
            <dd className="text-ink">
              {s.kbli.length === 0 ? (
                t("notGiven")
              ) : (
                <ul className="flex flex-col gap-1">
                  {s.kbli.map((k) => (
                    <li key={k.code}>
                      <span className="font-mono tabular-nums">{k.code}</span> {locale === "en" && k.titleEn ? k.titleEn : k.title}
                      {k.isPrimary && <span className="text-sm text-muted"> ({t("primary")})</span>}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>

        <section aria-labelledby="supplier-size-history" className="flex flex-col gap-2">
          <h3 id="supplier-size-history" className="font-semibold text-ink">
            {t("sizeHistory")}
          </h3>
          {s.sizeHistory.length === 0 ? (
            <p className="text-sm text-muted">{t("sizeHistoryNone")}</p>
          ) : (
            <ol className="flex flex-col gap-1">
              {s.sizeHistory.map((h, i) => (
                <li key={i} className="text-ink">
                  <span className="font-semibold">{size(h.sizeClass)}</span>{" "}
                  <span className="text-muted">{t("sizeSince", { date: f.date(h.effectiveAt) })}</span>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="supplier-certificates" className="flex flex-col gap-2">
          <h3 id="supplier-certificates" className="font-semibold text-ink">
            {t("certificates")}
          </h3>
          {s.certificates.length === 0 ? (
            <p className="text-sm text-muted">{t("certificatesNone")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-line">
              {s.certificates.map((c) => (
                <li key={`${c.type}-${c.number}`} className="flex flex-col gap-0.5 py-2">
                  <span className="font-semibold text-ink">
                    {c.type === "other" && c.name ? c.name : tRoot(`certifications.${c.type}`)}
                    {c.tkdnPercent !== null && ` ${f.number(c.tkdnPercent)}%`}
                  </span>
                  <span className="text-sm text-muted">
                    {[
                      t("certificateNumber", { number: c.number }),
                      c.issuer,
                      c.validUntil ? t("validUntil", { date: f.calendarDate(c.validUntil) }) : t("noExpiry"),
                      c.verified ? t("certificateVerified") : t("certificateUnverified"),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="supplier-track-record" className="flex flex-col gap-2">
          <h3 id="supplier-track-record" className="font-semibold text-ink">
            {t("trackRecord")}
          </h3>
          <dl className="grid gap-4 sm:grid-cols-2">
            {item(t("completedAgreements"), f.number(tr.completedAgreements))}
            {item(t("activeAgreements"), f.number(tr.activeAgreements))}
            {item(
              t("deliveriesOnTime"),
              tr.deliveriesAccepted === 0
                ? t("noData")
                : t("deliveriesOnTimeValue", { onTime: tr.deliveriesOnTime, accepted: tr.deliveriesAccepted }),
            )}
            {item(t("acceptedShare"), tr.acceptedShare === null ? t("noData") : f.percent(tr.acceptedShare, { maximumFractionDigits: 0 }))}
          </dl>
        </section>
      </div>
    </Card>
  );
}
