// POST /api/v1/notifications/read-all: mark all of your unread notifications read.
import { apiRoute } from "@/lib/api/route";
import { ReadAllResponseSchema } from "@/lib/notifications/responses";
import { markAllNotificationsRead } from "@/lib/notifications/service";

export const POST = apiRoute(
  {
    auth: "required",
    openapi: {
      method: "post",
      path: "/api/v1/notifications/read-all",
      summary: "Mark all your notifications read",
      tags: ["Notifications"],
      responses: { 200: { description: "How many changed", schema: ReadAllResponseSchema } },
    },
  },
  async ({ actor }) => ({ ...(await markAllNotificationsRead(actor)), unreadCount: 0 as const }),
);
