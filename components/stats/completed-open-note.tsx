// One line on /statistik (issue 11 item 16): how many of the completed agreements in the filter were completed
// with milestones still undelivered or unpaid, and their value — suppressed for the public while fewer than 3
// suppliers stand behind the figure; ministry and platform staff (`exact`) see it as it is.
import { getTranslations } from "next-intl/server";
import type { Formatters } from "@/lib/i18n/format";
import { getCompletedWithOpenMilestones, publicCompletedWithOpenMilestones } from "@/lib/stats/completed-open";
import type { StatsFilter } from "@/lib/stats/schemas";

export async function CompletedOpenNote({ filter, exact, f }: { filter: StatsFilter; exact: boolean; f: Formatters }) {
  const t = await getTranslations("stats.completedOpen");
  const raw = await getCompletedWithOpenMilestones(filter);
  const shown = exact ? { agreements: raw.agreements, valueIdr: raw.valueIdr, suppressed: false } : publicCompletedWithOpenMilestones(raw);
  return (
    <p className="text-sm text-muted" data-testid="completed-open">
      {shown.suppressed || shown.agreements === null || shown.valueIdr === null
        ? t("suppressed")
        : t("line", { count: shown.agreements, value: f.rupiah(shown.valueIdr) })}
    </p>
  );
}
