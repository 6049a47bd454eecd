// A cooperative's member UMKM: how many, by size class, and the member table.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Card, EmptyState, Stat, StatGrid, VerificationBadge, ResponsiveTable } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { getCooperativeDashboard } from "@/lib/cooperatives/dashboard";
import { AgreementsCard, type AgreementRow } from "./agreements-card";
import { SectionLink } from "./section-link";
import { cooperativeRoutes } from "@/lib/cooperatives/routes";

type CooperativeDashboard = Awaited<ReturnType<typeof getCooperativeDashboard>>;

const SIZES = ["mikro", "kecil", "menengah"] as const;

export async function CooperativeSection({ data, agreements }: { data: CooperativeDashboard; agreements: AgreementRow[] }) {
  const t = await getTranslations("dashboard.cooperative");
  const tSize = await getTranslations("sizeClasses");
  const tc = await getTranslations("common");
  const f = formattersFor(await getLocale(), await getTimeZone());

  return (
    <div className="flex flex-col gap-6">
      <StatGrid>
        <Stat label={t("stats.members")} value={f.number(data.total)} emphasis />
        {SIZES.map((s) => (
          <Stat key={s} label={t("stats.bySize", { size: tSize(s) })} value={f.number(data.bySize[s] ?? 0)} />
        ))}
      </StatGrid>

      <Card
        title={t("members.title")}
        actions={<SectionLink href={cooperativeRoutes.members()}>{tc("viewAll")}</SectionLink>}
        description={data.total > data.members.length ? t("members.showing", { shown: data.members.length, total: data.total }) : undefined}
      >
        {data.members.length === 0 ? (
          <EmptyState title={t("members.empty")} description={t("members.emptyBody")} />
        ) : (
          <ResponsiveTable caption={t("members.title")} minWidthClassName="sm:min-w-[44rem]">
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.number")}</th>
                <th scope="col">{t("members.sizeClass")}</th>
                <th scope="col">{t("members.region")}</th>
                <th scope="col">{t("members.verification")}</th>
                <th scope="col" className="num">
                  {t("members.products")}
                </th>
                <th scope="col">{t("members.joined")}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => {
                const p = m.member.supplierProfile;
                return (
                  <tr key={m.member.id}>
                    <th scope="row" className="text-ink">
                      {m.member.name}
                    </th>
                    <td data-label={t("members.number")} className="font-mono text-xs">
                      {m.memberNumber ?? "—"}
                    </td>
                    <td data-label={t("members.sizeClass")}>{p?.sizeClass ? tSize(p.sizeClass) : "—"}</td>
                    <td data-label={t("members.region")}>{p?.regency?.name ?? "—"}</td>
                    <td data-label={t("members.verification")}>{p ? <VerificationBadge status={p.verificationStatus} /> : "—"}</td>
                    <td data-label={t("members.products")} className="num">
                      {f.number(m.member._count.products)}
                    </td>
                    <td data-label={t("members.joined")} className="whitespace-nowrap">
                      {f.date(m.joinedAt)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ResponsiveTable>
        )}
      </Card>

      {agreements.length > 0 && <AgreementsCard agreements={agreements} perspective="supplier" />}
    </div>
  );
}
