// The buyer's RFQ sub-navigation: summary (/rfq/[id]), quotes (/rfq/[id]/bandingkan), matches
// (/rfq/[id]/pencocokan) and history (/rfq/[id]/riwayat). A server component; each RFQ page renders it with
// its own tab active. On a phone the bar scrolls sideways instead of wrapping.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { rfqRoutes } from "@/lib/rfqs/routes";

export type RfqTab = "summary" | "quotes" | "matches" | "history";

const TABS: { key: RfqTab; href: (id: string) => string }[] = [
  { key: "summary", href: (id) => rfqRoutes.detail(id) },
  { key: "quotes", href: rfqRoutes.compare },
  { key: "matches", href: rfqRoutes.matching },
  { key: "history", href: rfqRoutes.history },
];

export async function RfqTabs({ rfqId, active }: { rfqId: string; active: RfqTab }) {
  const t = await getTranslations("rfqs.tabs");
  return (
    <nav aria-label={t("label")} className="mb-6 -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-stone-200">
        {TABS.map((tab) => {
          const current = tab.key === active;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href(rfqId)}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 ${
                  current ? "border-brand-700 text-brand-800" : "border-transparent text-muted hover:border-stone-300 hover:text-ink"
                }`}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
