// /klaster/baru — create a cluster (issue 12): cluster managers, ministry staff, regional governments. The
// creating organization manages the cluster; lib/clusters checks verification, codes and a government's region.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, Container, PageHeader } from "@/components/ui";
import { ClusterForm } from "@/components/clusters/cluster-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { canManageClusters } from "@/lib/clusters/access";
import { ownRegionScope } from "@/lib/clusters/queries";
import { clusterRoutes } from "@/lib/clusters/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clusters.form");
  return { title: `${t("createTitle")} — Rantai`, robots: { index: false } };
}

export default async function NewClusterPage() {
  const actor = await requirePageActor(clusterRoutes.create(), canManageClusters);
  const t = await getTranslations("clusters.form");
  const te = await getTranslations();
  const verified = actor.membership?.verificationStatus === "verified";
  const region = verified ? await ownRegionScope(actor) : null;
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={t("createTitle")} description={t("createDescription")} />
      {verified ? <ClusterForm regionScope={region} /> : <Alert tone="warning">{te("errors.verificationRequired")}</Alert>}
    </Container>
  );
}
