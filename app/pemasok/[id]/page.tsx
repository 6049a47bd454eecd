// /pemasok/[id] — a supplier's public page: profile, valid certificates, active products. The public part is
// cached for every viewer (lib/cache/public-pages.ts, at most 30 s old); a buyer's "invite to an RFQ" is not.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Card, Container, PageHeader } from "@/components/ui";
import { FlagshipBadges } from "@/components/regions/flagship-badges";
import { ProductSummary } from "@/components/products/product-summary";
import { formattersFor } from "@/lib/i18n/format";
import { siteRoutes } from "@/lib/sites/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { supplierPage } from "@/lib/cache/public-pages";
import { carriedDirectoryParams } from "@/lib/suppliers/search-query";
import { getActor } from "@/lib/auth/session";
import { getProfileInviteOptions } from "@/lib/matching/service";
import { ProfileInvite } from "@/components/matching/profile-invite";

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const page = await supplierPage(id);
  return { title: page ? `${page.profile.hit.name} — Rantai` : "Rantai" };
}

export default async function SupplierPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  // "Kembali ke pencarian" returns to the search the visitor came from (validated, rebuilt: /pemasok only).
  const backToSearch = supplierRoutes.directory(carriedDirectoryParams((await searchParams).cari));
  const page = await supplierPage(id);
  if (!page) notFound();
  const { profile, products, site } = page;
  const t = await getTranslations("directory");
  const tc = await getTranslations("certifications");
  const ts = await getTranslations("sizeClasses");
  const locale = await getLocale();
  const f = formattersFor(locale, await getTimeZone());
  const actor = await getActor();
  // the viewer's own part, per request
  const inviteOptions = await getProfileInviteOptions(actor, id);
  const tsite = await getTranslations("sites.supplier");
  const { hit } = profile;
  const region = hit.regency ? `${hit.regency.name}, ${hit.province?.name ?? ""}` : (hit.province?.name ?? t("noRegion"));

  return (
    <Container className="flex flex-col gap-6 py-8">
      <div>
        <ButtonLink href={backToSearch} variant="ghost" size="sm">
          ← {t("profile.backToSearch")}
        </ButtonLink>
      </div>
      <PageHeader
        title={hit.name}
        description={`${region} · ${hit.sizeClass ? ts(hit.sizeClass) : t("sizeUnknown")}`}
        actions={hit.verified ? <Badge tone="success">{t("verified")}</Badge> : undefined}
      />
      <FlagshipBadges flagships={hit.flagships} detailed />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("profile.about")} className="lg:col-span-2">
          <div className="flex flex-col gap-3">
            {profile.description && <p className="whitespace-pre-line text-ink">{profile.description}</p>}
            {site && (
              <p className="text-sm text-ink">
                {tsite("onSite")}{" "}
                <Link href={siteRoutes.detail(site.id)} className="font-medium text-brand-800 underline underline-offset-2">
                  {site.name}
                </Link>
              </p>
            )}
            <div>
              <h3 className="font-medium text-ink">{t("profile.kbli")}</h3>
              <ul className="mt-1 flex flex-col gap-1 text-sm">
                {profile.kbli.map((k) => (
                  <li key={k.code}>
                    <span className="font-mono">{k.code}</span> {locale === "en" && k.titleEn ? k.titleEn : k.titleId}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </Card>
        <Card title={t("profile.certificates")}>
          {profile.certificates.length === 0 ? (
            <p className="text-sm text-muted">{t("profile.noCertificates")}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {profile.certificates.map((c) => (
                <li key={c.id} className="flex flex-col">
                  <span className="font-medium text-ink">
                    {c.type === "other" && c.name ? c.name : tc(c.type)}
                    {c.tkdnPercent ? ` ${f.number(Number(c.tkdnPercent))}%` : ""}
                  </span>
                  <span className="text-muted">
                    {c.validUntil ? t("profile.validUntil", { date: f.calendarDate(c.validUntil) }) : t("profile.noEnd")}
                    {c.issuer ? ` · ${c.issuer}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <ProfileInvite supplierId={id} profilePath={supplierRoutes.profile(id)} signedIn={actor !== null} options={inviteOptions} />
      <section aria-labelledby="products-heading" className="flex flex-col gap-3">
        <h2 id="products-heading" className="text-xl font-semibold text-ink">
          {t("profile.products")}
        </h2>
        {products.data.length === 0 ? (
          <p className="text-muted">{t("profile.noProducts")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {products.data.map((p) => (
              <li key={p.id}>
                <Card>
                  <ProductSummary product={p} />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Container>
  );
}
