// /rfq/[id]/ubah — edit a draft RFQ (a published one only takes a deadline extension, on its page).
import type { Metadata } from "next";
import { rfqTitleFor } from "@/lib/rfqs/queries";
import { getActor } from "@/lib/auth/session";
import { redirect } from "next/navigation";
import { getTimeZone, getTranslations } from "next-intl/server";
import { Card, Container, PageHeader } from "@/components/ui";
import { RfqForm } from "@/components/rfqs/rfq-form";
import { getRfqForActor } from "@/lib/rfqs/queries";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { mayManageRfqs } from "@/lib/rfqs/access";
import { kbliTitle, regionLists } from "@/lib/rfqs/form-references";
import { toZonedLocal } from "@/lib/i18n/zoned-time";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { rfqClusterChoices } from "@/lib/rfqs/cluster";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("rfqs.form");
  // the RFQ's title only for a reader who may open it (lib/rfqs/queries.ts)
  const rfqTitle = await rfqTitleFor(await getActor(), (await params).id);
  return { title: rfqTitle ? `${t("editTitle")}: ${rfqTitle} — Rantai` : `${t("editTitle")} — Rantai`, robots: { index: false } };
}

export default async function EditRfqPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(rfqRoutes.edit(id), mayManageRfqs);
  const rfq = await orNotFound(getRfqForActor(actor, id));
  if (rfq.status !== "draft") redirect(rfqRoutes.detail(rfq.id));
  const t = await getTranslations("rfqs.form");
  const { provinces, regencies } = await regionLists();
  const clusters = await rfqClusterChoices(actor);
  return (
    <Container className="flex max-w-3xl flex-col gap-6 py-8">
      <PageHeader eyebrow={rfq.title} title={t("editTitle")} />
      <Card>
        <RfqForm
          provinces={provinces}
          regencies={regencies}
          clusters={clusters}
          initial={{
            id: rfq.id,
            title: rfq.title,
            description: rfq.description,
            kbli: { code: rfq.kbli, title: rfq.kbliTitle.id || (await kbliTitle(rfq.kbli)) },
            provinceCode: rfq.deliveryRegency.province.code,
            deliveryRegencyCode: rfq.deliveryRegency.code,
            deadline: toZonedLocal(rfq.deadline, await getTimeZone()),
            items: rfq.items.map((it) => ({
              name: it.name,
              specification: it.specification ?? "",
              quantity: String(it.quantity),
              unit: it.unit,
              targetUnitPriceIdr: it.targetUnitPriceIdr === null ? "" : it.targetUnitPriceIdr.toString(),
            })),
            requiredCertifications: rfq.requiredCertifications,
            minTkdn: rfq.minTkdn === null ? "" : String(rfq.minTkdn),
            visibility: rfq.visibility,
            sealed: rfq.sealed,
            clusterId: rfq.clusterId ?? "",
          }}
        />
      </Card>
    </Container>
  );
}
