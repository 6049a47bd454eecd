// "RFQ yang cocok untuk Anda" on an UMKM's dashboard: open RFQs that fit, with score and reasons; for an RFQ
// the UMKM does not qualify for yet, what it needs ("a valid halal certificate, TKDN ≥ 25%") and where to fix it.
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Card, EmptyState } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { RecommendedRfq } from "@/lib/matching/service";
import { GapList } from "./gap-list";
import { ScoreMeter } from "./match-list";
import { ReasonList } from "./reason-list";
import { rfqRoutes } from "@/lib/rfqs/routes";

export async function RecommendedRfqsCard({ items }: { items: RecommendedRfq[] }) {
  const t = await getTranslations("matching");
  const locale = await getLocale();
  const f = formattersFor(locale, await getTimeZone());
  return (
    <Card title={t("dashboard.title")} description={t("dashboard.description")}>
      {items.length === 0 ? (
        <EmptyState title={t("dashboard.empty")} />
      ) : (
        <ul className="flex flex-col divide-y divide-line" aria-label={t("dashboard.title")}>
          {items.map((x) => (
            <li
              key={x.rfq.id}
              className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:justify-between"
              data-testid="recommended-rfq"
            >
              <div className="min-w-0 flex-1">
                <h3 className="text-base font-semibold text-ink">
                  <Link href={rfqRoutes.boardDetail(x.rfq.id)} className="hover:underline">
                    {x.rfq.title}
                  </Link>
                </h3>
                <p className="text-sm text-muted">
                  {t("dashboard.buyer", {
                    buyer: x.rfq.buyerName,
                    regency: x.rfq.deliveryRegencyName ?? "—",
                    deadline: f.dateTime(x.rfq.deadline),
                  })}
                </p>
                {x.qualified ? (
                  <p className="mt-1">
                    <Badge tone="success">{t("dashboard.qualified")}</Badge>
                  </p>
                ) : (
                  <div className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-950 ring-1 ring-amber-200">
                    <GapList gaps={x.gaps} />
                  </div>
                )}
                <ReasonList
                  reasons={x.reasons.slice(0, 4)}
                  locale={locale}
                  label={t("page.reasons")}
                  className="mt-2 flex flex-col gap-0.5 text-sm text-ink"
                />
              </div>
              <div className="flex shrink-0 flex-row items-center justify-between gap-3 sm:flex-col sm:items-end">
                <ScoreMeter score={x.score} label={t("page.score", { score: x.score })} />
                <ButtonLink href={rfqRoutes.boardDetail(x.rfq.id)} size="sm" variant="outline">
                  {t("dashboard.open")}
                </ButtonLink>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
