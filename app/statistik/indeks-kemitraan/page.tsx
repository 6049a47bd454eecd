// /statistik/indeks-kemitraan — ministry and platform staff: every verified buyer ranked by its Indeks
// Kemitraan for a year, filtered by BUMN/private, sector (KBLI section) and province; CSV for Excel.
import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Button, Card, Container, EmptyState, PageHeader } from "@/components/ui";
import { RankingTable } from "@/components/partnership-index/ranking-table";
import { requirePageActor } from "@/lib/auth/page-guard";
import { withQuery } from "@/lib/app-url";
import { formattersFor } from "@/lib/i18n/format";
import { mayOpenRanking } from "@/lib/partnership-index/access";
import { getStaffRanking, rankingFilterOf } from "@/lib/partnership-index/api";
import { currentYear } from "@/lib/partnership-index/periods";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { MIN_YEAR, rankingQuerySchema } from "@/lib/partnership-index/schemas";
import { getProvinceNames, getSectionTitles } from "@/lib/stats/partnerships";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partnershipIndex.ranking");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MinistryRankingPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePageActor(partnershipIndexRoutes.ministryRanking(), mayOpenRanking);
  const t = await getTranslations("partnershipIndex");
  const locale = await getLocale();
  const f = formattersFor(locale, await getTimeZone());
  const sp = await searchParams;
  const raw = { year: one(sp.tahun), stateOwned: one(sp.bumn), kbliSection: one(sp.kbli), province: one(sp.provinsi) };
  const parsed = rankingQuerySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : {};
  const filter = rankingFilterOf(q);
  const [rows, provinces, sections] = await Promise.all([getStaffRanking(actor, filter), getProvinceNames(), getSectionTitles()]);
  const now = currentYear();
  const years = Array.from({ length: now - MIN_YEAR + 1 }, (_, i) => now - i);
  const csvHref = withQuery("/api/v1/stats/partnership-index", {
    year: String(filter.year),
    stateOwned: filter.stateOwned === undefined ? undefined : String(filter.stateOwned),
    kbliSection: filter.kbliSection,
    province: filter.province,
    format: "csv",
  });
  const select = "rounded-lg border border-line bg-surface px-3 py-2";
  const label = "flex flex-col gap-1 text-sm font-medium text-ink";

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={t("ranking.title")} description={t("ranking.description")} />
      <Card title={t("ranking.filter")}>
        <form method="get" action={partnershipIndexRoutes.ministryRanking()} className="flex flex-wrap items-end gap-3">
          <label className={label}>
            {t("common.year")}
            <select name="tahun" defaultValue={String(filter.year)} className={select}>
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className={label}>
            {t("common.ownership")}
            <select name="bumn" defaultValue={q.stateOwned ?? ""} className={select}>
              <option value="">{t("common.all")}</option>
              <option value="true">{t("common.bumn")}</option>
              <option value="false">{t("common.private")}</option>
            </select>
          </label>
          <label className={label}>
            {t("common.sector")}
            <select name="kbli" defaultValue={q.kbliSection ?? ""} className={select}>
              <option value="">{t("common.all")}</option>
              {[...sections.entries()].map(([code, title]) => (
                <option key={code} value={code}>
                  {code} — {locale === "en" ? (title.en ?? title.id) : title.id}
                </option>
              ))}
            </select>
          </label>
          <label className={label}>
            {t("common.province")}
            <select name="provinsi" defaultValue={q.province ?? ""} className={select}>
              <option value="">{t("common.all")}</option>
              {[...provinces.entries()].map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="outline">
            {t("common.show")}
          </Button>
          <a className="text-sm font-semibold text-brand-800 underline" href={csvHref} download>
            {t("ranking.csv")}
          </a>
        </form>
      </Card>
      {rows.length === 0 ? (
        <EmptyState title={t("ranking.empty")} />
      ) : (
        <RankingTable rows={rows} f={f} caption={t("ranking.caption", { year: filter.year })} detailed />
      )}
    </Container>
  );
}
