// /kemitraan/[id]/ubah — amend an agreement: the form carries the version read now; saving creates the next
// version, which every party accepts again. A stale version is refused ("someone changed this agreement;
// reload to see version N").
import type { Metadata } from "next";
import { getActor } from "@/lib/auth/session";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader } from "@/components/ui";
import { AgreementForm } from "@/components/agreements/agreement-form";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { agreementPageAccess, mayOpenAgreements } from "@/lib/agreements/access";
import { getAgreement } from "@/lib/agreements/queries";
import { agreementRoutes } from "@/lib/agreements/routes";
import { schemeOptions } from "@/lib/agreements/scheme-options";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("agreements.detail");
  // the agreement's number only for a reader who may open it
  const a = await getAgreement(await getActor(), (await params).id).catch(() => null);
  return { title: a ? `${t("amend")}: ${a.number} — Rantai` : `${t("amend")} — Rantai`, robots: { index: false } };
}

export default async function AmendAgreementPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await requirePageActor(agreementRoutes.edit(id), mayOpenAgreements);
  const ctx = agreementPageAccess(actor);
  const a = await orNotFound(getAgreement(actor, id));
  // Issue 11: consortium members never amend the lead's agreement; beyond a draft, only owners and admins propose.
  if (a.yourRole === null || a.yourRole === "consortium_member" || !ctx.canWrite || !["draft", "proposed", "active"].includes(a.status))
    notFound();
  if (a.status !== "draft" && !ctx.canAccept) notFound();
  // An amendment still pending is what a further amendment builds on.
  const c = a.pendingVersion ?? a;
  const t = await getTranslations("agreements");
  const schemes = await schemeOptions();
  return (
    <Container className="flex max-w-4xl flex-col gap-6 py-8">
      <PageHeader
        title={t("form.amendTitle", { number: a.number })}
        description={t("form.amendLead", { current: a.version, next: a.version + 1 })}
      />
      {a.status === "active" && <Alert tone="warning">{t("form.amendActiveWarning")}</Alert>}
      <Card>
        <AgreementForm
          mode="amend"
          id={a.id}
          version={a.version}
          schemes={schemes}
          initial={{
            title: c.title,
            scheme: c.scheme,
            valueIdr: c.valueIdr.toString(),
            startDate: c.startDate,
            endDate: c.endDate,
            terms: c.terms,
            milestones: c.milestones.map((m) => ({
              title: m.title,
              quantity: m.quantity?.toString() ?? "",
              unit: m.unit ?? "",
              dueDate: m.dueDate,
              amountIdr: m.amountIdr?.toString() ?? "",
              paymentTermDays: m.paymentTermDays?.toString() ?? "",
            })),
          }}
          cancelHref={agreementRoutes.detail(a.id)}
        />
      </Card>
    </Container>
  );
}
