// /kawasan/[id] — one industrial estate, UMKM centre or sentra (issue 12): what it is and where, who runs it,
// the public source, its point when a source gives one (plain coordinates and an OpenStreetMap link, no map
// library), its verified UMKM (the directory's cards) and buyers, and how many partnerships run between them
// under the disclosure rule (lib/sites/estate.ts).
import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Badge, ButtonLink, Card, Container, EmptyState, PageHeader, Stat, StatGrid } from "@/components/ui";
import { SupplierCard } from "@/components/directory/supplier-card";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/page-guard";
import { enumLabelKey } from "@/lib/enums";
import { formattersFor } from "@/lib/i18n/format";
import { getEstate } from "@/lib/sites/estate";
import { publicEstate } from "@/lib/cache/public-pages";
import { siteRoutes } from "@/lib/sites/routes";
import { getSite } from "@/lib/sites/service";
import { supplierRoutes } from "@/lib/suppliers/routes";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const site = await orNotFound(getSite(id));
  return { title: `${site.name} — Rantai` };
}

const osm = (lat: number, lon: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=14/${lat}/${lon}`;

export default async function SitePage({ params }: Props) {
  const { id } = await params;
  const actor = await getActor();
  // a visitor who is not signed in sees the public page, cached; a signed-in viewer's is computed per request
  const estate = await orNotFound(actor ? getEstate(actor, id) : publicEstate(id));
  const { site, partnerships: p } = estate;
  const t = await getTranslations("sites.detail");
  const tl = await getTranslations("sites.list");
  const tk = await getTranslations();
  const f = formattersFor(await getLocale(), await getTimeZone());
  const external = (href: string, label: string) => (
    <a href={href} rel="noopener noreferrer" className="font-medium break-all text-brand-800 underline underline-offset-2">
      {label}
    </a>
  );

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        eyebrow={<Badge tone="neutral">{tk(enumLabelKey("SiteKind", site.kind))}</Badge>}
        title={site.name}
        description={`${site.regencyName}, ${site.provinceName}`}
        actions={
          <ButtonLink href={siteRoutes.list()} variant="ghost">
            {tl("title")}
          </ButtonLink>
        }
      />

      <Card>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-muted">{t("location")}</dt>
            <dd className="font-medium text-ink">
              {site.regencyName}, {site.provinceName}
            </dd>
          </div>
          <div>
            <dt className="text-muted">{t("operator")}</dt>
            <dd className="font-medium text-ink">{site.operator ?? t("notSet")}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("website")}</dt>
            <dd>{site.website ? external(site.website, site.website) : t("notSet")}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("source")}</dt>
            <dd>{site.source ? external(site.source, new URL(site.source).host) : t("notSet")}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-muted">{t("point")}</dt>
            <dd className="text-ink">
              {site.point ? (
                <>
                  <span className="font-mono">
                    {f.number(site.point.lat)}, {f.number(site.point.lon)}
                  </span>{" "}
                  · {external(osm(site.point.lat, site.point.lon), t("openMap"))}
                </>
              ) : (
                t("pointUnknown")
              )}
            </dd>
          </div>
        </dl>
      </Card>

      <Card title={t("partnershipsTitle")} description={t("partnershipsNote")}>
        {p.suppressed ? (
          <Alert tone="info">{t("suppressed", { threshold: estate.threshold })}</Alert>
        ) : (
          <StatGrid>
            <Stat label={t("agreements")} value={f.number(p.agreements ?? 0)} emphasis />
            <Stat label={t("umkmInvolved")} value={f.number(p.umkm ?? 0)} />
            <Stat label={t("value")} value={f.rupiah(p.valueIdr ?? 0n)} />
          </StatGrid>
        )}
      </Card>

      <section aria-labelledby="umkm" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="umkm" className="text-xl font-bold text-ink">
            {t("umkmTitle")}
          </h2>
          <p className="text-sm text-muted">{t("umkmCount", { count: estate.umkm.count })}</p>
        </div>
        {estate.umkm.shown.length === 0 ? (
          <EmptyState title={t("umkmEmpty")} />
        ) : (
          <>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {estate.umkm.shown.map((s) => (
                <li key={s.id}>
                  <SupplierCard supplier={s} />
                </li>
              ))}
            </ul>
            <p>
              <ButtonLink href={supplierRoutes.directory({ kawasan: site.id, verified: "true" })} variant="outline">
                {t("umkmAll")}
              </ButtonLink>
            </p>
          </>
        )}
      </section>

      <Card title={t("buyersTitle")}>
        {estate.buyers.length === 0 ? (
          <p className="text-sm text-muted">{t("buyersEmpty")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {estate.buyers.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center gap-2 py-2">
                <span className="font-medium text-ink">{b.name}</span>
                {b.isStateOwned && <Badge tone="info">{t("stateOwned")}</Badge>}
                {b.industry && <span className="text-sm text-muted">{b.industry}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Container>
  );
}
