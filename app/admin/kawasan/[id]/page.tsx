// /admin/kawasan/[id] — a platform admin edits or removes a site of the reference list (issue 12); 404 for
// everyone else and for an unknown site.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeleteSiteForm, SiteForm } from "@/components/sites/site-admin-forms";
import { ButtonLink, Card, Container, PageHeader } from "@/components/ui";
import { isPlatformAdmin } from "@/lib/auth/access";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { enumLabelKey, SITE_KINDS } from "@/lib/enums";
import { siteRoutes } from "@/lib/sites/routes";
import { getSiteForAdmin, listRegencyOptions } from "@/lib/sites/service";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  await requirePageActor(siteRoutes.adminEdit(id), isPlatformAdmin);
  const t = await getTranslations("sites.admin");
  return { title: `${t("editTitle")} — Rantai`, robots: { index: false } };
}

export default async function AdminEditSitePage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(siteRoutes.adminEdit(id), isPlatformAdmin);
  const site = await orNotFound(getSiteForAdmin(actor, id));
  const t = await getTranslations("sites.admin");
  const tk = await getTranslations();
  const options = {
    kinds: SITE_KINDS.map((k) => ({ value: k, label: tk(enumLabelKey("SiteKind", k)) })),
    provinces: await listRegencyOptions(),
  };
  const str = (v: string | number | null) => (v === null ? "" : String(v));
  return (
    <Container className="py-8">
      <PageHeader
        eyebrow={actor.membership?.organizationName}
        title={site.name}
        description={t("editTitle")}
        actions={
          <ButtonLink href={siteRoutes.detail(site.id)} variant="ghost">
            {t("view")}
          </ButtonLink>
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <SiteForm
            options={options}
            values={{
              id: site.id,
              name: site.name,
              kind: site.kind,
              regencyCode: site.regencyCode,
              lat: str(site.lat),
              lon: str(site.lon),
              operator: str(site.operator),
              website: str(site.website),
              source: str(site.source),
            }}
          />
        </Card>
        <Card title={t("deleteTitle")}>
          <DeleteSiteForm id={site.id} />
        </Card>
      </div>
    </Container>
  );
}
