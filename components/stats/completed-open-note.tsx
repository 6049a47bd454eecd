// One line on /statistik (issue 11 item 16): how many of the completed agreements were completed with
// milestones still undelivered or unpaid, and their value. Ministry and platform staff see it for the filter;
// the public sees the national, all-period figure (said so), suppressed while fewer than 3 suppliers stand
// behind it (item 13; computed in lib/stats/overview.ts).
import { getTranslations } from "next-intl/server";
import type { Formatters } from "@/lib/i18n/format";
import type { StatisticsOverview } from "@/lib/stats/overview";

export async function CompletedOpenNote({ shown, f }: { shown: StatisticsOverview["completedOpen"]; f: Formatters }) {
  const t = await getTranslations("stats.completedOpen");
  return (
    <p className="text-sm text-muted" data-testid="completed-open">
      {shown.suppressed || shown.agreements === null || shown.valueIdr === null
        ? t("suppressed")
        : t("line", { count: shown.agreements, value: f.rupiah(shown.valueIdr) })}
      {shown.scope === "national" ? ` ${t("national")}` : ""}
    </p>
  );
}
