// /admin/organisasi/baru — a platform admin creates an organization of any type (banks and ministry offices
// cannot sign up) and invites its first owner by e-mail; 404 for everyone else (issue 16 item 4).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateOrganizationForm } from "@/components/admin/admin-forms";
import { Card, Container, PageHeader } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isPlatformAdmin } from "@/lib/auth/access";
import { organizationRoutes } from "@/lib/organizations/routes";

export async function generateMetadata(): Promise<Metadata> {
  await requirePageActor(organizationRoutes.adminNewOrganization(), isPlatformAdmin);
  const t = await getTranslations("admin.organizations.new");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function AdminNewOrganizationPage() {
  const actor = await requirePageActor(organizationRoutes.adminNewOrganization(), isPlatformAdmin);
  const t = await getTranslations("admin.organizations.new");
  return (
    <Container className="py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} description={t("description")} />
      <Card>
        <CreateOrganizationForm />
      </Card>
    </Container>
  );
}
