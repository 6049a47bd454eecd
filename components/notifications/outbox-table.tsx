// The outbox on /admin/kotak-keluar: one entry per email (recipient, subject, status, attempts, times, last
// error) with its full text behind a <details> disclosure. Stacks on phones.
import { getTimeZone, getTranslations } from "next-intl/server";
import { Badge, EmptyState, type BadgeTone } from "@/components/ui";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/config";
import type { OutboxRow } from "@/lib/notifications/outbox-admin";

const TONE: Record<OutboxRow["status"], BadgeTone> = { pending: "info", sending: "warning", sent: "success", failed: "danger" };

export async function OutboxTable({ rows, locale }: { rows: OutboxRow[]; locale: string }) {
  const t = await getTranslations("notifications.outbox");
  const l = isLocale(locale) ? locale : "id";
  const zone = await getTimeZone(); // the viewer's organization's (lib/i18n/time-zone.ts)
  if (rows.length === 0) return <EmptyState title={t("empty")} description={t("emptyBody")} />;
  return (
    <ul aria-label={t("title")} className="flex flex-col gap-3">
      {rows.map((m) => (
        <li key={m.id} className="rounded-card border border-line bg-surface p-4 shadow-sm" data-testid="outbox-row">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="font-semibold break-words text-ink">{m.subject}</p>
              <p className="text-sm break-all text-muted">
                {t("to")}: {m.to}
              </p>
            </div>
            <Badge tone={TONE[m.status]}>{t(`statuses.${m.status}`)}</Badge>
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">{t("createdAt")}</dt>
            <dd>{formatDateTime(m.createdAt, l, zone)}</dd>
            <dt className="text-muted">{t("attempts")}</dt>
            <dd>
              {m.attempts}
              {m.status === "sent" && m.sentAt && (
                <span className="text-muted"> · {t("sentAt", { time: formatDateTime(m.sentAt, l, zone) })}</span>
              )}
              {m.status === "pending" && m.attempts > 0 && (
                <span className="text-muted"> · {t("nextTry", { time: formatDateTime(m.sendAfter, l, zone) })}</span>
              )}
            </dd>
            {m.lastError && (
              <>
                <dt className="text-muted">{t("error")}</dt>
                <dd className="break-words text-red-800">{m.lastError}</dd>
              </>
            )}
          </dl>
          <details className="mt-2">
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
              {t("showText")}
            </summary>
            <pre className="mt-1 overflow-x-auto rounded-lg bg-paper p-3 text-sm break-words whitespace-pre-wrap text-ink">{m.text}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
