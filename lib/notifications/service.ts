// A signed-in user's own notifications: the list (newest first, cursor-paged, rendered in the viewer's
// language), the unread count for the bell, and marking one or all read. Every query has the user in its
// `where`: someone else's notification is "not found" (404), exactly like a missing one.
//
// Notifications belong to a person, not to an organization: the list shows all of the user's notifications
// whichever organization they are acting for (each row says which organization it concerns). Marking read is
// the reader's own view state, not a change to shared business data, so it writes no audit entry (ADR 0013).
//
// Used by the bell (components/notifications, refreshed through /api/v1/notifications/unread-count), /notifikasi
// (app/notifikasi/actions.ts) and /api/v1/notifications.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/types";
import { decodeCursor, paginate, paginationQuery, type Page, cursorInstant } from "@/lib/api/pagination";
import { db, Prisma } from "@/lib/db";
import { forbidden, notFound, unauthorized } from "@/lib/errors";
import { renderNotification } from "./notify";
import { timeZoneForProvince } from "@/lib/i18n/format";

/** Query of the list (UI and API): `limit`, `cursor`, `unread=true`. */
export const notificationListQuery = paginationQuery.extend({
  unread: z
    .enum(["true", "false", "1", "0"], { error: "errors.field.invalidChoice" })
    .optional()
    .transform((v) => v === "true" || v === "1"),
});
export type NotificationListQuery = z.input<typeof notificationListQuery>;

/** A notification id as it can come from a form or a URL. */
export const notificationIdSchema = z.string().trim().min(1, "errors.notFound").max(100, "errors.notFound");

const notificationSelect = {
  id: true,
  type: true,
  params: true,
  link: true,
  readAt: true,
  createdAt: true,
  organization: { select: { id: true, name: true, regencyCode: true } },
} satisfies Prisma.NotificationSelect;

type Row = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

/** A notification as the UI and the API show it (title and body already in the reader's language). */
export interface NotificationView {
  id: string;
  type: string;
  title: string;
  body: string;
  /** Path inside the app ("/papan-rfq/…"), or null. */
  link: string | null;
  read: boolean;
  readAt: Date | null;
  createdAt: Date;
  /** The organization it concerns, when any. */
  organization: { id: string; name: string } | null;
}

/** Times in the body read on the clock of the organization the notification is for (as its e-mail did). */
function toNotificationView(row: Row, locale: string): NotificationView {
  const { title, body } = renderNotification(locale, row.type, row.params, timeZoneForProvince(row.organization?.regencyCode));
  return {
    id: row.id,
    type: row.type,
    title,
    body,
    link: safeLink(row.link),
    read: row.readAt !== null,
    readAt: row.readAt,
    createdAt: row.createdAt,
    organization: row.organization && { id: row.organization.id, name: row.organization.name },
  };
}

/** Only paths inside the app are followed (a stored link is never an open redirect). */
export function safeLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.includes("\\")) return null;
  return link;
}

function requireUser(actor: Actor | null): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

const cursorKeys = z.tuple([cursorInstant, z.string()]);

/** The actor's notifications, newest first; `unread` keeps only unread ones. Rendered in `locale` (default: the user's). */
export async function listNotifications(
  actor: Actor | null,
  query: NotificationListQuery = {},
  locale?: string,
): Promise<Page<NotificationView>> {
  const a = requireUser(actor);
  const q = notificationListQuery.parse(query);
  const after = decodeCursor(q.cursor, cursorKeys);
  const rows = await db.notification.findMany({
    where: {
      userId: a.user.id,
      ...(q.unread ? { readAt: null } : {}),
      ...(after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    select: notificationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = paginate(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  const l = locale ?? a.user.locale;
  return { data: page.data.map((r) => toNotificationView(r, l)), nextCursor: page.nextCursor };
}

/** How many of the actor's notifications are unread (0 when signed out: the bell is simply not shown). */
export async function countUnread(actor: Actor | null): Promise<number> {
  if (!actor) return 0;
  return db.notification.count({ where: { userId: actor.user.id, readAt: null } });
}

/** Query of the unread count: `userId`, the user a page was rendered for (optional). */
export const unreadCountQuery = z.object({
  userId: z.string().trim().min(1, "errors.field.required").max(100, "errors.field.tooLong").optional(),
});
export type UnreadCountQuery = z.input<typeof unreadCountQuery>;

/**
 * The actor's unread count, for the bell that refreshes itself while a page is open (and for API clients
 * that only want the number): one count on the (userId, readAt) index. The user comes from the session or
 * token, never from the request. `userId` is who the page was rendered for: when the browser has since
 * signed in as someone else, that page must not show the new user's count → 403 (the bell stops).
 * Signed out → 401.
 */
export async function getUnreadCount(actor: Actor | null, query: UnreadCountQuery = {}): Promise<{ unreadCount: number }> {
  const a = requireUser(actor);
  const q = unreadCountQuery.parse(query);
  if (q.userId !== undefined && q.userId !== a.user.id) throw forbidden("errors.notifications.otherUser");
  return { unreadCount: await countUnread(a) };
}

/** Marks one of the actor's notifications read (already read: unchanged). Someone else's → not found. */
export async function markNotificationRead(actor: Actor | null, id: string, locale?: string): Promise<NotificationView> {
  const a = requireUser(actor);
  const parsed = notificationIdSchema.safeParse(id);
  if (!parsed.success) throw notFound();
  const now = new Date();
  // Conditional update: only the owner's row, only while unread (a second click keeps the first time).
  await db.notification.updateMany({ where: { id: parsed.data, userId: a.user.id, readAt: null }, data: { readAt: now } });
  const row = await db.notification.findFirst({ where: { id: parsed.data, userId: a.user.id }, select: notificationSelect });
  if (!row) throw notFound();
  return toNotificationView(row, locale ?? a.user.locale);
}

/** Marks all of the actor's unread notifications read; returns how many changed. */
export async function markAllNotificationsRead(actor: Actor | null): Promise<{ updated: number }> {
  const a = requireUser(actor);
  const r = await db.notification.updateMany({ where: { userId: a.user.id, readAt: null }, data: { readAt: new Date() } });
  return { updated: r.count };
}
