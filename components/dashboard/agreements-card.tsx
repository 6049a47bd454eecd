// The partnerships (agreements) an organization is a party to, with their value, scheme and period.
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, type BadgeTone, ResponsiveTable } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { listOwnAgreements } from "@/lib/agreements/dashboard";
import { SectionLink } from "./section-link";
import { agreementRoutes } from "@/lib/agreements/routes";

export type AgreementRow = Awaited<ReturnType<typeof listOwnAgreements>>[number];
export type AgreementStatusKey = AgreementRow["status"];

const AGREEMENT_TONE: Record<AgreementStatusKey, BadgeTone> = {
  draft: "neutral",
  proposed: "info",
  active: "success",
  completed: "brand",
  terminated: "danger",
};

const ORDER: AgreementStatusKey[] = ["active", "proposed", "draft", "completed", "terminated"];

export async function AgreementsCard({
  agreements,
  counts,
  values,
  perspective,
}: {
  agreements: AgreementRow[];
  /** Number of agreements by status (all of them, not only the listed ones). */
  counts?: Record<string, number>;
  /** Total value by status, when known (buyers). */
  values?: Record<string, bigint>;
  /** Whose side: the other party's name is shown. */
  perspective: "supplier" | "buyer";
}) {
  const t = await getTranslations("dashboard.agreements");
  const tStatus = await getTranslations("dashboard.agreementStatus");
  const tScheme = await getTranslations("schemes");
  const tc = await getTranslations("common");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const statuses = ORDER.filter((s) => (counts?.[s] ?? 0) > 0);
  const otherParty = perspective === "buyer" ? t("supplier") : t("buyer");

  return (
    <Card
      title={t("title")}
      description={t("description")}
      actions={<SectionLink href={agreementRoutes.list()}>{tc("viewAll")}</SectionLink>}
    >
      <div className="flex flex-col gap-4">
        {statuses.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label={t("byStatus")}>
            {statuses.map((s) => (
              <li key={s} className="rounded-lg border border-line bg-paper px-3 py-2 text-sm">
                <span className="font-semibold text-ink">{tStatus(s)}</span>{" "}
                <span className="text-muted tabular-nums">
                  {t("countShort", { count: counts?.[s] ?? 0 })}
                  {values?.[s] != null && <> · {f.rupiah(values[s])}</>}
                </span>
              </li>
            ))}
          </ul>
        )}
        {agreements.length === 0 ? (
          <EmptyState title={t("empty")} description={perspective === "buyer" ? t("emptyBuyer") : t("emptySupplier")} />
        ) : (
          <ResponsiveTable caption={t("title")} minWidthClassName="sm:min-w-[46rem]">
            <thead>
              <tr>
                <th scope="col">{t("agreement")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className="num">
                  {t("value")}
                </th>
                <th scope="col">{otherParty}</th>
                <th scope="col">{t("scheme")}</th>
                <th scope="col">{t("period")}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="text-ink">
                    <Link href={agreementRoutes.detail(a.id)} className="block text-brand-800 underline-offset-2 hover:underline">
                      {a.title}
                    </Link>
                    <span className="font-mono text-xs font-normal text-muted">{a.number}</span>
                  </th>
                  <td data-label={t("status")}>
                    <Badge tone={AGREEMENT_TONE[a.status]}>{tStatus(a.status)}</Badge>
                  </td>
                  <td data-label={t("value")} className="num whitespace-nowrap font-semibold">
                    {f.rupiah(a.valueIdr)}
                  </td>
                  <td data-label={otherParty}>{perspective === "buyer" ? a.supplier.name : a.buyer.name}</td>
                  <td data-label={t("scheme")}>{tScheme(`${a.scheme}.name`)}</td>
                  <td data-label={t("period")}>
                    <span>
                      <span className="whitespace-nowrap">{f.calendarDate(a.startDate)}</span> –{" "}
                      <span className="whitespace-nowrap">{f.calendarDate(a.endDate)}</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
      </div>
    </Card>
  );
}
