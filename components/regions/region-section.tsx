// The regional government's block on /dasbor: its region, a few headline figures, and the way to /daerah.
// Server component; plain props from lib/regions.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { ButtonLink, Card, Stat, StatGrid } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { RegionDashboard } from "@/lib/regions/dashboard";
import type { RegionView } from "@/lib/regions/scope";
import { regionRoutes } from "@/lib/regions/routes";

export async function RegionSection({ data }: { data: { view: RegionView; dashboard: RegionDashboard | null } }) {
  const t = await getTranslations("regions");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const region = data.view.government?.region ?? data.view.region;
  const d = data.dashboard;
  return (
    <Card
      title={t("dashboardCard.title")}
      description={region ? t("dashboardCard.description", { region: region.name }) : undefined}
      actions={
        <ButtonLink href={regionRoutes.dashboard()} size="sm">
          {t("dashboardCard.open")}
        </ButtonLink>
      }
    >
      {!d ? (
        <p className="text-sm text-muted">{t("dashboardCard.pending")}</p>
      ) : (
        <StatGrid>
          <Stat
            label={t("stats.umkm")}
            value={f.number(d.umkm.total)}
            hint={t("stats.verifiedHint", { count: d.umkm.byVerification.verified })}
          />
          <Stat label={t("stats.agreements")} value={f.number(d.partnerships.agreements)} />
          <Stat label={t("stats.value")} value={f.rupiahCompact(d.partnerships.valueIdr)} />
          <Stat label={t("dashboardCard.followUp")} value={f.number(d.followUp.nib + d.followUp.halal + d.followUp.certificate)} emphasis />
        </StatGrid>
      )}
    </Card>
  );
}
