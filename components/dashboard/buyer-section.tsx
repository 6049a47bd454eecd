// What a buyer's officers see: their RFQs (status, deadline, quotes received — for sealed RFQs only the
// number, prices stay hidden until the deadline) and their partnerships with values.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, Stat, StatGrid, type BadgeTone, ResponsiveTable } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { getBuyerDashboard } from "@/lib/rfqs/dashboard";
import { AgreementsCard, type AgreementRow } from "./agreements-card";
import { SectionLink } from "./section-link";
import { rfqRoutes } from "@/lib/rfqs/routes";

type BuyerDashboard = Awaited<ReturnType<typeof getBuyerDashboard>>;
type RfqStatusKey = BuyerDashboard["rfqs"][number]["status"];

const RFQ_TONE: Record<RfqStatusKey, BadgeTone> = {
  draft: "neutral",
  open: "success",
  closed: "info",
  awarded: "brand",
  cancelled: "danger",
};

export async function BuyerSection({ data, agreements }: { data: BuyerDashboard; agreements: AgreementRow[] }) {
  const t = await getTranslations("dashboard.buyer");
  const tStatus = await getTranslations("dashboard.rfqStatus");
  const tc = await getTranslations("common");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const now = new Date();
  const counts = data.rfqCounts;
  const agreementCounts = Object.fromEntries(data.agreements.map((a) => [a.status, a.count]));
  const agreementValues = Object.fromEntries(data.agreements.map((a) => [a.status, a.valueIdr]));
  const activeValue = data.agreements.find((a) => a.status === "active")?.valueIdr ?? BigInt(0);

  return (
    <div className="flex flex-col gap-6">
      {/* Money gets the full width on phones ("Rp671 million" does not fit half of a 390 px screen). */}
      <StatGrid className="lg:grid-cols-5">
        <Stat
          label={t("stats.activeValue")}
          value={f.rupiahCompact(activeValue)}
          hint={f.rupiah(activeValue)}
          className="col-span-2 lg:col-span-1"
        />
        <Stat label={t("stats.open")} value={f.number(counts.open ?? 0)} emphasis={(counts.open ?? 0) > 0} />
        <Stat label={t("stats.closed")} value={f.number(counts.closed ?? 0)} hint={t("stats.closedHint")} />
        <Stat label={t("stats.draft")} value={f.number(counts.draft ?? 0)} />
        <Stat label={t("stats.awarded")} value={f.number(counts.awarded ?? 0)} />
      </StatGrid>

      <Card
        title={t("rfqs.title")}
        description={t("rfqs.description")}
        actions={<SectionLink href={rfqRoutes.list()}>{tc("viewAll")}</SectionLink>}
      >
        {data.rfqs.length === 0 ? (
          <EmptyState title={t("rfqs.empty")} description={t("rfqs.emptyBody")} />
        ) : (
          <ResponsiveTable caption={t("rfqs.title")} minWidthClassName="sm:min-w-[42rem]">
            <thead>
              <tr>
                <th scope="col">{t("rfqs.rfq")}</th>
                <th scope="col">{t("rfqs.status")}</th>
                <th scope="col">{t("rfqs.deadline")}</th>
                <th scope="col" className="num">
                  {t("rfqs.quotes")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rfqs.map((r) => {
                const sealedAndRunning = r.sealed && r.deadline > now;
                return (
                  <tr key={r.id}>
                    <th scope="row" className="text-ink">
                      <span className="block">{r.title}</span>
                      <span className="text-xs font-normal text-muted">
                        {t("rfqs.items", { count: r._count.items })}
                        {r.deliveryRegency ? ` · ${r.deliveryRegency.name}` : ""}
                        {r.visibility === "invited" ? ` · ${t("rfqs.invitedOnly")}` : ""}
                      </span>
                    </th>
                    <td data-label={t("rfqs.status")}>
                      <div className="flex flex-wrap justify-end gap-1 sm:justify-start">
                        <Badge tone={RFQ_TONE[r.status]}>{tStatus(r.status)}</Badge>
                        {r.sealed && <Badge tone="accent">{t("rfqs.sealed")}</Badge>}
                      </div>
                    </td>
                    <td data-label={t("rfqs.deadline")}>
                      <time dateTime={r.deadline.toISOString()}>{f.dateTime(r.deadline)}</time>
                    </td>
                    <td data-label={t("rfqs.quotes")} className="num">
                      <div>
                        <span className="font-semibold">{f.number(r._count.quotes)}</span>
                        {sealedAndRunning && <span className="block text-xs text-muted">{t("rfqs.sealedHint")}</span>}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ResponsiveTable>
        )}
      </Card>

      <AgreementsCard agreements={agreements} counts={agreementCounts} values={agreementValues} perspective="buyer" />
    </div>
  );
}
