// A bank's view: the financing requests addressed to it (and only those), by status and in a table with
// the agreement each one rests on.
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, Stat, StatGrid, type BadgeTone, ResponsiveTable } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { getBankDashboard } from "@/lib/financing/dashboard";
import { SectionLink } from "./section-link";
import { financingRoutes } from "@/lib/financing/routes";

type BankDashboard = Awaited<ReturnType<typeof getBankDashboard>>;
type FinancingStatusKey = BankDashboard["requests"][number]["status"];

const STATUS_TONE: Record<FinancingStatusKey, BadgeTone> = {
  submitted: "info",
  approved: "success",
  declined: "danger",
  withdrawn: "neutral",
};
const STATUSES: FinancingStatusKey[] = ["submitted", "approved", "declined", "withdrawn"];

export async function BankSection({ data }: { data: BankDashboard }) {
  const t = await getTranslations("dashboard.bank");
  const tStatus = await getTranslations("dashboard.financingStatus");
  const tType = await getTranslations("dashboard.financingType");
  const tc = await getTranslations("common");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const byStatus = new Map(data.byStatus.map((s) => [s.status, s]));

  return (
    <div className="flex flex-col gap-6">
      <StatGrid>
        {STATUSES.map((s) => {
          const g = byStatus.get(s);
          return (
            <Stat
              key={s}
              label={tStatus(s)}
              value={f.number(g?.count ?? 0)}
              hint={g ? f.rupiah(g.amountIdr) : undefined}
              emphasis={s === "submitted" && (g?.count ?? 0) > 0}
            />
          );
        })}
      </StatGrid>

      <Card
        title={t("requests.title")}
        description={t("requests.description")}
        actions={<SectionLink href={financingRoutes.list()}>{tc("viewAll")}</SectionLink>}
      >
        {data.requests.length === 0 ? (
          <EmptyState title={t("requests.empty")} description={t("requests.emptyBody")} />
        ) : (
          <ResponsiveTable caption={t("requests.title")} minWidthClassName="sm:min-w-[60rem]">
            <thead>
              <tr>
                <th scope="col">{t("requests.supplier")}</th>
                <th scope="col" className="num">
                  {t("requests.amount")}
                </th>
                <th scope="col">{t("requests.status")}</th>
                <th scope="col">{t("requests.type")}</th>
                <th scope="col">{t("requests.agreement")}</th>
                <th scope="col">{t("requests.buyerConfirmed")}</th>
                <th scope="col">{t("requests.submitted")}</th>
              </tr>
            </thead>
            <tbody>
              {data.requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="text-ink sm:min-w-40">
                    {r.supplier.name}
                  </th>
                  <td data-label={t("requests.amount")} className="num font-semibold whitespace-nowrap">
                    {f.rupiah(r.amountIdr)}
                  </td>
                  <td data-label={t("requests.status")}>
                    <Badge tone={STATUS_TONE[r.status]}>{tStatus(r.status)}</Badge>
                  </td>
                  <td data-label={t("requests.type")}>{tType(r.type)}</td>
                  <td data-label={t("requests.agreement")} className="sm:min-w-56">
                    <div>
                      <span className="block">{r.agreement.buyer.name}</span>
                      <Link
                        href={financingRoutes.detail(r.id)}
                        className="block font-mono text-xs text-brand-800 underline underline-offset-2"
                      >
                        {r.agreement.number}
                      </Link>
                      <span className="block text-xs text-muted">
                        {t("requests.agreementValue", { value: f.rupiah(r.agreement.valueIdr) })} · {f.calendarDate(r.agreement.startDate)}{" "}
                        – {f.calendarDate(r.agreement.endDate)}
                      </span>
                    </div>
                  </td>
                  <td data-label={t("requests.buyerConfirmed")} className="whitespace-nowrap">
                    {r.buyerConfirmedAt ? f.date(r.buyerConfirmedAt) : t("requests.notConfirmed")}
                  </td>
                  <td data-label={t("requests.submitted")} className="whitespace-nowrap">
                    {f.date(r.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
      </Card>
    </div>
  );
}
