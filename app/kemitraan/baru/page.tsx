// /kemitraan/baru — a draft agreement directly with a partner: a buyer picks an UMKM or cooperative, an UMKM
// or cooperative picks a buyer (search by name, or ?mitra=<id> from elsewhere). A buyer may instead pick a
// consortium the chosen partner leads ("Sebagai konsorsium", only those formed for the buyer's own RFQs):
// every member becomes a party with its share. Agreements from an RFQ award are created by the award itself.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, Button, Card, Container, Input, PageHeader } from "@/components/ui";
import { AgreementForm } from "@/components/agreements/agreement-form";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { agreementPageAccess } from "@/lib/agreements/access";
import { consortiumChoices, searchCounterparties } from "@/lib/agreements/proposals";
import { agreementRoutes } from "@/lib/agreements/routes";
import { schemeOptions } from "@/lib/agreements/scheme-options";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements.form");
  return { title: `${t("newTitle")} — Rantai`, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export default async function NewAgreementPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireSignedIn(agreementRoutes.create());
  const { canWrite } = agreementPageAccess(actor);
  const t = await getTranslations("agreements");
  const tc = await getTranslations("common");
  if (!canWrite) {
    return (
      <Container className="py-8">
        <PageHeader title={t("form.newTitle")} />
        <Alert tone="info">{t("notParty")}</Alert>
      </Container>
    );
  }
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q : undefined;
  const picked = typeof sp.mitra === "string" ? sp.mitra : undefined;
  const [counterparties, schemes] = await Promise.all([searchCounterparties(actor, q, { id: picked }), schemeOptions()]);
  const isBuyer = actor.membership?.organizationType === "buyer";
  // A buyer may make the agreement with a consortium the chosen partner leads (formed for one of its RFQs).
  const consortia = isBuyer
    ? await consortiumChoices(
        actor,
        counterparties.map((c) => c.id),
      )
    : [];

  return (
    <Container className="flex max-w-4xl flex-col gap-6 py-8">
      <PageHeader title={t("form.newTitle")} description={t("form.newLead")} />
      <Alert tone="info">{t("form.fromAward")}</Alert>
      <Card>
        <form method="get" action={agreementRoutes.create()} role="search" className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Input name="q" type="search" label={t("fields.counterpartySearch")} defaultValue={q} className="flex-1" />
          <Button type="submit" variant="outline">
            {tc("search")}
          </Button>
        </form>
      </Card>
      <Card>
        <AgreementForm
          mode="create"
          schemes={schemes}
          counterparties={counterparties}
          counterpartyId={picked ?? (counterparties.length === 1 ? counterparties[0].id : undefined)}
          counterpartyHint={isBuyer ? t("fields.counterpartyHintBuyer") : t("fields.counterpartyHintSupplier")}
          consortia={consortia}
          initial={{
            title: "",
            scheme: "rantai_pasok",
            valueIdr: "",
            startDate: inDays(7),
            endDate: inDays(187),
            terms: "",
            milestones: [],
          }}
          cancelHref={agreementRoutes.list()}
        />
      </Card>
    </Container>
  );
}
