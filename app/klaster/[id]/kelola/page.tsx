// /klaster/[id]/kelola — the manager's page (issue 12): requests to decide, invite by name, bulk invite by CSV,
// invitations awaiting an answer, members (remove), anchors (invite verified buyers), settings. Only the
// managing organization: anyone else gets the 404 page (lib/clusters answers "not found" as well).
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Card, Container, PageHeader, ResponsiveTable, VerificationBadge } from "@/components/ui";
import { ClusterActionButton } from "@/components/clusters/action-button";
import { ClusterForm } from "@/components/clusters/cluster-form";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { canManageClusters } from "@/lib/clusters/access";
import { decideJoinRequestAction, inviteAnchorAction, inviteMemberAction, removeMemberAction } from "@/lib/clusters/actions";
import { findAnchorCandidates } from "@/lib/clusters/anchors";
import { findInviteCandidates } from "@/lib/clusters/membership";
import { getManagedCluster } from "@/lib/clusters/queries";
import { clusterRoutes } from "@/lib/clusters/routes";
import { enumLabelKey } from "@/lib/enums";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clusters.manage");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ManageClusterPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const actor = await requirePageActor(clusterRoutes.manage(id), canManageClusters);
  const sp = await searchParams;
  const cari = typeof sp.cari === "string" ? sp.cari.slice(0, 100) : "";
  const jangkar = typeof sp.jangkar === "string" ? sp.jangkar.slice(0, 100) : "";
  const data = await orNotFound(getManagedCluster(actor, id));
  const [candidates, anchorCandidates] = await Promise.all([
    cari ? findInviteCandidates(actor, { clusterId: id, q: cari }) : Promise.resolve([]),
    jangkar ? findAnchorCandidates(actor, { clusterId: id, q: jangkar }) : Promise.resolve([]),
  ]);
  const [t, tAll, format] = await Promise.all([getTranslations("clusters.manage"), getTranslations(), getFormatter()]);
  const c = data.cluster;
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  const inputClass = "min-w-0 flex-1 rounded-lg border border-stone-300 px-3 py-2 sm:min-w-64";
  const searchButton = "rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800";

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        eyebrow={t("title")}
        title={c.name}
        actions={
          <ButtonLink href={clusterRoutes.detail(c.id)} variant="outline" size="md">
            {t("view")}
          </ButtonLink>
        }
      />

      <Card title={t("requests")}>
        {data.requested.length === 0 ? (
          <p className="text-sm">{t("noRequests")}</p>
        ) : (
          <ResponsiveTable caption={t("requests")} minWidthClassName="sm:min-w-[40rem]">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("verification")}</th>
                <th scope="col">{t("since")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.requested.map((r) => (
                <tr key={r.organization.id}>
                  <th scope="row">{r.organization.name}</th>
                  <td data-label={t("type")}>{tAll(enumLabelKey("OrgType", r.organization.type))}</td>
                  <td data-label={t("verification")}>
                    <VerificationBadge status={r.organization.verificationStatus} />
                  </td>
                  <td data-label={t("since")}>{day(r.requestedAt)}</td>
                  <td data-label={t("actions")}>
                    <div className="flex flex-wrap justify-end gap-2 sm:justify-start">
                      <ClusterActionButton
                        action={decideJoinRequestAction}
                        fields={{ clusterId: c.id, organizationId: r.organization.id, decision: "accept" }}
                        label={t("accept")}
                        ariaLabel={`${t("accept")}: ${r.organization.name}`}
                        doneLabel={t("accepted")}
                      />
                      <ClusterActionButton
                        action={decideJoinRequestAction}
                        fields={{ clusterId: c.id, organizationId: r.organization.id, decision: "decline" }}
                        label={t("decline")}
                        ariaLabel={`${t("decline")}: ${r.organization.name}`}
                        doneLabel={t("declined")}
                        variant="outline"
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
      </Card>

      <Card title={t("inviteByName")} description={t("inviteHint")}>
        <div className="flex flex-col gap-3">
          <form method="get" action={clusterRoutes.manage(c.id)} role="search" className="flex flex-wrap items-end gap-2">
            {jangkar && <input type="hidden" name="jangkar" value={jangkar} />}
            <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
              {t("searchLabel")}
              <input name="cari" defaultValue={cari} minLength={3} maxLength={100} className={inputClass} />
            </label>
            <button type="submit" className={searchButton}>
              {t("searchButton")}
            </button>
          </form>
          {cari && candidates.length === 0 && <p className="text-sm">{t("noCandidates")}</p>}
          {candidates.length > 0 && (
            <ul className="flex flex-col divide-y divide-stone-200">
              {candidates.map((o) => (
                <li key={o.organizationId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <span className="font-medium">{o.name}</span> · {tAll(enumLabelKey("OrgType", o.type))}
                    {o.nib ? ` · NIB ${o.nib}` : ""}
                    {o.regencyName ? ` · ${o.regencyName}` : ""} ·{" "}
                    <Badge tone={o.verified ? "success" : "warning"}>{o.verified ? t("verified") : t("unverified")}</Badge>
                  </span>
                  {o.status === "active" || o.status === "invited" || o.status === "requested" ? (
                    <Badge>{tAll(enumLabelKey("ClusterMemberStatus", o.status))}</Badge>
                  ) : (
                    <ClusterActionButton
                      action={inviteMemberAction}
                      fields={{ clusterId: c.id, organizationId: o.organizationId }}
                      label={t("invite")}
                      ariaLabel={`${t("invite")}: ${o.name}`}
                      doneLabel={t("invited")}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="text-sm">
            <Link href={clusterRoutes.bulkInvite(c.id)} className="font-medium text-brand-700 underline">
              {t("bulkLink")}
            </Link>
          </p>
        </div>
      </Card>

      <Card title={t("invitations")}>
        {data.invited.length === 0 ? (
          <p className="text-sm">{t("noInvitations")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-stone-200">
            {data.invited.map((r) => (
              <li key={r.organization.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  {r.organization.name} · {day(r.requestedAt)}
                </span>
                <ClusterActionButton
                  action={removeMemberAction}
                  fields={{ clusterId: c.id, organizationId: r.organization.id }}
                  label={t("withdrawInvitation")}
                  ariaLabel={`${t("withdrawInvitation")}: ${r.organization.name}`}
                  doneLabel={t("removed")}
                  variant="outline"
                />
              </li>
            ))}
          </ul>
        )}
        {data.counts.invited > data.invited.length && (
          <p className="mt-2 text-sm">{t("showingFirst", { shown: data.invited.length, total: data.counts.invited })}</p>
        )}
      </Card>

      <Card title={t("members", { count: data.counts.active })}>
        {data.active.length === 0 ? (
          <p className="text-sm">{t("noMembers")}</p>
        ) : (
          <ResponsiveTable caption={t("members", { count: data.counts.active })} minWidthClassName="sm:min-w-[48rem]">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("nib")}</th>
                <th scope="col">{t("regency")}</th>
                <th scope="col">{t("verification")}</th>
                <th scope="col">{t("since")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.active.map((r) => (
                <tr key={r.organization.id}>
                  <th scope="row">{r.organization.name}</th>
                  <td data-label={t("type")}>{tAll(enumLabelKey("OrgType", r.organization.type))}</td>
                  <td data-label={t("nib")}>{r.organization.supplierProfile?.nib ?? "—"}</td>
                  <td data-label={t("regency")}>{r.organization.regency?.name ?? "—"}</td>
                  <td data-label={t("verification")}>
                    <VerificationBadge status={r.organization.verificationStatus} />
                  </td>
                  <td data-label={t("since")}>{day(r.joinedAt)}</td>
                  <td data-label={t("actions")}>
                    <ClusterActionButton
                      action={removeMemberAction}
                      fields={{ clusterId: c.id, organizationId: r.organization.id }}
                      label={t("remove")}
                      ariaLabel={`${t("remove")}: ${r.organization.name}`}
                      doneLabel={t("removed")}
                      variant="outline"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
        {data.counts.active > data.active.length && (
          <p className="mt-2 text-sm">{t("showingFirst", { shown: data.active.length, total: data.counts.active })}</p>
        )}
      </Card>

      <Card title={t("anchors")} description={t("anchorHint")}>
        <div className="flex flex-col gap-3">
          {data.anchors.length === 0 ? (
            <p className="text-sm">{t("noAnchors")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-stone-200">
              {data.anchors.map((a) => (
                <li key={a.buyer.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>{a.buyer.name}</span>
                  <Badge tone={a.status === "active" ? "success" : "neutral"}>{tAll(enumLabelKey("ClusterAnchorStatus", a.status))}</Badge>
                </li>
              ))}
            </ul>
          )}
          <form method="get" action={clusterRoutes.manage(c.id)} role="search" className="flex flex-wrap items-end gap-2">
            {cari && <input type="hidden" name="cari" value={cari} />}
            <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
              {t("inviteAnchor")}
              <input name="jangkar" defaultValue={jangkar} minLength={3} maxLength={100} className={inputClass} />
            </label>
            <button type="submit" className={searchButton}>
              {t("searchButton")}
            </button>
          </form>
          {jangkar && anchorCandidates.length === 0 && <p className="text-sm">{t("noCandidates")}</p>}
          {anchorCandidates.length > 0 && (
            <ul className="flex flex-col divide-y divide-stone-200">
              {anchorCandidates.map((b) => (
                <li key={b.organizationId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span className="font-medium">{b.name}</span>
                  {b.status === "active" || b.status === "invited" ? (
                    <Badge>{tAll(enumLabelKey("ClusterAnchorStatus", b.status))}</Badge>
                  ) : (
                    <ClusterActionButton
                      action={inviteAnchorAction}
                      fields={{ clusterId: c.id, buyerId: b.organizationId }}
                      label={t("invite")}
                      ariaLabel={`${t("invite")}: ${b.name}`}
                      doneLabel={t("invited")}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>

      <Card title={t("settings")}>
        <ClusterForm
          clusterId={c.id}
          initial={{
            name: c.name,
            description: c.description,
            kbliSections: c.kbliSections.join(", "),
            provinceCodes: c.provinceCodes.join(", "),
            regencyCodes: c.regencyCodes.join(", "),
            siteId: c.siteId ?? "",
          }}
        />
      </Card>
    </Container>
  );
}
