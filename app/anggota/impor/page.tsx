// /anggota/impor — bulk onboarding of member UMKM from a CSV (docs/decisions/0008-cooperative-bulk-import.md).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, Container, PageHeader } from "@/components/ui";
import { ImportForm } from "@/components/cooperatives/import-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { canManageMembers } from "@/lib/cooperatives/access";
import { cooperativeRoutes } from "@/lib/cooperatives/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cooperatives.importPage");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function ImportPage() {
  await requirePageActor(cooperativeRoutes.import(), canManageMembers);
  const t = await getTranslations("cooperatives.importPage");
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <h2 className="mb-2 font-semibold">{t("rulesTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            {t("ruleTemplate")}{" "}
            <a href={cooperativeRoutes.importTemplate()} className="font-medium text-brand-700 underline">
              {t("downloadTemplate")}
            </a>
          </li>
          <li>{t("ruleLimits")}</li>
          <li>{t("ruleCommit")}</li>
          <li>{t("ruleUpsert")}</li>
          <li>{t("ruleOwned")}</li>
          <li>{t("ruleInvite")}</li>
        </ul>
      </Card>
      <ImportForm />
    </Container>
  );
}
