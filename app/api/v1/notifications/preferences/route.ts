// GET/PUT /api/v1/notifications/preferences: your own notification settings — per kind, in the app and by
// e-mail (issue 16; docs/decisions/0021-notification-preferences.md). Always the caller's own: the user comes
// from the token, never from the request. Turning off a mandatory kind → 400, nothing changed.
import { apiRoute } from "@/lib/api/route";
import { getNotificationPreferences, updateNotificationPreferences } from "@/lib/notifications/preferences";
import { NotificationPreferencesSchema } from "@/lib/notifications/responses";
import { preferencesUpdateSchema } from "@/lib/notifications/schemas";

export const GET = apiRoute(
  {
    auth: "required",
    openapi: {
      method: "get",
      path: "/api/v1/notifications/preferences",
      summary: "Read your notification settings",
      description:
        "Every notification kind, whether it is mandatory, and whether you get it in the app and by e-mail " +
        "(both on unless you turned them off).",
      tags: ["Notifications"],
      responses: { 200: { description: "Your settings", schema: NotificationPreferencesSchema } },
    },
  },
  async ({ actor }) => ({ data: await getNotificationPreferences(actor) }),
);

export const PUT = apiRoute(
  {
    auth: "required",
    body: preferencesUpdateSchema,
    openapi: {
      method: "put",
      path: "/api/v1/notifications/preferences",
      summary: "Change your notification settings",
      description:
        "Sets `inApp` and/or `email` for the kinds listed; kinds not listed and channels left out keep their setting. " +
        "Turning off a mandatory kind (`security`, `team`) → 400 and nothing changes. Takes effect for notifications sent from then on.",
      tags: ["Notifications"],
      responses: { 200: { description: "All your settings after the change", schema: NotificationPreferencesSchema } },
    },
  },
  async ({ actor, body }) => ({ data: await updateNotificationPreferences(actor, body) }),
);
