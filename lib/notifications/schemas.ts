// zod inputs of the notification settings (the /notifikasi/pengaturan form, its server action and
// PUT /api/v1/notifications/preferences share them).
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import { isMandatoryKind, NOTIFICATION_KINDS } from "./kinds";

const kind = z.enum(NOTIFICATION_KINDS, { error: "errors.field.invalidChoice" });
const flag = z.boolean({ error: "errors.field.invalidChoice" });

/** One kind's channels; a channel left out keeps its current setting. */
const preferenceChangeSchema = z
  .object({
    kind: kind.openapi({ example: "certificates" }),
    inApp: flag.optional().openapi({ description: "Show it under /notifikasi (and the bell)." }),
    email: flag.optional().openapi({ description: "Send it by e-mail too." }),
  })
  .strict();

/** PUT body: the kinds to change (others keep their settings). Turning off a mandatory kind → 400. */
export const preferencesUpdateSchema = z
  .object({
    preferences: z
      .array(preferenceChangeSchema)
      .min(1, "errors.field.required")
      .max(NOTIFICATION_KINDS.length * 2, "errors.field.tooLong"),
  })
  .strict()
  .openapi("NotificationPreferencesUpdate");
export type PreferencesUpdate = z.infer<typeof preferencesUpdateSchema>;

const kindList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(kind).max(NOTIFICATION_KINDS.length * 2, "errors.field.tooLong"),
);

/**
 * The settings form: `kinds[]` lists the kinds the form showed (hidden fields), `inApp[]` / `email[]` the
 * checked boxes (an unchecked box sends nothing, so "shown but not checked" means off). Mandatory kinds are
 * shown as disabled, always-checked boxes (a disabled box sends nothing): the form never changes them.
 */
export const preferencesFormSchema = z
  .object({ kinds: kindList, inApp: kindList, email: kindList })
  .transform(({ kinds, inApp, email }): PreferencesUpdate => ({
    preferences: [...new Set(kinds)]
      .filter((k) => !isMandatoryKind(k))
      .map((k) => ({ kind: k, inApp: inApp.includes(k), email: email.includes(k) })),
  }));
