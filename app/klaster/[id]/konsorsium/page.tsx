// /klaster/[id]/konsorsium — the cluster manager proposes consortia of the cluster's members for the open RFQs of
// its anchors (issue 12; lib/clusters/consortium.ts). Another organization's cluster, or anyone but a manager
// organization: 404.
import type { Metadata } from "next";
import Link from "next/link";
import { getTimeZone, getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, Container, EmptyState, PageHeader } from "@/components/ui";
import { ConsortiumProposalForm } from "@/components/clusters/consortium-proposal-form";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { listAnchorRfqs, mayProposeConsortia, proposableMembers } from "@/lib/clusters/consortium";
import { clusterRoutes } from "@/lib/clusters/routes";
import { formattersFor } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("matching.clusterConsortium");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function ClusterConsortiumPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ rfq?: string | string[] }>;
}) {
  const { id } = await params;
  const sp = await searchParams;
  const rfqId = typeof sp.rfq === "string" ? sp.rfq : undefined;
  const actor = await requirePageActor(clusterRoutes.consortia(id), mayProposeConsortia);
  const data = await orNotFound(listAnchorRfqs(actor, id));
  const t = await getTranslations("matching.clusterConsortium");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const selected = rfqId ? data.rfqs.find((r) => r.id === rfqId) : undefined;
  const members = selected ? await orNotFound(proposableMembers(actor, id, selected.id)) : [];
  return (
    <Container className="flex max-w-4xl flex-col gap-6 py-8">
      <PageHeader eyebrow={data.cluster.name} title={t("title")} description={t("description")} />
      <Card title={t("rfqs")}>
        {data.rfqs.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="flex flex-col gap-3">
            {data.rfqs.map((r) => (
              <li key={r.id} className="rounded-lg border border-line p-3" data-testid="anchor-rfq">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div>
                    <p className="font-medium text-ink">{r.title}</p>
                    <p className="text-sm text-muted">
                      {t("rfqLine", {
                        buyer: r.buyer.name,
                        quantity: f.number(r.quantity),
                        unit: r.unit,
                        deadline: f.dateTime(r.deadline),
                      })}
                    </p>
                  </div>
                  <span className="flex flex-wrap items-center gap-2">
                    {r.postedToCluster && <Badge tone="info">{t("postedHere")}</Badge>}
                    <Link href={clusterRoutes.consortia(id, r.id)} className="text-sm font-medium text-brand-700 hover:underline">
                      {t("propose")}
                    </Link>
                  </span>
                </div>
                {r.proposals.length > 0 && (
                  <ul className="mt-2 list-disc pl-5 text-sm">
                    {r.proposals.map((p) => (
                      <li key={p.id}>
                        {p.name} — {p.members.map((m) => m.name).join(", ")} ·{" "}
                        <span className={p.invited ? "text-emerald-800" : "text-muted"}>
                          {p.invited ? t("invited") : t("awaitingBuyer")}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {selected && (
        <Card title={t("formTitle", { title: selected.title })} description={t("formDescription")}>
          {members.length < 2 ? (
            <EmptyState title={t("noMembers")} />
          ) : (
            <ConsortiumProposalForm
              clusterId={id}
              rfqId={selected.id}
              members={members.map((m) => ({
                id: m.id,
                label: t("memberLine", { name: m.name, score: m.score, capacity: f.number(m.capacity), unit: selected.unit }),
                regency: m.regency,
              }))}
              labels={{
                members: t("members"),
                membersHint: t("membersHint"),
                lead: t("lead"),
                leadAuto: t("leadAuto"),
                submit: t("submit"),
                done: t("done"),
              }}
            />
          )}
        </Card>
      )}
    </Container>
  );
}
