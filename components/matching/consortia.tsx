// Proposed consortia for an RFQ no single UMKM can supply: members, capacity and share, reasons, and one
// button to invite the group.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui";
import { consortiumReasonLabel, consortiumReasons } from "@/lib/matching/responses";
import type { ConsortiumProposals } from "@/lib/matching/service";
import { formatNumber } from "@/lib/i18n/format";
import { InviteConsortiumButton, InviteProposedConsortiumButton } from "./invite-buttons";
import { supplierRoutes } from "@/lib/suppliers/routes";

export async function ConsortiumList({ data, canInvite }: { data: ConsortiumProposals; canInvite: boolean }) {
  const t = await getTranslations("matching");
  const locale = (await getLocale()) === "en" ? "en" : "id";
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const unit = data.rfq.unit;
  const busy = new Set(data.invited.flatMap((c) => c.memberIds));

  return (
    <Card title={t("page.consortia")} description={t("page.consortiaDescription")}>
      {data.invited.length > 0 && (
        <div className="mb-4">
          <h3 className="text-sm font-semibold text-ink">{t("page.invitedConsortia")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {data.invited.map((c) => (
              <li key={c.id}>{c.name}</li>
            ))}
          </ul>
        </div>
      )}
      {data.clusterProposals.length > 0 && (
        <div className="mb-4" data-testid="cluster-proposals">
          <h3 className="text-sm font-semibold text-ink">{t("page.clusterProposals")}</h3>
          <p className="text-sm text-muted">{t("page.clusterProposalsDescription")}</p>
          <ul className="mt-2 flex flex-col gap-3">
            {data.clusterProposals.map((c) => (
              <li key={c.id} className="rounded-lg border border-line p-3">
                <p className="font-medium text-ink">{c.name}</p>
                <p className="text-sm text-muted">{t("consortium.sameCluster", { cluster: c.cluster.name })}</p>
                <ul className="mt-1 text-sm">
                  {c.members.map((m) => (
                    <li key={m.id}>
                      {m.name}
                      {m.id === c.leadId && <span className="ml-1 text-xs text-muted">({t("page.lead")})</span>} — {n(m.shareQuantity)}{" "}
                      {unit} ({formatNumber(m.sharePercent, locale, { maximumFractionDigits: 1 })}%)
                    </li>
                  ))}
                </ul>
                {canInvite && (
                  <div className="mt-2">
                    <InviteProposedConsortiumButton
                      rfqId={data.rfq.id}
                      consortiumId={c.id}
                      disabled={c.members.some((m) => busy.has(m.id))}
                      labels={{
                        idle: t("page.inviteConsortium"),
                        done: t("page.consortiumInvited", { name: c.name }),
                        invited: t("page.invited"),
                        error: t("page.error", { message: "{message}" }),
                      }}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!data.needed ? (
        <p className="text-sm text-muted">
          {t("page.consortiaNotNeeded", { capacity: n(data.bestSingleCapacity), unit, quantity: n(data.rfq.quantity) })}
        </p>
      ) : data.proposals.length === 0 ? (
        <EmptyState title={t("page.consortiaEmpty")} />
      ) : (
        <ol className="flex flex-col gap-4">
          {data.proposals.map((p, i) => (
            <li key={p.key} className="rounded-lg border border-line p-3 sm:p-4" data-testid="consortium">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold text-ink">
                  {i + 1}. {t(`consortium.kinds.${p.kind}`)}
                  {p.cooperative ? ` — ${p.cooperative.name}` : ""}
                  {p.cluster ? ` — ${p.cluster.name}` : ""}
                </h3>
                <Badge tone="brand">{t("page.score", { score: p.averageScore })}</Badge>
              </div>
              <ul className="mt-2 flex flex-col gap-1 text-sm">
                {consortiumReasons(p, unit).map((r) => (
                  <li key={r.code} className="flex gap-2">
                    <span aria-hidden="true" className="text-emerald-700">
                      ✓
                    </span>
                    <span>{consortiumReasonLabel(locale, r)}</span>
                  </li>
                ))}
              </ul>
              <div className="mt-3 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead className="text-xs uppercase text-muted">
                    <tr>
                      <th scope="col" className="py-1 pr-3">
                        {t("page.member")}
                      </th>
                      <th scope="col" className="py-1 pr-3 text-right">
                        {t("page.capacity")}
                      </th>
                      <th scope="col" className="py-1 text-right">
                        {t("page.share")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.members.map((m) => (
                      <tr key={m.id} className="border-t border-line">
                        <td className="py-1.5 pr-3">
                          <Link href={supplierRoutes.profile(m.id)} className="hover:underline">
                            {m.name}
                          </Link>
                          {m.id === p.leadId && <span className="ml-1 text-xs text-muted">({t("page.lead")})</span>}
                          {m.regencyName && <span className="block text-xs text-muted">{m.regencyName}</span>}
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          {n(m.capacity)} {unit}
                        </td>
                        <td className="py-1.5 text-right tabular-nums">
                          {n(m.shareQuantity)} {unit} ({formatNumber(m.sharePercent, locale, { maximumFractionDigits: 1 })}%)
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {canInvite && (
                <div className="mt-3">
                  <InviteConsortiumButton
                    rfqId={data.rfq.id}
                    memberIds={p.members.map((m) => m.id)}
                    leadId={p.leadId}
                    disabled={p.members.some((m) => busy.has(m.id))}
                    labels={{
                      idle: t("page.inviteConsortium"),
                      done: t("page.consortiumInvited", { name: p.cooperative?.name ?? p.members[0].name }),
                      invited: t("page.invited"),
                      error: t("page.error", { message: "{message}" }),
                    }}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
