// /admin/kawasan/baru — a platform admin adds a site to the reference list with its public source (issue 12);
// 404 for everyone else.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteForm } from "@/components/sites/site-admin-forms";
import { Card, Container, PageHeader } from "@/components/ui";
import { isPlatformAdmin } from "@/lib/auth/access";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listRegencyOptions } from "@/lib/sites/service";
import { enumLabelKey, SITE_KINDS } from "@/lib/enums";
import { siteRoutes } from "@/lib/sites/routes";

export async function generateMetadata(): Promise<Metadata> {
  await requirePageActor(siteRoutes.adminNew(), isPlatformAdmin);
  const t = await getTranslations("sites.admin");
  return { title: `${t("newTitle")} — Rantai`, robots: { index: false } };
}

export default async function AdminNewSitePage() {
  const actor = await requirePageActor(siteRoutes.adminNew(), isPlatformAdmin);
  const t = await getTranslations("sites.admin");
  const tk = await getTranslations();
  const options = {
    kinds: SITE_KINDS.map((k) => ({ value: k, label: tk(enumLabelKey("SiteKind", k)) })),
    provinces: await listRegencyOptions(),
  };
  return (
    <Container className="py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("newTitle")} description={t("newDescription")} />
      <Card>
        <SiteForm
          options={options}
          values={{ name: "", kind: "industrial_estate", regencyCode: "", lat: "", lon: "", operator: "", website: "", source: "" }}
        />
      </Card>
    </Container>
  );
}
