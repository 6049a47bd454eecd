// The ministry's overview: active and completed partnerships by PP 7/2021 scheme and by the UMKM's
// province, and how many UMKM moved up a size class. Aggregates only; the drill-down lives on /statistik.
import { LIVE_ROUTES } from "@/components/shell/nav";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { ButtonLink, Card, EmptyState, Stat, StatGrid, ResponsiveTable } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { getMinistryOverview } from "@/lib/stats/ministry-overview";
import { statsRoutes } from "@/lib/stats/routes";

type MinistryOverview = Awaited<ReturnType<typeof getMinistryOverview>>;

export async function MinistrySection({ data }: { data: MinistryOverview }) {
  const t = await getTranslations("dashboard.ministry");
  const tScheme = await getTranslations("schemes");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const totalCount = data.byScheme.reduce((n, s) => n + s.count, 0);
  const totalValue = data.byScheme.reduce((n, s) => n + s.valueIdr, BigInt(0));
  const byScheme = [...data.byScheme].sort((a, b) => b.count - a.count);

  return (
    <div className="flex flex-col gap-6">
      <StatGrid>
        {/* Money and the long-hint figure take the full width on phones. */}
        <Stat
          label={t("stats.value")}
          value={f.rupiahCompact(totalValue)}
          hint={f.rupiah(totalValue)}
          className="col-span-2 lg:col-span-1"
        />
        <Stat label={t("stats.agreements")} value={f.number(totalCount)} hint={t("stats.agreementsHint")} />
        <Stat label={t("stats.movedUp")} value={f.number(data.movedUpCount)} hint={t("stats.movedUpHint")} emphasis />
        <Stat
          label={t("stats.provinces")}
          value={f.number(data.byProvince.length)}
          hint={t("stats.provincesHint")}
          className="col-span-2 lg:col-span-1"
        />
      </StatGrid>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("byScheme.title")} description={t("byScheme.description")} flush className="min-w-0 overflow-hidden">
          {byScheme.length === 0 ? (
            <div className="p-4">
              <EmptyState title={t("empty")} />
            </div>
          ) : (
            <ResponsiveTable
              caption={t("byScheme.title")}
              minWidthClassName="sm:min-w-[24rem]"
              className="max-sm:p-3 sm:rounded-none sm:border-0"
            >
              <thead>
                <tr>
                  <th scope="col">{t("byScheme.scheme")}</th>
                  <th scope="col" className="num">
                    {t("byScheme.count")}
                  </th>
                  <th scope="col" className="num">
                    {t("byScheme.value")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {byScheme.map((s) => (
                  <tr key={s.scheme}>
                    <th scope="row" className="text-ink">
                      {tScheme(`${s.scheme}.name`)}
                    </th>
                    <td data-label={t("byScheme.count")} className="num">
                      {f.number(s.count)}
                    </td>
                    <td data-label={t("byScheme.value")} className="num whitespace-nowrap">
                      <span title={f.rupiah(s.valueIdr)}>{f.rupiahCompact(s.valueIdr)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ResponsiveTable>
          )}
        </Card>

        <Card title={t("byProvince.title")} description={t("byProvince.description")} flush className="min-w-0 overflow-hidden">
          {data.byProvince.length === 0 ? (
            <div className="p-4">
              <EmptyState title={t("empty")} />
            </div>
          ) : (
            <ResponsiveTable
              caption={t("byProvince.title")}
              minWidthClassName="sm:min-w-[28rem]"
              className="max-sm:p-3 sm:rounded-none sm:border-0"
            >
              <thead>
                <tr>
                  <th scope="col">{t("byProvince.province")}</th>
                  <th scope="col" className="num">
                    {t("byProvince.agreements")}
                  </th>
                  <th scope="col" className="num">
                    {t("byProvince.suppliers")}
                  </th>
                  <th scope="col" className="num">
                    {t("byProvince.value")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byProvince.map((p) => (
                  <tr key={p.code}>
                    <th scope="row" className="text-ink">
                      {p.name}
                    </th>
                    <td data-label={t("byProvince.agreements")} className="num">
                      {f.number(p.agreements)}
                    </td>
                    <td data-label={t("byProvince.suppliers")} className="num">
                      {f.number(p.suppliers)}
                    </td>
                    <td data-label={t("byProvince.value")} className="num whitespace-nowrap">
                      <span title={f.rupiah(p.valueIdr)}>{f.rupiahCompact(p.valueIdr)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ResponsiveTable>
          )}
        </Card>
      </div>

      {/* The full statistics page links in once it exists (the shell's LIVE_ROUTES): never a link to a 404. */}
      {LIVE_ROUTES.has(statsRoutes.statistics()) && (
        <Card title={t("statistics.title")}>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-muted">{t("statistics.body")}</p>
            <ButtonLink href={statsRoutes.statistics()} variant="secondary">
              {t("statistics.link")}
            </ButtonLink>
          </div>
        </Card>
      )}
    </div>
  );
}
