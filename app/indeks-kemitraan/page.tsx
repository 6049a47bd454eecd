// /indeks-kemitraan — the public ranking: firms that chose to publish their Indeks Kemitraan grade, by score.
// A published firm with fewer than 3 UMKM partners is listed without figures (the disclosure rule).
import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Card, Container, EmptyState, PageHeader } from "@/components/ui";
import { RankingTable } from "@/components/partnership-index/ranking-table";
import { YearForm } from "@/components/partnership-index/year-form";
import { formattersFor } from "@/lib/i18n/format";
import { publicRanking } from "@/lib/cache/public-pages";
import { currentYear } from "@/lib/partnership-index/periods";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { MIN_YEAR } from "@/lib/partnership-index/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partnershipIndex.public");
  return { title: `${t("title")} — Rantai`, description: t("description") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PublicRankingPage({ searchParams }: { searchParams: Search }) {
  const t = await getTranslations("partnershipIndex");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const sp = await searchParams;
  const raw = typeof sp.tahun === "string" ? sp.tahun : "";
  const now = currentYear();
  const year = /^\d{4}$/.test(raw) && Number(raw) >= MIN_YEAR && Number(raw) <= now ? Number(raw) : now;
  const rows = await publicRanking(year);
  const years = Array.from({ length: now - MIN_YEAR + 1 }, (_, i) => now - i);
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        title={t("public.title")}
        description={t("public.description")}
        actions={<YearForm action={partnershipIndexRoutes.publicRanking()} years={years} value={String(year)} />}
      />
      {rows.length === 0 ? (
        <EmptyState title={t("public.empty")} />
      ) : (
        <RankingTable rows={rows} f={f} caption={t("public.caption", { year })} detailed={false} />
      )}
      <Card title={t("public.gradesTitle")}>
        <p className="text-sm text-muted">{t("public.gradesText")}</p>
      </Card>
    </Container>
  );
}
