// The ranking of firms by Indeks Kemitraan. `detailed`: ministry staff (every component); otherwise the public
// columns (grade, score, partners, late payments, reviews on time), and no figures for a firm with fewer than 3
// UMKM partners (the disclosure rule).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResponsiveTable } from "@/components/ui";
import type { Formatters } from "@/lib/i18n/format";
import type { RankingRow } from "@/lib/partnership-index/ranking";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { GradeBadge } from "./grade-badge";

export async function RankingTable({
  rows,
  f,
  caption,
  detailed,
}: {
  rows: RankingRow[];
  f: Formatters;
  caption: string;
  detailed: boolean;
}) {
  const t = await getTranslations("partnershipIndex");
  const pct = (x: number | null) => (x === null ? "—" : f.percent(x, { maximumFractionDigits: 1 }));
  return (
    <ResponsiveTable caption={caption} captionHidden={false} minWidthClassName={detailed ? "sm:min-w-[64rem]" : "sm:min-w-[40rem]"}>
      <thead>
        <tr>
          <th scope="col" className="num">
            {t("common.rank")}
          </th>
          <th scope="col">{t("common.firm")}</th>
          <th scope="col">{t("common.ownership")}</th>
          {detailed && <th scope="col">{t("common.province")}</th>}
          <th scope="col">{t("common.grade")}</th>
          <th scope="col" className="num">
            {t("common.score")}
          </th>
          <th scope="col" className="num">
            {t("csv.partners")}
          </th>
          {detailed && (
            <th scope="col" className="num">
              {t("csv.valueIdr")}
            </th>
          )}
          <th scope="col" className="num">
            {t("csv.daysToPayMedian")}
          </th>
          <th scope="col" className="num">
            {t("csv.latePaymentShare")}
          </th>
          <th scope="col" className="num">
            {t("csv.deliveryReviewOnTimeShare")}
          </th>
          {detailed && (
            <th scope="col" className="num">
              {t("csv.partnerRating")}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const withheld = !detailed && !r.enoughData;
          const c = r.components;
          return (
            <tr key={r.buyer.id}>
              <td data-label={t("common.rank")} className="num">
                {r.rank ?? "—"}
              </td>
              {/* on a phone the firm is the card's title, above its rank */}
              <th scope="row" className="max-sm:order-first">
                <Link className="text-brand-800 underline" href={partnershipIndexRoutes.buyer(r.buyer.id)}>
                  {r.buyer.name}
                </Link>
              </th>
              <td data-label={t("common.ownership")}>{r.buyer.isStateOwned ? t("common.bumn") : t("common.private")}</td>
              {detailed && <td data-label={t("common.province")}>{r.buyer.provinceName ?? "—"}</td>}
              <td data-label={t("common.grade")}>{withheld ? t("public.withheld") : <GradeBadge grade={r.grade} />}</td>
              <td data-label={t("common.score")} className="num">
                {withheld || r.score === null ? "—" : f.number(r.score, { maximumFractionDigits: 1 })}
              </td>
              <td data-label={t("csv.partners")} className="num">
                {withheld ? "—" : f.number(c.partners)}
              </td>
              {detailed && (
                <td data-label={t("csv.valueIdr")} className="num">
                  {f.rupiahCompact(c.valueIdr)}
                </td>
              )}
              <td data-label={t("csv.daysToPayMedian")} className="num">
                {withheld || c.daysToPayMedian === null ? "—" : t("common.days", { days: c.daysToPayMedian })}
              </td>
              <td data-label={t("csv.latePaymentShare")} className="num">
                {withheld ? "—" : `${pct(c.latePaymentShare)} (${f.number(r.counts.paymentsLate)}/${f.number(r.counts.paymentsCounted)})`}
              </td>
              <td data-label={t("csv.deliveryReviewOnTimeShare")} className="num">
                {withheld ? "—" : pct(c.deliveryReviewOnTimeShare)}
              </td>
              {detailed && (
                <td data-label={t("csv.partnerRating")} className="num">
                  {c.partnerRating ? f.number(c.partnerRating.mean, { maximumFractionDigits: 2 }) : "—"}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </ResponsiveTable>
  );
}
