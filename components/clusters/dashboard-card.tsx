// The clusters' card on /dasbor (issue 12): for cluster managers, ministry staff and regional governments the
// clusters they manage with pending requests; for UMKM, cooperatives and buyers the cluster invitations waiting
// for them. Nothing for other organization types (or when there is nothing to show to members).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Card } from "@/components/ui";
import { ACTORS } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { listManagedClusters, listPendingClusterInvitations } from "@/lib/clusters/dashboard";
import { clusterRoutes } from "@/lib/clusters/routes";

const is = (types: readonly string[], t: string | undefined) => t !== undefined && types.includes(t);

export async function ClusterDashboardCard({ actor }: { actor: Actor }) {
  const type = actor.membership?.organizationType;
  const t = await getTranslations("clusters.dashboard");
  if (is(ACTORS.clusterOwners, type)) {
    const clusters = await listManagedClusters(actor);
    if (clusters.length === 0 && type !== "cluster_manager") return null;
    return (
      <Card
        title={t("managerTitle")}
        actions={
          <ButtonLink href={clusterRoutes.create()} size="sm" variant="outline">
            {(await getTranslations("clusters.list"))("create")}
          </ButtonLink>
        }
      >
        {clusters.length === 0 ? (
          <p className="text-sm">{t("managerEmpty")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-stone-200">
            {clusters.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={clusterRoutes.manage(c.id)} className="font-medium text-brand-700 underline">
                  {c.name}
                </Link>
                <span className="flex gap-2">
                  <Badge tone={c.requested > 0 ? "warning" : "neutral"}>{t("pendingRequests", { count: c.requested })}</Badge>
                  <Badge>{t("activeMembers", { count: c.active })}</Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    );
  }
  if (is([...ACTORS.clusterMembers, ...ACTORS.buyer], type)) {
    const invitations = await listPendingClusterInvitations(actor);
    if (invitations.length === 0) return null;
    return (
      <Card title={t("invitationsTitle")} description={t("invitationsDescription")}>
        <ul className="flex flex-col divide-y divide-stone-200">
          {invitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium">{i.name}</span> · {i.managerName} ·{" "}
                {i.kind === "anchor" ? t("anchorInvitation") : t("memberInvitation")}
              </span>
              <Link href={clusterRoutes.detail(i.id)} className="font-medium text-brand-700 underline">
                {t("open")}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    );
  }
  return null;
}
