// /klaster — the public cluster list (issue 12): search by name or description, filter by KBLI section and
// province, 20 per page. Member counts follow the disclosure rule: verified active members, "fewer than 3" below 3.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Card, Container, EmptyState, PageHeader } from "@/components/ui";
import { getActor } from "@/lib/auth/session";
import { canManageClusters } from "@/lib/clusters/access";
import { clusterFilters, clusterList } from "@/lib/cache/public-pages";
import { isLocale } from "@/lib/i18n/config";
import { clusterRoutes } from "@/lib/clusters/routes";
import { clusterPageQuery } from "@/lib/clusters/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clusters.list");
  return { title: `${t("title")} — Rantai`, description: t("description") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ClusterListPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const query = clusterPageQuery.parse({ q: sp.q, sektor: sp.sektor, provinsi: sp.provinsi, page: sp.page });
  const [t, locale, actor] = await Promise.all([getTranslations("clusters.list"), getLocale(), getActor()]);
  const [result, options] = await Promise.all([
    clusterList({ q: query.q, kbliSection: query.sektor, province: query.provinsi, page: query.page }),
    clusterFilters(isLocale(locale) ? locale : "id"),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const href = (page: number) =>
    clusterRoutes.list({ q: query.q, sektor: query.sektor, provinsi: query.provinsi, page: page > 1 ? String(page) : undefined });
  const provinceName = new Map(options.provinces.map((p) => [p.code, p.name]));
  const selectClass = "rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm";

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          actor && canManageClusters(actor) ? (
            <ButtonLink href={clusterRoutes.create()} size="md">
              {t("create")}
            </ButtonLink>
          ) : undefined
        }
      />
      <form method="get" action={clusterRoutes.list()} role="search" className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium sm:min-w-64">
          {t("search")}
          <input name="q" defaultValue={query.q ?? ""} maxLength={100} className="rounded-lg border border-stone-300 px-3 py-2" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("sector")}
          <select name="sektor" defaultValue={query.sektor ?? ""} className={`${selectClass} max-w-72`}>
            <option value="">{t("all")}</option>
            {options.sections.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {s.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("province")}
          <select name="provinsi" defaultValue={query.provinsi ?? ""} className={selectClass}>
            <option value="">{t("all")}</option>
            {options.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t("filter")}
        </button>
      </form>
      <p className="text-sm text-stone-700" aria-live="polite">
        {t("total", { total: result.total })}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {result.items.map((c) => (
            <li key={c.id}>
              <Card
                as="article"
                headingLevel={2}
                title={
                  <Link href={clusterRoutes.detail(c.id)} className="hover:underline">
                    {c.name}
                  </Link>
                }
              >
                <div className="flex flex-col gap-2 text-sm">
                  {c.description && <p className="line-clamp-3 text-stone-700">{c.description}</p>}
                  <div className="flex flex-wrap gap-1">
                    {c.kbliSections.map((k) => (
                      <Badge key={k} tone="brand">
                        KBLI {k}
                      </Badge>
                    ))}
                    {c.provinceCodes.map((p) => (
                      <Badge key={p} tone="neutral">
                        {provinceName.get(p) ?? p}
                      </Badge>
                    ))}
                  </div>
                  <p>{c.memberCount === null ? t("fewMembers") : t("members", { count: c.memberCount })}</p>
                  <p>{t("anchors", { count: c.anchorCount })}</p>
                  <p className="text-stone-600">{t("managedBy", { name: c.manager.name })}</p>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t("pageOf", { page: result.page, pages })} className="flex items-center gap-4 text-sm">
          {result.page > 1 && (
            <Link href={href(result.page - 1)} className="font-medium text-brand-700 underline">
              {t("previous")}
            </Link>
          )}
          <span>{t("pageOf", { page: result.page, pages })}</span>
          {result.page < pages && (
            <Link href={href(result.page + 1)} className="font-medium text-brand-700 underline">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </Container>
  );
}
