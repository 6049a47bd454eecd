// GET /api/v1/notifications: your own notifications, newest first (cursor-paged; `unread=true` for unread only),
// with the unread count. Notifications belong to the user, whichever organization the token acts for.
import { apiRoute } from "@/lib/api/route";
import { NotificationPageSchema } from "@/lib/notifications/responses";
import { countUnread, listNotifications, notificationListQuery } from "@/lib/notifications/service";

export const GET = apiRoute(
  {
    auth: "required",
    query: notificationListQuery,
    openapi: {
      method: "get",
      path: "/api/v1/notifications",
      summary: "List your notifications",
      description:
        "Newest first. Titles and bodies are in the language of Accept-Language. `unread=true` lists only unread ones; " +
        "`unreadCount` counts all of them.",
      tags: ["Notifications"],
      responses: { 200: { description: "A page of notifications", schema: NotificationPageSchema } },
    },
  },
  async ({ actor, query, locale }) => {
    const [page, unreadCount] = await Promise.all([
      listNotifications(actor, { limit: query.limit, cursor: query.cursor, unread: query.unread ? "true" : "false" }, locale),
      countUnread(actor),
    ]);
    return { ...page, unreadCount };
  },
);
