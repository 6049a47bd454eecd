// /pembiayaan — a partner bank's inbox (only requests addressed to it, with what each shares), or a supplier's
// (an UMKM's or a cooperative's) own financing requests across its agreements. Cards on phones, a table from sm:.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, Container, EmptyState, PageHeader } from "@/components/ui";
import { BankRequestList, SupplierRequestList } from "@/components/financing/request-list";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { financingPageView } from "@/lib/financing/access";
import { listBankRequests, listSupplierRequests } from "@/lib/financing/queries";
import { financingRoutes } from "@/lib/financing/routes";
import { ProgrammesLink } from "@/components/financing/programmes-link";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("financing");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function FinancingPage() {
  await requireSignedIn(financingRoutes.list()); // visitors sign in before anything renders
  return (
    <>
      <ProgrammesLink />
      <FinancingRequests />
    </>
  );
}

async function FinancingRequests() {
  const actor = await requireSignedIn(financingRoutes.list());
  const t = await getTranslations("financing");
  const view = financingPageView(actor);
  if (view === "bank") {
    const page = await listBankRequests(actor, { limit: 100 });
    return (
      <Container className="flex flex-col gap-6 py-8">
        <PageHeader title={t("title")} description={t("description")} />
        <Alert tone="info">{t("noMoney")}</Alert>
        {page.data.length === 0 ? (
          <EmptyState title={t("list.empty")} description={t("list.emptyBody")} />
        ) : (
          <BankRequestList rows={page.data} />
        )}
      </Container>
    );
  }
  if (view === "supplier") {
    const page = await listSupplierRequests(actor, { limit: 100 });
    return (
      <Container className="flex flex-col gap-6 py-8">
        <PageHeader title={t("title")} description={t("descriptionUmkm")} />
        <Alert tone="info">{t("noMoney")}</Alert>
        {page.data.length === 0 ? (
          <EmptyState title={t("list.empty")} description={t("party.lead")} />
        ) : (
          <SupplierRequestList rows={page.data} />
        )}
      </Container>
    );
  }
  return (
    <Container className="py-8">
      <PageHeader title={t("title")} />
      <Alert tone="info">{t("notAllowed")}</Alert>
    </Container>
  );
}
