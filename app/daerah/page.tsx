// /daerah — a region's dashboard (issue 12, docs/decisions/0023-regional-governments.md): a regional government
// sees its own region (a province government also each of its regencies through ?wilayah=); ministry staff and
// platform admins choose any region with ?wilayah=. Everyone else: 404. An unverified government: "menunggu
// verifikasi" and no figures.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, Button, ButtonLink, Card, Container, PageHeader, Select } from "@/components/ui";
import { RegionDashboardView } from "@/components/regions/region-dashboard";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { listProvinces } from "@/lib/reference/service";
import { canOpenRegionDashboard } from "@/lib/regions/access";
import { regionRoutes } from "@/lib/regions/routes";
import { regionQuerySchema } from "@/lib/regions/schemas";
import { regionPage } from "@/lib/regions/service";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("regions");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function RegionPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const parsed = regionQuerySchema.safeParse({ wilayah: sp.wilayah });
  const wilayah = parsed.success ? parsed.data.wilayah : undefined;
  const actor = await requirePageActor(regionRoutes.dashboard(wilayah ? { wilayah } : undefined), canOpenRegionDashboard);
  if (!parsed.success) notFound();
  const t = await getTranslations("regions");
  const { view, dashboard, followUp } = await orNotFound(regionPage(actor, wilayah));
  const ownRegion = view.government?.region ?? null;

  if (view.pending) {
    return (
      <Container className="flex flex-col gap-6 py-8">
        <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} />
        <Alert tone="info" title={t("pending.title")}>
          {t("pending.body", { region: ownRegion?.name ?? "—" })}
        </Alert>
      </Container>
    );
  }

  if (!view.region || !dashboard) {
    // Ministry staff and platform admins: choose a province (its page links each regency).
    const provinces = await listProvinces("name");
    return (
      <Container className="flex flex-col gap-6 py-8">
        <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} description={t("chooseDescription")} />
        <Card>
          <form method="get" action={regionRoutes.dashboard()} className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Select
              name="wilayah"
              label={t("chooseProvince")}
              placeholder={t("chooseProvincePlaceholder")}
              required
              options={provinces.map((p) => ({ value: p.code, label: p.name }))}
              className="sm:flex-1"
            />
            <Button type="submit">{t("show")}</Button>
          </form>
        </Card>
      </Container>
    );
  }

  const region = view.region;
  const isGovernment = view.viewer === "government";
  const keep = wilayah && !(isGovernment && ownRegion?.code === wilayah) ? wilayah : undefined;
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        eyebrow={actor.membership?.organizationName}
        title={
          region.kind === "province"
            ? t("titleProvince", { name: region.name })
            : t("titleRegency", { name: region.name, province: region.provinceName })
        }
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            {region.kind === "regency" && (!isGovernment || view.government?.scope.provinceCode) && (
              <ButtonLink
                href={regionRoutes.dashboard(isGovernment ? undefined : { wilayah: region.provinceCode })}
                size="sm"
                variant="ghost"
              >
                {t("backToProvince", { name: region.provinceName })}
              </ButtonLink>
            )}
            {isGovernment && (
              <ButtonLink href={regionRoutes.flagshipProducts()} size="sm" variant="outline">
                {t("flagship.link")}
              </ButtonLink>
            )}
          </div>
        }
      />
      <RegionDashboardView dashboard={dashboard} followUp={followUp} wilayah={keep} />
    </Container>
  );
}
