// /klaster/[id]/kelola/impor — bulk invitation by CSV of NIB (issue 12): the cluster's manager only (404 for
// anyone else). The upload streams progress from /api/clusters/[id]/invitations/import.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader } from "@/components/ui";
import { BulkInviteForm } from "@/components/clusters/bulk-invite-form";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { canManageClusters } from "@/lib/clusters/access";
import { assertManagedCluster } from "@/lib/clusters/bulk-invite";
import { clusterRoutes } from "@/lib/clusters/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clusters.import");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function BulkInvitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(clusterRoutes.bulkInvite(id), canManageClusters);
  const t = await getTranslations("clusters.import");
  const te = await getTranslations();
  if (actor.membership?.verificationStatus !== "verified")
    return (
      <Container className="py-8">
        <Alert tone="warning">{te("errors.verificationRequired")}</Alert>
      </Container>
    );
  const cluster = await orNotFound(assertManagedCluster(actor, id));
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader eyebrow={cluster.name} title={t("title")} description={t("description")} />
      <Card>
        <div className="flex flex-col gap-4">
          <a href={clusterRoutes.bulkInviteTemplate(cluster.id)} className="self-start font-medium text-brand-700 underline" download>
            {t("template")}
          </a>
          <BulkInviteForm uploadUrl={clusterRoutes.bulkInviteUpload(cluster.id)} />
        </div>
      </Card>
      <Link href={clusterRoutes.manage(cluster.id)} className="text-sm font-medium text-brand-700 underline">
        {t("back")}
      </Link>
    </Container>
  );
}
