// POST /api/v1/notifications/{id}/read: mark one of your notifications read (someone else's is 404).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { NotificationSchema } from "@/lib/notifications/responses";
import { markNotificationRead, notificationIdSchema } from "@/lib/notifications/service";

export const POST = apiRoute(
  {
    auth: "required",
    params: z.object({ id: notificationIdSchema }),
    openapi: {
      method: "post",
      path: "/api/v1/notifications/{id}/read",
      summary: "Mark a notification read",
      description: "Idempotent by nature: marking a read notification again keeps the first readAt.",
      tags: ["Notifications"],
      responses: { 200: { description: "The notification, now read", schema: NotificationSchema } },
    },
  },
  ({ actor, params, locale }) => markNotificationRead(actor, params.id, locale),
);
