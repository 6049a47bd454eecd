// /admin/kawasan — platform admins maintain the reference list of industrial estates, UMKM centres and sentra
// (issue 12): the list with how many organizations are on each, and a link to add one; 404 for everyone else.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Container, EmptyState, PageHeader, ResponsiveTable } from "@/components/ui";
import { isPlatformAdmin } from "@/lib/auth/access";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { enumLabelKey } from "@/lib/enums";
import { siteRoutes } from "@/lib/sites/routes";
import { listSitesForAdmin } from "@/lib/sites/service";

export async function generateMetadata(): Promise<Metadata> {
  await requirePageActor(siteRoutes.admin(), isPlatformAdmin);
  const t = await getTranslations("sites.admin");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function AdminSitesPage() {
  const actor = await requirePageActor(siteRoutes.admin(), isPlatformAdmin);
  const t = await getTranslations("sites.admin");
  const tk = await getTranslations();
  const sites = await orNotFound(listSitesForAdmin(actor));
  return (
    <Container className="py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} description={t("description")} />
      <div className="mb-4">
        <ButtonLink href={siteRoutes.adminNew()}>{t("create")}</ButtonLink>
      </div>
      {sites.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ResponsiveTable caption={t("title")} minWidthClassName="sm:min-w-[36rem]">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("location")}</th>
              <th scope="col" className="num">
                {t("organizations")}
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link className="font-medium underline" href={siteRoutes.adminEdit(s.id)}>
                    {s.name}
                  </Link>
                  {s.operator && <div className="text-xs text-muted">{s.operator}</div>}
                </th>
                <td data-label={t("kind")}>
                  <Badge tone="neutral">{tk(enumLabelKey("SiteKind", s.kind))}</Badge>
                </td>
                <td data-label={t("location")}>
                  {s.regencyName}, {s.provinceName}
                </td>
                <td data-label={t("organizations")} className="num">
                  {s.organizations}
                </td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
    </Container>
  );
}
