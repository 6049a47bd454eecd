// GET /api/v1/notifications/unread-count: only the number of your unread notifications (one indexed count),
// for the app's bell, which asks every 30 s while the tab is visible, and for clients that poll. A bearer
// token or the browser session. `userId` (optional): the user a page was rendered for; anyone else → 403,
// so a page left open never shows the count of whoever signed in on that browser since.
import { apiRoute } from "@/lib/api/route";
import { getActor } from "@/lib/auth/session";
import { UnreadCountSchema } from "@/lib/notifications/responses";
import { getUnreadCount, unreadCountQuery } from "@/lib/notifications/service";

export const GET = apiRoute(
  {
    // "optional": a bearer token when there is one (a bad one → 401), else the browser session below.
    auth: "optional",
    query: unreadCountQuery,
    openapi: {
      method: "get",
      path: "/api/v1/notifications/unread-count",
      summary: "Count your unread notifications",
      description:
        "Only the number, without the list: cheap enough to poll (the app's bell asks every 30 seconds while the tab is visible). " +
        "With a bearer token or the browser session. `userId`, when given, must be you (403 otherwise).",
      tags: ["Notifications"],
      responses: { 200: { description: "Your unread count", schema: UnreadCountSchema } },
    },
  },
  async ({ actor, query }) => {
    return getUnreadCount(actor ?? (await getActor()), query);
  },
);
