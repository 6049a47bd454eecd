// /statistik — the ministry's partnership statistics, public (aggregates only): key figures, the
// in-supply-chain rate, a map and table by province, charts + tables + CSV by sector, scheme, size class
// and month, definitions and national context. Ministry staff also see the named suppliers behind the
// figures (lib/stats/drilldown.ts checks stats:drilldown). Filters live in the URL (lib/stats/schemas.ts).
// Everybody else sees the protected figures (lib/stats/disclosure.ts): "< 3" where fewer than 3 UMKM are
// behind a figure, periods widened to whole quarters. Every figure follows the province and section filters.
// The public figures come from a short-lived cache shared by every public viewer, per filter
// (lib/cache/public-pages.ts, at most 30 s old); the ministry's exact figures are computed per request.
import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader, Stat, StatGrid, Table } from "@/components/ui";
import { BreakdownCard } from "@/components/stats/breakdown-card";
import { CompletedOpenNote } from "@/components/stats/completed-open-note";
import { StatsFilterForm } from "@/components/stats/filter-form";
import { ProvinceMap } from "@/components/stats/province-map";
import { ClustersMinistryTable } from "@/components/clusters/figures-ministry-table";
import { getClustersTable } from "@/lib/clusters/summary-ministry";
import { clusterOptions, publicDrillTable, publicStatistics } from "@/lib/cache/public-pages";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { formattersFor } from "@/lib/i18n/format";
import { translate } from "@/lib/i18n/translate";
import { getTopSuppliers } from "@/lib/stats/drilldown";
import { audienceOf, Disclosure, type PublishedStats } from "@/lib/stats/disclosure";
import { drillFor, getDrillTable } from "@/lib/stats/drill";
import { getStatisticsOverview } from "@/lib/stats/overview";
import { getProvinceNames, getSectionTitles, labelFor, monthLabel } from "@/lib/stats/partnerships";
import { statsRoutes } from "@/lib/stats/routes";
import { measureSchema, statsFilterSchema, type Measure, type StatsFilter } from "@/lib/stats/schemas";
import { supplierRoutes } from "@/lib/suppliers/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stats.page");
  return { title: `${t("title")} — Rantai`, description: t("description") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Valid filters, and the messages for the ones dropped (bad values never fail the page). */
function parseFilter(sp: Record<string, string | string[] | undefined>, locale: Locale) {
  const raw: Record<string, unknown> = {};
  for (const k of ["from", "to", "province", "kbliSection", "clusterId"]) {
    const v = sp[k];
    raw[k] = Array.isArray(v) ? v[0] : v;
  }
  const first = statsFilterSchema.safeParse(raw);
  if (first.success) return { filter: first.data, errors: {} as Record<string, string[]> };
  const errors: Record<string, string[]> = {};
  for (const issue of first.error.issues) {
    const field = String(issue.path[0] ?? "_");
    (errors[field] ??= []).push(translate(locale, issue.message));
    delete raw[field];
  }
  const second = statsFilterSchema.safeParse(raw);
  return { filter: second.success ? second.data : ({} as StatsFilter), errors };
}

function hasWithheld(s: PublishedStats) {
  return s.totals.suppressed || s.rows.some((r) => r.suppressed);
}

/** The filter as URL parameters (links keep it). */
function filterQuery(f: StatsFilter): Record<string, string | undefined> {
  return { from: f.from, to: f.to, province: f.province, kbliSection: f.kbliSection, clusterId: f.clusterId };
}

/** One table for Excel (lib/stats/export.ts), the page's filters kept. */
function csvHref(tabel: string, f: StatsFilter) {
  return statsRoutes.tableCsv(tabel, filterQuery(f));
}

export default async function StatisticsPage({ searchParams }: { searchParams: Search }) {
  const rawLocale = await getLocale();
  const locale: Locale = isLocale(rawLocale) ? rawLocale : "id";
  const t = await getTranslations("stats.page");
  const f = formattersFor(locale, await getTimeZone());
  const sp = await searchParams;
  const { filter, errors } = parseFilter(sp, locale);
  const measure: Measure = measureSchema.parse(Array.isArray(sp.ukuran) ? sp.ukuran[0] : sp.ukuran);
  const byValue = measure === "nilai";
  // every link of the page keeps the filters and the measure
  const here = (over: Partial<StatsFilter> = {}, anchor?: string) =>
    statsRoutes.statistics({ ...filterQuery({ ...filter, ...over }), ukuran: byValue ? measure : undefined }, anchor);

  const actor = await getActor();
  const staff = can(actor?.membership, "stats:drilldown");
  const audience = audienceOf(actor);
  const [o, provinceNames, sectionTitles, top, clusters, clustersTable, drill] = await Promise.all([
    audience === "public" ? publicStatistics(filter, locale) : getStatisticsOverview(filter, locale, audience),
    getProvinceNames(),
    getSectionTitles(),
    staff ? getTopSuppliers(actor, filter) : Promise.resolve(null),
    clusterOptions(),
    staff ? getClustersTable(actor) : Promise.resolve(null),
    audience === "public" ? publicDrillTable(filter, locale) : getDrillTable(new Disclosure(audience, locale), filter),
  ]);
  const provinces = [...provinceNames.entries()].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name));
  const sections = [...sectionTitles.entries()].map(([code, s]) => ({ code, title: locale === "en" && s.en ? s.en : s.id }));

  const withheld = t("suppressed");
  const num = (n: number | null) => (n === null ? withheld : f.number(n));
  // Province table: every province, also those without partnerships (the map's data as a table).
  const byProvince = new Map(o.partnerships.province.rows.map((r) => [r.key, r]));
  const provinceRows = [
    ...[...provinceNames.entries()].map(
      ([code, name]) => byProvince.get(code) ?? { key: code, label: name, suppressed: false, agreements: 0, valueIdr: 0n, suppliers: 0 },
    ),
    ...(byProvince.has("-") ? [byProvince.get("-")!] : []),
  ].filter((r) => !filter.province || r.key === filter.province);
  const figures = Object.fromEntries(
    o.partnerships.province.rows.map((r) => [
      r.key,
      {
        agreements: r.agreements,
        suppliers: r.suppliers,
        value: r.valueIdr === null ? withheld : f.rupiahCompact(r.valueIdr),
        valueIdr: r.valueIdr === null ? null : Number(r.valueIdr),
      },
    ]),
  );

  const period = o.filter;
  const month = (key: string | null | undefined) => (key ? monthLabel(key, locale) : "…");
  const snapped = period.from !== filter.from || period.to !== filter.to;
  const activeFilters = [
    period.from || period.to ? `${month(period.from)} – ${month(period.to)}` : null,
    filter.province ? await labelFor("province", filter.province, locale) : null,
    filter.kbliSection ? await labelFor("kbliSection", filter.kbliSection, locale) : null,
    filter.clusterId ? (clusters.find((c) => c.id === filter.clusterId)?.name ?? filter.clusterId) : null,
  ].filter(Boolean);
  const totals = o.partnerships.scheme.totals;
  const share = o.supplyChain.share;

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={t("title")} description={t("description")} />
      <StatsFilterForm values={filter} measure={measure} provinces={provinces} sections={sections} clusters={clusters} errors={errors} />
      {Object.keys(errors).length > 0 && (
        <Alert tone="warning">
          {t("invalidFilters")} {Object.values(errors).flat().join(" ")}
        </Alert>
      )}
      <p role="status" className="text-sm text-muted" data-testid="active-filters">
        {activeFilters.length > 0 ? t("filters.active", { filters: activeFilters.join(" · ") }) : null}{" "}
        {snapped ? `· ${t("periodSnapped", { from: month(period.from), to: month(period.to) })} ` : null}
        {t("asOf", { date: f.dateTime(o.asOf) })}
      </p>

      <section aria-labelledby="figures-title" className="flex flex-col gap-3">
        <h2 id="figures-title" className="text-lg font-semibold text-ink">
          {t("figures.title")}
        </h2>
        <StatGrid>
          <Stat
            emphasis
            label={t("figures.inSupplyChain")}
            value={
              <span data-testid="figure-in-supply-chain">
                {share === null
                  ? o.supplyChain.suppressed
                    ? withheld
                    : t("figures.none")
                  : f.percent(share, { maximumFractionDigits: 1 })}
              </span>
            }
            hint={t("figures.inSupplyChainHint", {
              count: num(o.supplyChain.umkmWithActiveAgreement),
              total: f.number(o.supplyChain.umkmVerified),
            })}
          />
          <Stat
            label={t("figures.agreements")}
            value={<span data-testid="figure-agreements">{num(totals.agreements)}</span>}
            hint={t("figures.agreementsHint")}
          />
          <Stat
            label={t("figures.value")}
            value={<span data-testid="figure-value">{totals.valueIdr === null ? withheld : f.rupiahCompact(totals.valueIdr)}</span>}
            hint={totals.valueIdr === null ? t("suppressedHint") : f.rupiah(totals.valueIdr)}
            className="col-span-2 lg:col-span-1"
          />
          <Stat
            label={t("figures.suppliers")}
            value={<span data-testid="figure-suppliers">{num(totals.suppliers)}</span>}
            hint={t("figures.suppliersHint")}
          />
          <Stat
            label={t("figures.microSmall")}
            value={
              <span data-testid="figure-micro-small">
                {o.microSmallValueShare === null
                  ? hasWithheld(o.partnerships.sizeClass)
                    ? withheld
                    : t("figures.none")
                  : f.percent(o.microSmallValueShare, { maximumFractionDigits: 1 })}
              </span>
            }
            hint={t("figures.microSmallHint")}
          />
          <Stat
            label={t("figures.daysToPay")}
            value={
              <span data-testid="figure-days-to-pay">
                {o.daysToPay.payments === null
                  ? withheld
                  : o.daysToPay.median === null
                    ? t("figures.none")
                    : t("figures.daysValue", { days: Math.round(o.daysToPay.median * 10) / 10 })}
              </span>
            }
            hint={
              o.daysToPay.payments === null
                ? t("suppressedHint")
                : o.daysToPay.payments
                  ? t("figures.daysToPayHint", { count: o.daysToPay.payments })
                  : t("figures.daysToPayNone")
            }
          />
          <Stat
            label={t("figures.movedUp")}
            value={<span data-testid="figure-moved-up">{num(o.movedUp)}</span>}
            hint={t("figures.movedUpHint")}
          />
          <Stat
            label={t("figures.active")}
            value={<span data-testid="figure-active">{num(o.current.active)}</span>}
            hint={
              o.current.completed === null
                ? t("figures.activeHintWithheld")
                : t("figures.activeHint", { completed: f.number(o.current.completed) })
            }
          />
          <Stat
            label={t("figures.umkmVerified")}
            value={<span data-testid="figure-umkm-verified">{f.number(o.umkm.verified)}</span>}
            hint={t("figures.umkmVerifiedHint", { registered: f.number(o.umkm.registered) })}
          />
        </StatGrid>
        <CompletedOpenNote shown={o.completedOpen} f={f} />
      </section>

      <nav aria-label={t("measure.legend")} className="flex flex-wrap items-center gap-2 text-sm" data-testid="measure-switch">
        <span className="font-medium text-ink">{t("measure.legend")}</span>
        {(["jumlah", "nilai"] as const).map((m) => (
          <a
            key={m}
            href={statsRoutes.statistics({ ...filterQuery(filter), ukuran: m === "nilai" ? m : undefined })}
            aria-current={measure === m ? "true" : undefined}
            className={`inline-flex min-h-10 items-center rounded-md border px-3 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
              measure === m ? "border-brand-700 bg-brand-700 text-white" : "border-line text-brand-800 hover:bg-paper"
            }`}
          >
            {t(`measure.${m}`)}
          </a>
        ))}
      </nav>

      <BreakdownCard
        id="by-province"
        title={t("map.title")}
        description={`${t(byValue ? "map.descriptionValue" : "map.description")} ${t("drill.provinceHint")}`}
        rows={provinceRows}
        totals={o.partnerships.province.totals}
        csvHref={csvHref("province", filter)}
        f={f}
        showKey
        measure={measure}
        rowHref={(key) => (key === "-" ? null : here({ province: key }, "rincian"))}
      >
        <ProvinceMap
          figures={figures}
          measure={measure}
          hrefFor={(code) => here({ province: code }, "rincian")}
          formatNumber={(n) => f.number(n)}
          formatValue={(n) => f.rupiahCompact(BigInt(Math.round(n)))}
        />
      </BreakdownCard>

      {drill ? (
        <BreakdownCard
          id="rincian"
          title={t(drill.drillBy === "regency" ? "drill.regencyTitle" : "drill.divisionTitle", { parent: drill.parent.label })}
          description={t(drill.drillBy === "regency" ? "drill.regencyDescription" : "drill.divisionDescription")}
          rows={drill.rows}
          totals={drill.totals}
          csvHref={csvHref(drill.drillBy, filter)}
          f={f}
          showKey
          tableOpen
          layout="vertical"
          measure={measure}
          backHref={here(drill.drillBy === "regency" ? { province: undefined } : { kbliSection: undefined })}
          backLabel={t(drill.drillBy === "regency" ? "drill.backProvinces" : "drill.backSections")}
        />
      ) : (
        (filter.province || filter.kbliSection) &&
        drillFor(filter, "exact") && (
          <Alert tone="info">
            <span data-testid="drill-unavailable">{t("drill.unavailable")}</span>
          </Alert>
        )
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <BreakdownCard
          id="by-month"
          title={t("sections.month")}
          rows={o.partnerships.month.rows}
          totals={o.partnerships.month.totals}
          csvHref={csvHref("month", filter)}
          f={f}
          measure={measure}
        />
        <BreakdownCard
          id="by-scheme"
          title={t("sections.scheme")}
          rows={o.partnerships.scheme.rows}
          totals={o.partnerships.scheme.totals}
          csvHref={csvHref("scheme", filter)}
          f={f}
          layout="vertical"
          measure={measure}
        />
        <BreakdownCard
          id="by-size"
          title={t("sections.sizeClass")}
          rows={o.partnerships.sizeClass.rows}
          totals={o.partnerships.sizeClass.totals}
          csvHref={csvHref("sizeClass", filter)}
          f={f}
          measure={measure}
        />
        <BreakdownCard
          id="by-section"
          title={t("sections.kbliSection")}
          description={t("drill.sectionHint")}
          rows={o.partnerships.kbliSection.rows}
          totals={o.partnerships.kbliSection.totals}
          csvHref={csvHref("kbliSection", filter)}
          f={f}
          layout="vertical"
          measure={measure}
          rowHref={(key) => (key === "-" ? null : here({ kbliSection: key }, "rincian"))}
        />
      </div>

      {top && (
        <Card
          title={t("drilldown.title")}
          description={t("drilldown.description")}
          className="min-w-0"
          actions={
            <a
              href={statsRoutes.suppliersCsv(filterQuery(filter))}
              download
              aria-label={t("chart.csvLabel", { title: t("drilldown.title") })}
              className="inline-flex min-h-10 items-center rounded-md border border-line px-3 text-sm font-medium text-brand-800 hover:bg-paper focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              {t("chart.csv")}
            </a>
          }
        >
          <div data-testid="drilldown">
            {top.length === 0 ? (
              <p className="text-sm text-muted">{t("drilldown.empty")}</p>
            ) : (
              <Table caption={t("drilldown.title")} captionHidden minWidthClassName="min-w-[44rem]">
                <thead>
                  <tr>
                    <th scope="col">{t("drilldown.supplier")}</th>
                    <th scope="col">{t("drilldown.province")}</th>
                    <th scope="col">{t("drilldown.section")}</th>
                    <th scope="col">{t("drilldown.size")}</th>
                    <th scope="col" className="text-right">
                      {t("drilldown.agreements")}
                    </th>
                    <th scope="col" className="text-right">
                      {t("drilldown.participations")}
                    </th>
                    <th scope="col" className="text-right">
                      {t("drilldown.value")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((s) => (
                    <tr key={s.id} className="border-t border-line">
                      <th scope="row" className="text-ink">
                        <a href={supplierRoutes.profile(s.id)} className="text-brand-800 underline underline-offset-2">
                          {s.name}
                        </a>
                      </th>
                      <td>{s.provinceName ?? translate(locale, "stats.unknown")}</td>
                      <td>{s.kbliSection === "-" ? translate(locale, "stats.unknown") : s.kbliSection}</td>
                      <td>{s.sizeClass === "-" ? translate(locale, "stats.unknown") : translate(locale, `sizeClasses.${s.sizeClass}`)}</td>
                      <td className="text-right tabular-nums">{f.number(s.agreements)}</td>
                      <td className="text-right tabular-nums">{f.number(s.participations)}</td>
                      <td className="text-right tabular-nums whitespace-nowrap">{f.rupiah(s.valueIdr)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </div>
        </Card>
      )}

      {clustersTable && <ClustersMinistryTable rows={clustersTable} provinceNames={Object.fromEntries(provinceNames)} />}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("definitions.title")} className="min-w-0">
          <ul id="definisi" className="flex list-disc flex-col gap-3 pl-5 text-sm text-ink">
            {(["counted", "attribution", "supplyChain", "daysToPay", "movedUp", "privacy", "disclosure", "api"] as const).map((k) => (
              <li key={k}>{t(`definitions.${k}`)}</li>
            ))}
          </ul>
        </Card>
        <Card title={t("context.title")} className="min-w-0">
          <p className="text-sm text-ink">{t("context.body")}</p>
          <p className="mt-3 text-xs text-muted">{t("context.source")}</p>
        </Card>
      </div>
    </Container>
  );
}
