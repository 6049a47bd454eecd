// A Laporan Kemitraan as issued (lib/partnership-index/reports.ts): rendered from its frozen snapshot only, so
// the firm's print view and the public verification page show exactly the same document. Server component.
import { getTranslations } from "next-intl/server";
import { Table } from "@/components/ui";
import { appBaseUrl } from "@/lib/app-url";
import { enumLabelKey, type AgreementStatus, type PartnershipScheme, type SizeClass } from "@/lib/enums";
import type { Formatters } from "@/lib/i18n/format";
import type { IssuedReport } from "@/lib/partnership-index/reports";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";

export async function ReportDocument({ report, f }: { report: IssuedReport; f: Formatters }) {
  const t = await getTranslations("partnershipReports");
  const tAll = await getTranslations();
  const s = report.snapshot;
  const c = s.index.components;
  const verifyUrl = `${appBaseUrl()}${partnershipIndexRoutes.verifyReport(report.code)}`;
  const pct = (v: number | null) => (v === null ? t("components.none") : f.percent(v, { maximumFractionDigits: 1 }));
  const days = (v: number | null) => (v === null ? t("components.none") : t("components.days", { n: v }));
  const total = s.partnerships.reduce((sum, p) => sum + BigInt(p.valueIdr), 0n);
  const rows: [string, string][] = [
    [t("components.partners"), f.number(c.partners)],
    [
      t("components.agreements"),
      t("components.agreementsValue", {
        active: c.agreements.active,
        completed: c.agreements.completed,
        terminated: c.agreements.terminated,
      }),
    ],
    [t("components.value"), f.rupiah(BigInt(c.valueIdr))],
    [t("components.microSmall"), pct(c.microSmallShare)],
    [t("components.daysMedian"), days(c.daysToPayMedian)],
    [t("components.daysP90"), days(c.daysToPayP90)],
    [
      t("components.late"),
      c.paymentsCounted === 0
        ? t("components.none")
        : t("components.lateValue", { late: c.paymentsLate, total: c.paymentsCounted, share: pct(c.latePaymentShare) }) +
          (c.unpaidPastTerm > 0 ? `; ${t("components.unpaid", { n: c.unpaidPastTerm })}` : ""),
    ],
    [t("components.deliveryReview"), pct(c.deliveryReviewOnTimeShare)],
    [t("components.movedUp"), f.number(c.partnersMovedUp)],
    [
      t("components.rating"),
      c.partnerRating
        ? t("components.ratingValue", { mean: f.number(c.partnerRating.mean, { maximumFractionDigits: 2 }), count: c.partnerRating.count })
        : t("components.ratingHidden"),
    ],
  ];

  return (
    <article className="report-doc mx-auto max-w-4xl rounded-card border border-line bg-surface p-5 shadow-sm sm:p-8">
      <header className="border-b border-line pb-4 text-center">
        <p className="text-lg font-bold tracking-wide">{t("heading")}</p>
        <p className="mt-1 text-sm text-muted">{t("subtitle", { year: s.year })}</p>
      </header>

      <section className="mt-5 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" aria-label={t("firm")}>
        <Fact label={t("firm")} value={s.buyer.name} />
        {s.buyer.legalName && <Fact label={t("legalName")} value={s.buyer.legalName} />}
        {s.buyer.npwp && <Fact label={t("npwp")} value={s.buyer.npwp} />}
        <Fact label={t("ownership")} value={s.buyer.stateOwned ? t("stateOwned") : t("private")} />
        {s.buyer.address && <Fact label={t("address")} value={s.buyer.address} />}
        {s.buyer.regency && <Fact label={t("region")} value={[s.buyer.regency, s.buyer.province].filter(Boolean).join(", ")} />}
        <Fact label={t("code")} value={report.code} mono />
        <Fact label={t("fingerprint")} value={report.fingerprint} mono />
      </section>
      <p className="mt-3 text-xs text-muted">
        {s.issuedBy ? t("issued", { date: f.dateTime(s.issuedAt), name: s.issuedBy }) : t("issuedNoName", { date: f.dateTime(s.issuedAt) })}{" "}
        · {t("asOf", { date: f.dateTime(s.asOf) })}
      </p>

      <section className="mt-6">
        <h2 className="text-base font-semibold">{t("indexHeading", { year: s.year })}</h2>
        {s.index.enoughData && s.index.score !== null && s.index.grade ? (
          <p className="mt-2 text-sm">
            <span className="font-semibold">{t("score")}:</span> {f.number(s.index.score, { maximumFractionDigits: 1 })} / 100 ·{" "}
            <span className="font-semibold">{t("grade")}:</span> {t(`grades.${s.index.grade}`)}
          </p>
        ) : (
          <p className="mt-2 text-sm">{t("noGrade")}</p>
        )}
        <Table caption={t("indexHeading", { year: s.year })} captionHidden className="mt-3" minWidthClassName="min-w-0">
          <thead>
            <tr>
              <th scope="col">{t("component")}</th>
              <th scope="col" className="num">
                {t("valueCol")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className="font-normal">
                  {label}
                </th>
                <td className="num">{value}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      <section className="mt-6">
        <h2 className="text-base font-semibold">{t("partnershipsHeading", { count: s.partnerships.length })}</h2>
        {s.partnerships.length === 0 ? (
          <p className="mt-2 text-sm">{t("partnershipsEmpty")}</p>
        ) : (
          <Table
            caption={t("partnershipsHeading", { count: s.partnerships.length })}
            captionHidden
            className="mt-3"
            minWidthClassName="min-w-[44rem]"
          >
            <thead>
              <tr>
                <th scope="col">{t("columns.number")}</th>
                <th scope="col">{t("columns.partner")}</th>
                <th scope="col">{t("columns.scheme")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.period")}</th>
                <th scope="col" className="num">
                  {t("columns.value")}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.partnerships.map((p) => (
                <tr key={p.number}>
                  <td className="whitespace-nowrap">{p.number}</td>
                  <td>
                    {p.partner}
                    {p.sizeClass && (
                      <span className="block text-xs text-muted">{tAll(enumLabelKey("SizeClass", p.sizeClass as SizeClass))}</span>
                    )}
                  </td>
                  <td>{tAll(enumLabelKey("PartnershipScheme", p.scheme as PartnershipScheme))}</td>
                  <td>{tAll(enumLabelKey("AgreementStatus", p.status as AgreementStatus))}</td>
                  <td className="whitespace-nowrap">
                    {f.calendarDate(p.startDate)} – {f.calendarDate(p.endDate)}
                  </td>
                  <td className="num whitespace-nowrap">{f.rupiah(BigInt(p.valueIdr))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-line font-semibold">
                <th scope="row" colSpan={5} className="px-4 py-3 text-left">
                  {t("total")}
                </th>
                <td className="num px-4 py-3 text-right whitespace-nowrap">{f.rupiah(total)}</td>
              </tr>
            </tfoot>
          </Table>
        )}
      </section>

      <footer className="mt-6 border-t border-line pt-3 text-xs text-muted">
        <p>{t("basis")}</p>
        <p className="mt-2">{t("footer", { url: verifyUrl })}</p>
      </footer>
    </article>
  );
}

function Fact({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  return (
    <div className="flex flex-col">
      <span className="text-xs text-muted">{label}</span>
      <span className={mono ? "font-mono text-sm break-all" : "text-sm"}>{value}</span>
    </div>
  );
}
