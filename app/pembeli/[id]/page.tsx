// /pembeli/[id] — a buyer's public page: name, BUMN or private, industry, province and its published Indeks
// Kemitraan grade (lib/partnership-index/buyer-page.ts). 404 for anything but a verified, not suspended buyer.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader, Stat, StatGrid } from "@/components/ui";
import { ComponentsTable } from "@/components/partnership-index/components-table";
import { GradeBadge } from "@/components/partnership-index/grade-badge";
import { orNotFound } from "@/lib/auth/page-guard";
import { formattersFor } from "@/lib/i18n/format";
import { getPublicBuyerPage } from "@/lib/partnership-index/buyer-page";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { scoreIndex } from "@/lib/partnership-index/score";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const page = await orNotFound(getPublicBuyerPage(id));
  return { title: `${page.name} — Rantai` };
}

export default async function BuyerPublicPage({ params }: { params: Params }) {
  const { id } = await params;
  const page = await orNotFound(getPublicBuyerPage(id));
  const t = await getTranslations("partnershipIndex");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const location = [page.regencyName, page.provinceName].filter(Boolean).join(", ");
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={page.name} eyebrow={page.isStateOwned ? t("common.bumn") : t("common.private")} />
      <dl className="grid gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-muted">{t("buyer.ownership")}</dt>
          <dd className="font-medium text-ink">{page.isStateOwned ? t("common.bumn") : t("common.private")}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{t("buyer.industry")}</dt>
          <dd className="font-medium text-ink">{[page.industry, page.industryKbli].filter(Boolean).join(" · ") || "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{t("buyer.province")}</dt>
          <dd className="font-medium text-ink">{location || "—"}</dd>
        </div>
      </dl>
      <Card title={t("buyer.indexTitle", { year: page.year })}>
        {!page.index ? (
          <p className="text-muted">{t("buyer.notPublished")}</p>
        ) : page.index.withheld ? (
          <Alert tone="info">{t("buyer.withheld")}</Alert>
        ) : (
          <div className="flex flex-col gap-4">
            <StatGrid>
              <Stat label={t("common.grade")} value={<GradeBadge grade={page.index.grade} />} emphasis />
              <Stat
                label={t("common.score")}
                value={page.index.score === null ? "—" : f.number(page.index.score, { maximumFractionDigits: 1 })}
                hint={t("common.outOf100")}
              />
              <Stat label={t("common.partners")} value={f.number(page.index.components.partners)} />
            </StatGrid>
            <ComponentsTable scored={scoreIndex(page.index.counts)} f={f} caption={t("own.components")} />
          </div>
        )}
        <p className="mt-3 text-sm">
          <Link className="text-brand-800 underline" href={partnershipIndexRoutes.publicRanking()}>
            {t("buyer.ranking")}
          </Link>
        </p>
      </Card>
    </Container>
  );
}
