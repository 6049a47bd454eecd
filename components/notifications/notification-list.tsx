// The list on /notifikasi. Each notification is a form whose one button opens it: the server action marks it
// read and redirects to the page it is about. Unread ones have a tinted background, a bold title and a "Baru"
// badge (the word carries the meaning; colour only reinforces it).
import { getTimeZone, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/config";
import type { NotificationView } from "@/lib/notifications/service";

export async function NotificationList({
  items,
  openAction,
  locale,
}: {
  items: NotificationView[];
  openAction: (formData: FormData) => Promise<void>;
  locale: string;
}) {
  const t = await getTranslations("notifications.page");
  const l = isLocale(locale) ? locale : "id";
  const zone = await getTimeZone(); // the viewer's organization's (lib/i18n/time-zone.ts)
  return (
    <ul aria-label={t("listLabel")} className="flex flex-col overflow-hidden rounded-card border border-line bg-surface shadow-sm">
      {items.map((n) => (
        <li key={n.id} className="border-b border-line last:border-b-0" data-unread={n.read ? undefined : "true"}>
          <form action={openAction}>
            <input type="hidden" name="id" value={n.id} />
            <button
              type="submit"
              className={`flex w-full items-start gap-3 px-4 py-4 text-left hover:bg-brand-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 sm:px-5 ${n.read ? "" : "bg-accent-50/70"}`}
            >
              <span aria-hidden="true" className={`mt-2 size-2.5 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-red-700"}`} />
              <span className="flex min-w-0 flex-1 flex-col gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className={`break-words text-ink ${n.read ? "font-medium" : "font-bold"}`}>{n.title}</span>
                  {!n.read && <Badge tone="danger">{t("new")}</Badge>}
                </span>
                <span className="break-words text-sm text-stone-700">{n.body}</span>
                <span className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
                  <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, l, zone)}</time>
                  {n.organization && <span>{t("concerns", { organization: n.organization.name })}</span>}
                </span>
              </span>
              {n.link && (
                <span className="mt-0.5 hidden shrink-0 text-sm font-semibold text-brand-700 sm:inline" aria-hidden="true">
                  {t("open")} →
                </span>
              )}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
