// The bell in the app header: a link to /notifikasi with the unread count. Its accessible name says the count
// ("Notifikasi, 3 belum dibaca"); the number badge is decoration for sighted users. Server component: the
// count is read for the signed-in user on every render of the layout (server actions that mark read
// revalidate the layout, so it drops at once).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { countUnread } from "@/lib/notifications/service";

export async function NotificationBell() {
  const actor = await getActor();
  if (!actor) return null;
  const [t, count] = await Promise.all([getTranslations("notifications.bell"), countUnread(actor)]);
  return (
    <Link
      href="/notifikasi"
      aria-label={t("label", { count })}
      data-testid="notification-bell"
      className="relative inline-flex size-11 items-center justify-center rounded-lg text-ink hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute top-1 right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-[0.7rem] leading-none font-bold text-white ring-2 ring-surface"
        >
          {count > 99 ? t("overflow") : count}
        </span>
      )}
    </Link>
  );
}
