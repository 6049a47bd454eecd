// /pembiayaan — a partner bank's inbox (only requests addressed to it, with what each shares), or an UMKM's
// own financing requests across its agreements.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Badge, Container, EmptyState, PageHeader, Table, type BadgeTone } from "@/components/ui";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { formattersFor } from "@/lib/i18n/format";
import { agreementRoutes } from "@/lib/agreements/routes";
import { financingPageView } from "@/lib/financing/access";
import { listBankRequests, listSupplierRequests } from "@/lib/financing/queries";
import { financingRoutes } from "@/lib/financing/routes";
import { ProgrammesLink } from "@/components/financing/programmes-link";

export const dynamic = "force-dynamic";

const TONE: Record<string, BadgeTone> = { submitted: "info", approved: "success", declined: "danger", withdrawn: "neutral" };

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
  const f = formattersFor(await getLocale(), await getTimeZone());
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
          <Table caption={t("list.caption")} captionHidden minWidthClassName="min-w-[44rem]">
            <thead>
              <tr>
                <th scope="col">{t("list.agreement")}</th>
                <th scope="col">{t("list.supplier")}</th>
                <th scope="col">{t("list.type")}</th>
                <th scope="col" className="num">
                  {t("list.amount")}
                </th>
                <th scope="col">{t("list.date")}</th>
                <th scope="col">{t("list.status")}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link href={financingRoutes.detail(r.id)} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                      {r.agreement.number}
                    </Link>
                    <span className="block text-xs font-normal text-muted">{r.agreement.buyer.name}</span>
                  </th>
                  <td>{r.supplier.name}</td>
                  <td>{t(`type.${r.type}`)}</td>
                  <td className="num">{f.rupiah(r.amountIdr)}</td>
                  <td className="whitespace-nowrap">{f.date(r.createdAt)}</td>
                  <td>
                    <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
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
          <Table caption={t("list.caption")} captionHidden minWidthClassName="min-w-[40rem]">
            <thead>
              <tr>
                <th scope="col">{t("list.bank")}</th>
                <th scope="col">{t("list.type")}</th>
                <th scope="col" className="num">
                  {t("list.amount")}
                </th>
                <th scope="col">{t("list.date")}</th>
                <th scope="col">{t("list.status")}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link
                      href={agreementRoutes.detail(r.agreementId)}
                      className="font-semibold text-brand-800 underline-offset-2 hover:underline"
                    >
                      {r.bank.name}
                    </Link>
                  </th>
                  <td>{t(`type.${r.type}`)}</td>
                  <td className="num">{f.rupiah(r.amountIdr)}</td>
                  <td className="whitespace-nowrap">{f.date(r.createdAt)}</td>
                  <td>
                    <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
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
