// The history card of the admin's organization and user pages (issue 17 item 2): sentences, not action keys.
import { getFormatter, getTranslations } from "next-intl/server";
import { ActivitySentenceText } from "@/components/dashboard/activity-sentence";
import type { AdminHistoryEntry } from "@/lib/admin/history";

export async function AdminHistoryList({ entries }: { entries: AdminHistoryEntry[] }) {
  const t = await getTranslations("dashboard.audit");
  const format = await getFormatter();
  if (entries.length === 0) return <p className="text-sm">{t("empty")}</p>;
  return (
    <ol className="flex flex-col divide-y divide-line text-sm">
      {entries.map((h) => (
        <li key={h.id} className="flex flex-col gap-0.5 py-2 first:pt-0 last:pb-0" data-action={h.action}>
          <ActivitySentenceText sentence={h.sentence} />
          {h.note && <span className="whitespace-pre-line text-ink">“{h.note}”</span>}
          <span className="text-muted">
            {h.actorName && `${t("byWhom", { name: h.actorName })} · `}
            <time dateTime={h.createdAt.toISOString()}>{format.dateTime(h.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}
