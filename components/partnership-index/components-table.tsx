// The components of one index: each figure, its weight and the points it earned (left out without data).
import { getTranslations } from "next-intl/server";
import { ResponsiveTable } from "@/components/ui";
import type { Formatters } from "@/lib/i18n/format";
import type { Scored } from "@/lib/partnership-index/score";
import type { WeightKey } from "@/lib/partnership-index/weights";

function figureOf(key: WeightKey, s: Scored, f: Formatters, t: (k: string, v?: Record<string, string | number>) => string) {
  const c = s.components;
  const pct = (x: number | null) => (x === null ? t("common.noData") : f.percent(x, { maximumFractionDigits: 1 }));
  switch (key) {
    case "onTimePayment":
      return pct(c.latePaymentShare === null ? null : 1 - c.latePaymentShare);
    case "daysToPayMedian":
      return c.daysToPayMedian === null ? t("common.noData") : t("common.days", { days: c.daysToPayMedian });
    case "daysToPayP90":
      return c.daysToPayP90 === null ? t("common.noData") : t("common.days", { days: c.daysToPayP90 });
    case "deliveryReview":
      return pct(c.deliveryReviewOnTimeShare);
    case "microSmallShare":
      return pct(c.microSmallShare);
    case "partnersMovedUp":
      return `${f.number(c.partnersMovedUp)} / ${f.number(c.partners)}`;
    case "partnerRating":
      return c.partnerRating
        ? t("common.ratingValue", { mean: f.number(c.partnerRating.mean, { maximumFractionDigits: 2 }), count: c.partnerRating.count })
        : t("common.ratingHidden");
    case "completion": {
      const ended = c.agreements.completed + c.agreements.terminated;
      return ended > 0 ? `${f.number(c.agreements.completed)} / ${f.number(ended)}` : t("common.noData");
    }
  }
}

export async function ComponentsTable({ scored, f, caption }: { scored: Scored; f: Formatters; caption: string }) {
  const t = await getTranslations("partnershipIndex");
  const keys = Object.keys(scored.parts) as WeightKey[];
  const counted = keys.filter((k) => scored.parts[k].value !== null).reduce((s, k) => s + scored.parts[k].weight, 0);
  return (
    <ResponsiveTable caption={caption} captionHidden={false} minWidthClassName="sm:min-w-[34rem]">
      <thead>
        <tr>
          <th scope="col">{t("own.componentCol")}</th>
          <th scope="col">{t("own.valueCol")}</th>
          <th scope="col" className="num">
            {t("own.weightCol")}
          </th>
          <th scope="col" className="num">
            {t("own.pointsCol")}
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const p = scored.parts[k];
          const points = p.value === null || counted === 0 ? null : (p.weight * p.value * 100) / counted;
          return (
            <tr key={k}>
              <th scope="row">{t(`component.${k}`)}</th>
              <td data-label={t("own.valueCol")}>{figureOf(k, scored, f, t)}</td>
              <td data-label={t("own.weightCol")} className="num">
                {f.number(p.weight)}
              </td>
              <td data-label={t("own.pointsCol")} className="num">
                {points === null ? t("own.excluded") : f.number(points, { maximumFractionDigits: 1 })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </ResponsiveTable>
  );
}
