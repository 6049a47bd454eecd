// /dasbor/indeks-kemitraan — the firm's own Indeks Kemitraan: grade and score, each component, the trend by
// quarter, what would raise the grade (with counts) and the publish opt-in (lib/partnership-index).
import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Card, Container, PageHeader, Stat, StatGrid, ResponsiveTable } from "@/components/ui";
import { ActionForm } from "@/components/agreements/action-form";
import { ComponentsTable } from "@/components/partnership-index/components-table";
import { GradeBadge } from "@/components/partnership-index/grade-badge";
import { YearForm } from "@/components/partnership-index/year-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { formattersFor } from "@/lib/i18n/format";
import { mayOpenOwnIndex } from "@/lib/partnership-index/access";
import { setIndexPublishedAction } from "@/lib/partnership-index/actions";
import { getOwnIndexPage } from "@/lib/partnership-index/dashboard";
import { currentYear, type IndexPeriod } from "@/lib/partnership-index/periods";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { MIN_YEAR } from "@/lib/partnership-index/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partnershipIndex.own");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function OwnIndexPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePageActor(partnershipIndexRoutes.own(), mayOpenOwnIndex);
  const t = await getTranslations("partnershipIndex");
  const tr = await getTranslations("partnershipReports.own");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const sp = await searchParams;
  const raw = typeof sp.tahun === "string" ? sp.tahun : "";
  const now = currentYear();
  const year = /^\d{4}$/.test(raw) && Number(raw) >= MIN_YEAR && Number(raw) <= now ? Number(raw) : now;
  const period: IndexPeriod = raw === "12bulan" ? { kind: "rolling12" } : { kind: "year", year };
  const page = await getOwnIndexPage(actor, period);
  const { index: ix } = page;
  const years = Array.from({ length: now - MIN_YEAR + 1 }, (_, i) => now - i);

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        title={t("own.title")}
        description={t("own.description")}
        actions={<YearForm action={partnershipIndexRoutes.own()} years={years} value={raw === "12bulan" ? raw : String(year)} rolling />}
      />
      {!ix.enoughData && <Alert tone="info">{t("own.notEnough", { partners: ix.components.partners })}</Alert>}
      <StatGrid>
        <Stat label={t("common.grade")} value={<GradeBadge grade={ix.grade} />} emphasis />
        <Stat
          label={t("common.score")}
          value={ix.score === null ? "—" : f.number(ix.score, { maximumFractionDigits: 1 })}
          hint={t("common.outOf100")}
        />
        <Stat label={t("common.partners")} value={f.number(ix.components.partners)} />
        <Stat
          label={t("common.agreements")}
          value={f.number(ix.components.agreements.total)}
          hint={f.rupiahCompact(ix.components.valueIdr)}
        />
      </StatGrid>

      <Card title={t("own.components")} description={`${f.calendarDate(ix.period.from)} – ${f.calendarDate(ix.period.to)}`}>
        <ComponentsTable scored={ix} f={f} caption={t("own.components")} />
      </Card>

      <Card title={t("own.improve")}>
        {page.hints.length === 0 ? (
          <p className="text-muted">{t("own.improveNone")}</p>
        ) : (
          <ul className="flex list-disc flex-col gap-2 pl-5">
            {page.hints.map((h) => (
              <li key={h.key}>
                {h.key === "microSmallHint"
                  ? t("own.microSmallHint", { share: f.percent(h.share, { maximumFractionDigits: 1 }) })
                  : t(`own.${h.key}`, { ...h })}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm text-muted">{t("own.unconfirmedHint")}</p>
      </Card>

      <Card title={t("own.trend", { year: page.trendYear })}>
        <ResponsiveTable caption={t("own.trend", { year: page.trendYear })} minWidthClassName="sm:min-w-[32rem]">
          <thead>
            <tr>
              <th scope="col">{t("common.period")}</th>
              <th scope="col">{t("common.grade")}</th>
              <th scope="col" className="num">
                {t("common.score")}
              </th>
              <th scope="col" className="num">
                {t("common.partners")}
              </th>
              <th scope="col" className="num">
                {t("csv.paymentsLate")}
              </th>
              <th scope="col" className="num">
                {t("csv.deliveryReviewOnTimeShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.trend.map((q) => (
              <tr key={q.period.key}>
                <th scope="row">{t("own.quarter", { q: q.period.quarter! })}</th>
                <td data-label={t("common.grade")}>
                  <GradeBadge grade={q.grade} />
                </td>
                <td data-label={t("common.score")} className="num">
                  {q.score === null ? "—" : f.number(q.score, { maximumFractionDigits: 1 })}
                </td>
                <td data-label={t("common.partners")} className="num">
                  {f.number(q.components.partners)}
                </td>
                <td data-label={t("csv.paymentsLate")} className="num">
                  {f.number(q.counts.paymentsLate)} / {f.number(q.counts.paymentsCounted)}
                </td>
                <td data-label={t("csv.deliveryReviewOnTimeShare")} className="num">
                  {q.components.deliveryReviewOnTimeShare === null
                    ? "—"
                    : f.percent(q.components.deliveryReviewOnTimeShare, { maximumFractionDigits: 1 })}
                </td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      </Card>

      <Card title={t("own.publish")}>
        <div className="flex flex-col gap-3">
          <p className="font-medium text-ink">
            {ix.buyer.publishedAt ? t("own.publishedNow", { date: f.date(ix.buyer.publishedAt) }) : t("own.unpublishedNow")}
          </p>
          <p className="text-sm text-muted">{t("own.publishExplain")}</p>
          {!page.verified ? (
            <Alert tone="warning">{t("own.unverified")}</Alert>
          ) : !page.canPublish ? (
            <p className="text-sm text-muted">{t("own.noPermission")}</p>
          ) : (
            <ActionForm
              label={t("own.publish")}
              action={setIndexPublishedAction}
              hidden={{ publish: ix.buyer.publishedAt ? "false" : "true" }}
              successMessage={t("own.publishDone")}
              buttons={[
                {
                  label: ix.buyer.publishedAt ? t("own.withdrawButton") : t("own.publishButton"),
                  variant: ix.buyer.publishedAt ? "outline" : undefined,
                },
              ]}
            />
          )}
        </div>
      </Card>

      <Card title={tr("cardTitle")}>
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted">{tr("intro")}</p>
          <ButtonLink href={partnershipIndexRoutes.report(period.kind === "year" ? year : now)} variant="outline" className="self-start">
            {tr("open", { year: period.kind === "year" ? year : now })}
          </ButtonLink>
        </div>
      </Card>

      <Card title={t("own.howTitle")}>
        <p className="text-sm text-muted">{t("own.how")}</p>
      </Card>
    </Container>
  );
}
