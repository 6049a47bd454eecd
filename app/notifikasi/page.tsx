// /notifikasi — the signed-in user's notifications, newest first: unread ones highlighted (and labelled "Baru"),
// each opens the page it is about and is marked read on the way (a form posting to a server action: works by
// keyboard and without JavaScript), "Tandai semua dibaca", an unread filter and older pages by cursor.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Container, EmptyState, PageHeader, SubmitButton, cn } from "@/components/ui";
import { NotificationList } from "@/components/notifications/notification-list";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { isDomainError } from "@/lib/errors";
import { markAllReadFormAction, openNotificationAction } from "@/lib/notifications/actions";
import { notificationRoutes } from "@/lib/notifications/routes";
import { countUnread, listNotifications, type NotificationView } from "@/lib/notifications/service";
import type { Page } from "@/lib/api/pagination";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.page");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function NotificationsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireSignedIn(notificationRoutes.list());
  const [t, tp, locale, sp] = await Promise.all([
    getTranslations("notifications.page"),
    getTranslations("notifications.preferences"),
    getLocale(),
    searchParams,
  ]);
  const unreadOnly = sp.tampilkan === "belum-dibaca";
  const cursor = typeof sp.cursor === "string" ? sp.cursor : undefined;

  let page: Page<NotificationView>;
  try {
    page = await listNotifications(actor, { limit: 20, cursor, unread: unreadOnly ? "true" : "false" }, locale);
  } catch (err) {
    // A cursor edited by hand: start from the newest.
    if (isDomainError(err) && err.code === "invalid_input") redirect(notificationRoutes.list({ unreadOnly }));
    throw err;
  }
  const unread = await countUnread(actor);
  const tab = (active: boolean) =>
    cn(
      "inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium",
      active ? "bg-brand-700 text-white" : "text-ink hover:bg-stone-100",
    );

  return (
    <Container className="flex flex-col gap-5 py-8">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          unread > 0 ? (
            <form action={markAllReadFormAction}>
              <SubmitButton variant="outline">{t("markAll")}</SubmitButton>
            </form>
          ) : undefined
        }
        className="pb-0"
      />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("filter")} className="flex gap-1">
          <Link href={notificationRoutes.list()} className={tab(!unreadOnly)} aria-current={!unreadOnly ? "page" : undefined}>
            {t("all")}
          </Link>
          <Link
            href={notificationRoutes.list({ unreadOnly: true })}
            className={tab(unreadOnly)}
            aria-current={unreadOnly ? "page" : undefined}
          >
            {t("unread")}
          </Link>
        </nav>
        <p className="text-sm text-muted" data-testid="unread-summary">
          {t("unreadCount", { count: unread })}
        </p>
      </div>
      <Link
        href={notificationRoutes.preferences()}
        className="inline-flex min-h-11 items-center self-start font-medium text-brand-700 underline underline-offset-4"
      >
        {tp("link")}
      </Link>

      {page.data.length === 0 ? (
        <EmptyState title={unreadOnly ? t("emptyUnread") : t("empty")} description={unreadOnly ? t("emptyUnreadBody") : t("emptyBody")} />
      ) : (
        <NotificationList items={page.data} openAction={openNotificationAction} locale={locale} />
      )}

      {(page.nextCursor || cursor) && (
        <div className="flex flex-wrap justify-between gap-3">
          {cursor ? (
            <Link
              href={notificationRoutes.list({ unreadOnly })}
              className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4"
            >
              {t("newest")}
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link
              href={notificationRoutes.list({ unreadOnly, cursor: page.nextCursor })}
              className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4"
            >
              {t("older")}
            </Link>
          )}
        </div>
      )}
    </Container>
  );
}
