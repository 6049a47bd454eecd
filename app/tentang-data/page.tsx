// /tentang-data — sources and licences of the reference data (as the ODbL and MIT licences require), the
// counts actually loaded in the database, and how the landing page's live figures are defined.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table } from "@/components/ui/table";
import { formattersFor } from "@/lib/i18n/format";
import { SitesAbout } from "@/components/sites/sites-about";
import { allSites, referenceDataSummary } from "@/lib/cache/public-pages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("about");
  return { title: t("metaTitle") };
}

const LINKS = {
  idnAreaData: "https://github.com/fityannugroho/idn-area-data",
  odbl: "https://opendatacommons.org/licenses/odbl/1-0/",
  boundaries: "https://github.com/cahyadsn/wilayah_boundaries",
} as const;

function ExternalLink({ href, children, note }: { href: string; children: ReactNode; note: string }) {
  return (
    <a href={href} rel="noopener noreferrer" className="inline-block py-2.5 font-medium text-brand-700 underline hover:text-brand-900">
      {children}
      <svg aria-hidden="true" viewBox="0 0 20 20" className="ml-1 inline-block size-4 fill-current align-[-2px]">
        <path d="M11 3h6v6h-2V6.4l-6.3 6.3-1.4-1.4L13.6 5H11V3ZM5 5h4v2H5v8h8v-4h2v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Z" />
      </svg>
      <span className="sr-only">{note}</span>
    </a>
  );
}

export default async function AboutDataPage() {
  const [t, tc, locale, r, sites] = await Promise.all([
    getTranslations("about"),
    getTranslations("common"),
    getLocale(),
    referenceDataSummary(),
    allSites(),
  ]);
  const f = formattersFor(locale, await getTimeZone());
  const external = tc("externalLink");
  const levelKey = (level: number) => `counts.levels.level${level}` as const;

  return (
    <Container narrow className="py-10 sm:py-14">
      <PageHeader title={t("title")} description={t("lead")} />

      <div className="flex flex-col gap-8">
        <section aria-labelledby="jumlah">
          <h2 id="jumlah" className="text-xl font-bold text-ink">
            {t("counts.title")}
          </h2>
          <p className="mt-1 text-sm text-muted">{t("counts.subtitle")}</p>
          <StatGrid className="mt-4 lg:grid-cols-4">
            <Stat label={t("counts.provinces")} value={f.number(r.provinces)} />
            <Stat label={t("counts.regencies")} value={f.number(r.kabupaten)} />
            <Stat label={t("counts.cities")} value={f.number(r.kota)} />
            <Stat label={t("counts.kbli")} value={f.number(r.kbliTotal)} emphasis />
          </StatGrid>
          <Table caption={t("counts.kbli")} className="mt-4" minWidthClassName="min-w-[18rem]">
            <thead>
              <tr>
                <th scope="col">{t("counts.kbliLevel")}</th>
                <th scope="col" className="num">
                  {t("counts.kbliCount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.kbliByLevel.map((k) => (
                <tr key={k.level}>
                  <th scope="row">{k.level >= 1 && k.level <= 5 ? t(levelKey(k.level)) : f.number(k.level)}</th>
                  <td className="num">{f.number(k.count)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>

        <Card title={t("regions.title")}>
          <div className="flex flex-col gap-3 leading-relaxed">
            <p>{t("regions.body")}</p>
            <p className="rounded-lg border-l-4 border-accent-500 bg-accent-50 px-4 py-3 font-medium text-accent-900">
              {t("regions.license")}
            </p>
            <p className="text-muted">{t("regions.points")}</p>
            <p className="flex flex-wrap gap-x-6">
              <ExternalLink href={LINKS.idnAreaData} note={external}>
                {t("regions.sourceLink")}
              </ExternalLink>
              <ExternalLink href={LINKS.odbl} note={external}>
                {t("regions.licenseLink")}
              </ExternalLink>
            </p>
          </div>
        </Card>

        <Card title={t("kbli.title")}>
          <div className="flex flex-col gap-3 leading-relaxed">
            <p>{t("kbli.body")}</p>
            <p className="text-muted">{t("kbli.english")}</p>
            <p className="text-muted">{t("kbli.patches")}</p>
            <p className="text-muted">{t("kbli.version")}</p>
          </div>
        </Card>

        <Card title={t("boundaries.title")}>
          <div className="flex flex-col gap-3 leading-relaxed">
            <p>{t("boundaries.body")}</p>
            <p>
              <ExternalLink href={LINKS.boundaries} note={external}>
                {t("boundaries.sourceLink")}
              </ExternalLink>
            </p>
            <h3 id="lisensi-mit" className="mt-2 font-semibold text-ink">
              {t("boundaries.noticeTitle")}
            </h3>
            <p className="text-sm text-muted">{t("licenseTextNote")}</p>
            <pre
              lang="en"
              aria-labelledby="lisensi-mit"
              tabIndex={0}
              className="max-h-80 overflow-auto rounded-lg border border-line bg-paper p-4 font-mono text-xs leading-relaxed whitespace-pre-wrap text-ink"
            >
              {t("mitLicense")}
            </pre>
          </div>
        </Card>

        <SitesAbout sites={sites} />

        <Card title={t("figures.title")}>
          <p className="leading-relaxed">{t("figures.body")}</p>
        </Card>

        <section aria-labelledby="definisi" className="rounded-card border border-line bg-surface p-4 sm:p-5">
          <h2 id="definisi" className="text-lg font-semibold text-ink">
            {t("definitions.title")}
          </h2>
          <ul className="mt-3 flex list-disc flex-col gap-2 pl-5 leading-relaxed marker:text-accent-500">
            {(["verifiedUmkm", "provinces", "buyers", "openRfqs", "activeAgreements", "share"] as const).map((k) => (
              <li key={k}>{t(`definitions.${k}`)}</li>
            ))}
          </ul>
        </section>
      </div>
    </Container>
  );
}
