// The organization's recent activity (issue 17): each entry a sentence in the reader's language naming and
// linking what it is about (lib/organizations/activity.ts), who did it, when.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { ActivitySentenceText } from "./activity-sentence";
import { formattersFor } from "@/lib/i18n/format";
import type { ActivityEntry } from "@/lib/organizations/activity";

export async function AuditLogCard({ entries }: { entries: ActivityEntry[] }) {
  const t = await getTranslations("dashboard.audit");
  const f = formattersFor(await getLocale(), await getTimeZone());
  return (
    <Card title={t("title")} description={t("description")}>
      {entries.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col divide-y divide-line">
          {entries.map((e) => {
            return (
              <li key={e.id} className="flex flex-col gap-0.5 py-2.5 first:pt-0 last:pb-0" data-action={e.action}>
                <ActivitySentenceText sentence={e.sentence} />
                {e.note && <span className="text-sm whitespace-pre-line text-ink">“{e.note}”</span>}
                <span className="text-sm text-muted">
                  {e.sealed ? t("bySealedSupplier") + " · " : e.actorName ? t("byWhom", { name: e.actorName }) + " · " : ""}
                  <time dateTime={e.createdAt.toISOString()}>{f.dateTime(e.createdAt)}</time>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
