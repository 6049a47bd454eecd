// Response shapes of /api/v1/notifications (the OpenAPI document is generated from them; the integration
// tests check real responses against them).
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas

const timestamp = z.iso.datetime({ offset: true });

export const NotificationSchema = z
  .object({
    id: z.string(),
    type: z.string().openapi({ example: "rfq.invited", description: "What happened; see docs/api.md for the list." }),
    title: z.string().openapi({ description: "In the language of Accept-Language (id default, en)." }),
    body: z.string(),
    link: z.string().nullable().openapi({ example: "/papan-rfq/clx…", description: "Path inside the app, when there is a page to open." }),
    read: z.boolean(),
    readAt: timestamp.nullable(),
    createdAt: timestamp,
    organization: z.object({ id: z.string(), name: z.string() }).nullable().openapi({ description: "The organization it concerns." }),
  })
  .openapi("Notification");

export const NotificationPageSchema = z
  .object({
    data: z.array(NotificationSchema),
    nextCursor: z.string().nullable(),
    unreadCount: z.number().int().openapi({ description: "All of your unread notifications (not only this page)." }),
  })
  .openapi("NotificationPage");

export const ReadAllResponseSchema = z.object({ updated: z.number().int(), unreadCount: z.literal(0) }).openapi("NotificationsReadAll");

export const UnreadCountSchema = z
  .object({ unreadCount: z.number().int().openapi({ example: 3, description: "All of your unread notifications." }) })
  .openapi("NotificationsUnreadCount");
