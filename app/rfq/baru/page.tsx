// /rfq/baru — a buyer officer drafts a new RFQ (published from its page once ready).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, Container, PageHeader } from "@/components/ui";
import { RfqForm } from "@/components/rfqs/rfq-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { mayManageRfqs } from "@/lib/rfqs/access";
import { regionLists } from "@/lib/rfqs/form-references";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { rfqClusterChoices } from "@/lib/rfqs/cluster";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rfqs.form");
  return { title: `${t("newTitle")} — Rantai`, robots: { index: false } };
}

export default async function NewRfqPage() {
  const actor = await requirePageActor(rfqRoutes.create(), mayManageRfqs);
  const t = await getTranslations("rfqs.form");
  const { provinces, regencies } = await regionLists();
  const clusters = await rfqClusterChoices(actor);
  return (
    <Container className="flex max-w-3xl flex-col gap-6 py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("newTitle")} description={t("newDescription")} />
      <Card>
        <RfqForm provinces={provinces} regencies={regencies} clusters={clusters} />
      </Card>
    </Container>
  );
}
