// /anggota/impor — bulk onboarding of member UMKM from a CSV (docs/decisions/0008-cooperative-bulk-import.md).
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, Container, PageHeader } from "@/components/ui";
import { ImportForm } from "@/components/cooperatives/import-form";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cooperatives.importPage");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function ImportPage() {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent("/anggota/impor")}`);
  if (actor.membership?.organizationType !== "cooperative" || !can(actor.membership, "cooperative:members:manage")) notFound();
  const t = await getTranslations("cooperatives.importPage");
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <h2 className="mb-2 font-semibold">{t("rulesTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>{t("ruleTemplate")} <a href="/anggota/templat.csv" className="font-medium text-brand-700 underline">{t("downloadTemplate")}</a></li>
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
