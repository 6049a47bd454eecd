// /pembiayaan/program — supply-chain financing programmes (issue 13; ADR 0026), one page for the three sides:
// a buyer's programmes with their banks and the form to propose one; a bank's proposed and running programmes
// with accept / decline; an UMKM's or cooperative's referrals with accept / decline. Other organizations get an
// explanation; visitors sign in first. lib/financing/programmes.ts decides what each sees and may do.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, Badge, Card, Container, EmptyState, PageHeader } from "@/components/ui";
import { ActionForm } from "@/components/agreements/action-form";
import { ProgrammeTerms, REFERRAL_TONE } from "@/components/financing/programme-terms";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { programmeSide } from "@/lib/financing/access";
import { createProgrammeAction, decideProgrammeAction, decideReferralAction } from "@/lib/financing/programme-actions";
import { listProgrammes } from "@/lib/financing/programmes";
import { listPartnerBanks } from "@/lib/financing/queries";
import { financingRoutes } from "@/lib/financing/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("financingProgrammes");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function ProgrammesPage() {
  const actor = await requireSignedIn(financingRoutes.programmes());
  const t = await getTranslations("financingProgrammes");
  const tf = await getTranslations("financing");
  const side = programmeSide(actor);
  const membership = actor.membership;
  if (!side || !membership) {
    return (
      <Container className="py-8">
        <PageHeader title={t("title")} />
        <Alert tone="info">{t("noPart")}</Alert>
      </Container>
    );
  }
  const programmes = await listProgrammes(actor);
  const header = (
    <>
      <PageHeader title={t("title")} description={t(`description.${side}`)} />
      <Link href={financingRoutes.list()} className="-mt-4 self-start text-brand-800 underline">
        {t("toRequests")}
      </Link>
      <Alert tone="info">{tf("noMoney")}</Alert>
    </>
  );

  if (side === "buyer") {
    const canAct = can(membership, "financing:programme");
    const verified = membership.verificationStatus === "verified";
    const banks = canAct && verified ? await listPartnerBanks() : [];
    return (
      <Container className="flex max-w-4xl flex-col gap-6 py-8">
        {header}
        {!canAct ? (
          <Alert tone="info">{t("create.notAllowed")}</Alert>
        ) : !verified ? (
          <Alert tone="warning">{t("create.unverified")}</Alert>
        ) : banks.length === 0 ? (
          <Alert tone="info">{t("create.noBanks")}</Alert>
        ) : (
          <Card title={t("create.title")} description={t("create.lead")}>
            <ActionForm
              label={t("create.title")}
              action={createProgrammeAction}
              hidden={{}}
              successMessage={t("create.done")}
              fields={[
                {
                  name: "bankId",
                  label: t("create.bank"),
                  type: "select",
                  options: banks.map((b) => ({ value: b.id, label: b.name })),
                  placeholder: t("create.bankPlaceholder"),
                },
                { name: "name", label: t("create.name"), type: "text", description: t("create.nameHint") },
                { name: "maxPerUmkmIdr", label: t("create.max"), type: "number", description: t("create.maxHint") },
                { name: "tenorDays", label: t("create.tenor"), type: "number", description: t("create.tenorHint") },
                {
                  name: "requireAcceptedDeliveries",
                  label: t("create.requireAccepted"),
                  description: t("create.requireAcceptedHint"),
                  type: "checkbox",
                  defaultValue: "on",
                },
              ]}
              buttons={[{ label: t("create.submit") }]}
            />
          </Card>
        )}
        <section aria-labelledby="programmes-heading" className="flex flex-col gap-4">
          <h2 id="programmes-heading" className="text-xl font-semibold text-ink">
            {t("list.buyer")}
          </h2>
          {programmes.length === 0 ? (
            <EmptyState title={t("list.empty")} description={t("list.emptyBuyer")} />
          ) : (
            programmes.map((p) => <ProgrammeTerms key={p.id} programme={p} side="buyer" link headingLevel={3} />)
          )}
        </section>
      </Container>
    );
  }

  if (side === "bank") {
    const canAct = can(membership, "financing:decide");
    return (
      <Container className="flex max-w-4xl flex-col gap-6 py-8">
        {header}
        <section aria-labelledby="programmes-heading" className="flex flex-col gap-4">
          <h2 id="programmes-heading" className="text-xl font-semibold text-ink">
            {t("list.bank")}
          </h2>
          {programmes.length === 0 ? (
            <EmptyState title={t("list.empty")} description={t("list.emptyBank")} />
          ) : (
            programmes.map((p) => (
              <ProgrammeTerms key={p.id} programme={p} side="bank" link headingLevel={3}>
                {canAct && p.status === "proposed" && (
                  <ActionForm
                    label={t("decide.label", { name: p.name })}
                    action={decideProgrammeAction}
                    hidden={{ id: p.id }}
                    intro={t("decide.lead")}
                    fields={[
                      { name: "note", label: t("decide.note"), type: "textarea", optional: true, description: t("decide.noteHint") },
                    ]}
                    buttons={[
                      { label: t("decide.accept"), name: "decision", value: "accept" },
                      { label: t("decide.decline"), name: "decision", value: "decline", variant: "outline" },
                    ]}
                  />
                )}
              </ProgrammeTerms>
            ))
          )}
        </section>
      </Container>
    );
  }

  const canAct = can(membership, "financing:request");
  return (
    <Container className="flex max-w-4xl flex-col gap-6 py-8">
      {header}
      <section aria-labelledby="programmes-heading" className="flex flex-col gap-4">
        <h2 id="programmes-heading" className="text-xl font-semibold text-ink">
          {t("list.supplier")}
        </h2>
        {programmes.length === 0 ? (
          <EmptyState title={t("list.empty")} description={t("list.emptySupplier")} />
        ) : (
          programmes.map((p) => {
            const own = p.referrals[0];
            return (
              <ProgrammeTerms key={p.id} programme={p} side="supplier" link headingLevel={3}>
                {own && (
                  <div className="flex flex-col gap-3">
                    <p className="flex flex-wrap items-center gap-2 text-sm text-ink">
                      {t("referral.yours")} <Badge tone={REFERRAL_TONE[own.status]}>{tf(`referralStatus.${own.status}`)}</Badge>
                    </p>
                    {canAct && own.status === "referred" && (
                      <ActionForm
                        label={t("referral.label", { name: p.name })}
                        action={decideReferralAction}
                        hidden={{ id: own.id }}
                        intro={t("referral.lead", { buyer: p.buyer.name, bank: p.bank.name })}
                        buttons={[
                          { label: t("referral.accept"), name: "decision", value: "accept" },
                          { label: t("referral.decline"), name: "decision", value: "decline", variant: "outline" },
                        ]}
                      />
                    )}
                    {own.status === "accepted" && (
                      <Link href={financingRoutes.programme(p.id)} className="self-start font-semibold text-brand-800 underline">
                        {t("referral.toRequest")}
                      </Link>
                    )}
                  </div>
                )}
              </ProgrammeTerms>
            );
          })
        )}
      </section>
    </Container>
  );
}
