// /kawasan — the public list of industrial estates, UMKM centres and sentra (issue 12): search by name or
// operator, filter by kind and province; each links to its page (/kawasan/[id]).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, Container, EmptyState, Input, PageHeader, Select, SubmitButton, ResponsiveTable } from "@/components/ui";
import { enumLabelKey, SITE_KINDS } from "@/lib/enums";
import { siteRoutes } from "@/lib/sites/routes";
import { siteListQuerySchema } from "@/lib/sites/schemas";
import { provincesByName, siteList } from "@/lib/cache/public-pages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sites.list");
  return { title: `${t("title")} — Rantai`, description: t("description") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SitesPage({ searchParams }: { searchParams: Search }) {
  const t = await getTranslations("sites.list");
  const tk = await getTranslations();
  const sp = await searchParams;
  // The page's own words: ?jenis= (kind) and ?provinsi= (siteRoutes.list); the API's names work too.
  const parsed = siteListQuerySchema.safeParse({ q: sp.q, kind: sp.jenis ?? sp.kind, province: sp.provinsi ?? sp.province });
  const query = parsed.success ? parsed.data : {};
  const [sites, provinces] = await Promise.all([siteList(query), provincesByName()]);
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" action={siteRoutes.list()} role="search" className="grid gap-3 sm:grid-cols-4 sm:items-end">
        <Input label={t("search")} name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} />
        <Select
          label={t("kind")}
          name="jenis"
          defaultValue={query.kind ?? ""}
          options={[{ value: "", label: t("anyKind") }, ...SITE_KINDS.map((k) => ({ value: k, label: tk(enumLabelKey("SiteKind", k)) }))]}
        />
        <Select
          label={t("province")}
          name="provinsi"
          defaultValue={query.province ?? ""}
          options={[{ value: "", label: t("anyProvince") }, ...provinces.map((p) => ({ value: p.code, label: p.name }))]}
        />
        <SubmitButton>{t("filter")}</SubmitButton>
      </form>
      <p role="status" className="text-sm text-muted">
        {t("count", { count: sites.length })}
      </p>
      {sites.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <ResponsiveTable caption={t("title")} minWidthClassName="sm:min-w-[36rem]">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("location")}</th>
              <th scope="col">{t("operator")}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link className="font-medium text-brand-800 underline underline-offset-2" href={siteRoutes.detail(s.id)}>
                    {s.name}
                  </Link>
                </th>
                <td data-label={t("kind")}>
                  <Badge tone="neutral">{tk(enumLabelKey("SiteKind", s.kind))}</Badge>
                </td>
                <td data-label={t("location")}>
                  {s.regencyName}, {s.provinceName}
                </td>
                <td data-label={t("operator")}>{s.operator ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
      <p className="text-sm text-muted">{t("sources")}</p>
    </Container>
  );
}
