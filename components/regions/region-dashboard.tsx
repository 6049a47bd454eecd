// The figures of one region (/daerah): headline numbers, UMKM by size class, verification, sector and valid
// certificates, partnerships by regency, and the follow-up list's counts and first rows. Server component; plain
// props from lib/regions (no zod here).
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Card, Stat, StatGrid, ResponsiveTable, Table } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { RegionDashboard } from "@/lib/regions/dashboard";
import type { FollowUpRow } from "@/lib/regions/follow-up";
import { regionRoutes } from "@/lib/regions/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

const KINDS = ["nib", "halal", "certificate"] as const;

export async function RegionDashboardView({
  dashboard,
  followUp,
  wilayah,
}: {
  dashboard: RegionDashboard;
  followUp: FollowUpRow[];
  /** The ?wilayah= to keep in links (ministry, admins, or a province government looking at one regency). */
  wilayah?: string;
}) {
  const t = await getTranslations("regions");
  const ts = await getTranslations("sizeClasses");
  const tv = await getTranslations("verification.status");
  const tc = await getTranslations("certifications");
  const locale = await getLocale();
  const f = formattersFor(locale, await getTimeZone());
  const n = (v: number) => f.number(v);
  const { umkm, partnerships } = dashboard;

  return (
    <div className="flex flex-col gap-6">
      <StatGrid>
        <Stat label={t("stats.umkm")} value={n(umkm.total)} hint={t("stats.verifiedHint", { count: umkm.byVerification.verified })} />
        <Stat
          label={t("stats.agreements")}
          value={n(partnerships.agreements)}
          hint={t("stats.agreementsHint", { active: partnerships.active, completed: partnerships.completed })}
        />
        <Stat label={t("stats.value")} value={f.rupiahCompact(partnerships.valueIdr)} />
        <Stat label={t("stats.partneringUmkm")} value={n(partnerships.umkm)} emphasis />
      </StatGrid>
      <p className="text-sm text-muted">{t("exactNote", { date: f.calendarDate(dashboard.asOf) })}</p>

      <div className="grid gap-6 lg:grid-cols-2">
        <Table caption={t("tables.sizeClass")} minWidthClassName="min-w-[18rem]">
          <thead>
            <tr>
              <th scope="col">{t("columns.sizeClass")}</th>
              <th scope="col" className="num">
                {t("columns.umkm")}
              </th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(umkm.bySizeClass) as (keyof typeof umkm.bySizeClass)[]).map((k) => (
              <tr key={k}>
                <th scope="row">{k === "unknown" ? t("sizeUnknown") : ts(k)}</th>
                <td className="num">{n(umkm.bySizeClass[k])}</td>
              </tr>
            ))}
          </tbody>
        </Table>
        <Table caption={t("tables.verification")} minWidthClassName="min-w-[18rem]">
          <thead>
            <tr>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col" className="num">
                {t("columns.umkm")}
              </th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(umkm.byVerification) as (keyof typeof umkm.byVerification)[]).map((k) => (
              <tr key={k}>
                <th scope="row">{tv(k)}</th>
                <td className="num">{n(umkm.byVerification[k])}</td>
              </tr>
            ))}
          </tbody>
        </Table>
        <Table caption={t("tables.certificates")} minWidthClassName="min-w-[18rem]">
          <thead>
            <tr>
              <th scope="col">{t("columns.certificate")}</th>
              <th scope="col" className="num">
                {t("columns.umkmHolding")}
              </th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(umkm.certificates) as (keyof typeof umkm.certificates)[]).map((k) => (
              <tr key={k}>
                <th scope="row">{tc(k)}</th>
                <td className="num">{n(umkm.certificates[k])}</td>
              </tr>
            ))}
          </tbody>
        </Table>
        <Table caption={t("tables.sector")} minWidthClassName="min-w-[18rem]">
          <thead>
            <tr>
              <th scope="col">{t("columns.sector")}</th>
              <th scope="col" className="num">
                {t("columns.umkm")}
              </th>
            </tr>
          </thead>
          <tbody>
            {umkm.bySector.length === 0 && (
              <tr>
                <td colSpan={2}>{t("none")}</td>
              </tr>
            )}
            {umkm.bySector.map((s) => (
              <tr key={s.section}>
                <th scope="row">
                  {s.section === "-" ? t("noSector") : `${s.section} · ${locale === "en" && s.titleEn ? s.titleEn : s.title}`}
                </th>
                <td className="num">{n(s.count)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      <ResponsiveTable caption={t("tables.regencies")} captionHidden={false} minWidthClassName="sm:min-w-[40rem]">
        <thead>
          <tr>
            <th scope="col">{t("columns.regency")}</th>
            <th scope="col" className="num">
              {t("columns.umkm")}
            </th>
            <th scope="col" className="num">
              {t("columns.verifiedUmkm")}
            </th>
            <th scope="col" className="num">
              {t("columns.agreements")}
            </th>
            <th scope="col" className="num">
              {t("columns.value")}
            </th>
            <th scope="col" className="num">
              {t("columns.partneringUmkm")}
            </th>
          </tr>
        </thead>
        <tbody>
          {dashboard.regencies.map((r) => (
            <tr key={r.code}>
              <th scope="row">
                {dashboard.region.kind === "province" ? (
                  <Link className="text-brand-800 underline" href={regionRoutes.dashboard({ wilayah: r.code })}>
                    {r.name}
                  </Link>
                ) : (
                  r.name
                )}
              </th>
              <td data-label={t("columns.umkm")} className="num">
                {n(r.umkm)}
              </td>
              <td data-label={t("columns.verifiedUmkm")} className="num">
                {n(r.verifiedUmkm)}
              </td>
              <td data-label={t("columns.agreements")} className="num">
                {n(r.agreements)}
              </td>
              <td data-label={t("columns.value")} className="num">
                {f.rupiah(r.valueIdr)}
              </td>
              <td data-label={t("columns.partneringUmkm")} className="num">
                {n(r.partneringUmkm)}
              </td>
            </tr>
          ))}
        </tbody>
      </ResponsiveTable>

      <Card
        title={t("followUp.title")}
        description={t("followUp.description")}
        actions={
          // A plain link: a file download, not a page navigation.
          <a
            href={regionRoutes.followUpCsv(wilayah ? { wilayah } : undefined)}
            download
            className="inline-flex min-h-11 items-center rounded-lg border border-brand-700 px-3 text-sm font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t("followUp.download")}
          </a>
        }
      >
        <ul className="mb-4 grid gap-2 sm:grid-cols-3">
          {KINDS.map((k) => (
            <li key={k} className="rounded-lg border border-line p-3" data-testid={`follow-up-${k}`}>
              <p className="text-sm font-medium text-muted">{t(`followUp.kinds.${k}`)}</p>
              <p className="text-2xl font-bold text-brand-800 tabular-nums">{n(dashboard.followUp[k])}</p>
              <a
                className="text-sm text-brand-800 underline"
                download
                href={regionRoutes.followUpCsv({ ...(wilayah ? { wilayah } : {}), jenis: k })}
              >
                {t("followUp.downloadKind")}
              </a>
            </li>
          ))}
        </ul>
        {followUp.length === 0 ? (
          <p className="text-sm text-muted">{t("followUp.empty")}</p>
        ) : (
          <ResponsiveTable caption={t("followUp.firstRows")} captionHidden={false} minWidthClassName="sm:min-w-[40rem]">
            <thead>
              <tr>
                <th scope="col">{t("followUp.csv.kind")}</th>
                <th scope="col">{t("followUp.csv.name")}</th>
                <th scope="col">{t("followUp.csv.regency")}</th>
                <th scope="col">{t("followUp.csv.sizeClass")}</th>
                <th scope="col">{t("followUp.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {followUp.map((r) => (
                <tr key={`${r.kind}-${r.organizationId}-${r.certificateNumber ?? ""}`}>
                  <td data-label={t("followUp.csv.kind")}>{t(`followUp.kinds.${r.kind}`)}</td>
                  {/* on a phone the organization is the card's title, above its kind */}
                  <th scope="row" className="max-sm:order-first">
                    <Link className="text-brand-800 underline" href={supplierRoutes.profile(r.organizationId)}>
                      {r.name}
                    </Link>
                  </th>
                  <td data-label={t("followUp.csv.regency")}>{r.regencyName}</td>
                  <td data-label={t("followUp.csv.sizeClass")}>
                    {r.sizeClass ? ts(r.sizeClass as "mikro" | "kecil" | "menengah" | "besar") : t("sizeUnknown")}
                  </td>
                  <td data-label={t("followUp.detail")}>
                    {r.kind === "certificate" && r.certificateType
                      ? t(r.daysLeft !== null && r.daysLeft < 0 ? "followUp.expired" : "followUp.expiring", {
                          type: tc(r.certificateType as "halal"),
                          date: r.validUntil ? f.calendarDate(r.validUntil) : "",
                          days: Math.abs(r.daysLeft ?? 0),
                        })
                      : r.kind === "nib"
                        ? tv(r.profileStatus as "pending")
                        : t("followUp.noHalal")}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
      </Card>
    </div>
  );
}
