// A user's notification preferences: which kinds (lib/notifications/kinds.ts) they see in the app and receive
// by e-mail. Stored as opt-outs (NotificationPreference, one row per kind changed; no row = both on), read
// by notify() in the sender's transaction so every sender obeys them, and edited by the user alone
// (/notifikasi/pengaturan, /api/v1/notifications/preferences). Mandatory kinds (security, invitations to an
// organization) cannot be turned off: a request to do so is refused (400) and notify() ignores stored rows for
// them. Like read marks, preferences are the user's own view state: no audit entry
// (docs/decisions/0021-notification-preferences.md).
import "server-only";
import { fieldErrors } from "@/lib/auth/schemas";
import type { Actor } from "@/lib/auth/types";
import { db, type Prisma } from "@/lib/db";
import { invalidInput, unauthorized } from "@/lib/errors";
import { isMandatoryKind, NOTIFICATION_KINDS, notificationKind, type NotificationKind } from "./kinds";
import { preferencesUpdateSchema, type PreferencesUpdate } from "./schemas";

export interface KindPreference {
  kind: NotificationKind;
  /** Cannot be turned off (both channels always on). */
  mandatory: boolean;
  inApp: boolean;
  email: boolean;
}

function requireUser(actor: Actor | null): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

/** Every kind with the actor's setting for each channel (always the actor's own: the user comes from the session or token). */
export async function getNotificationPreferences(actor: Actor | null): Promise<KindPreference[]> {
  const a = requireUser(actor);
  const rows = await db.notificationPreference.findMany({ where: { userId: a.user.id }, select: { kind: true, inApp: true, email: true } });
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => {
    const mandatory = isMandatoryKind(kind);
    const row = mandatory ? undefined : byKind.get(kind);
    return { kind, mandatory, inApp: row?.inApp ?? true, email: row?.email ?? true };
  });
}

/** Changes the actor's own settings for the kinds given; returns all of them. */
export async function updateNotificationPreferences(actor: Actor | null, input: PreferencesUpdate): Promise<KindPreference[]> {
  const a = requireUser(actor);
  const parsed = preferencesUpdateSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  const { preferences } = parsed.data;
  const refused = preferences.filter((p) => isMandatoryKind(p.kind) && (p.inApp === false || p.email === false));
  if (refused.length) throw invalidInput({ preferences: ["notifications.preferences.errors.mandatory"] });
  await db.$transaction(async (tx) => {
    for (const p of preferences) {
      if (isMandatoryKind(p.kind)) continue;
      const current = await tx.notificationPreference.findUnique({ where: { userId_kind: { userId: a.user.id, kind: p.kind } } });
      const inApp = p.inApp ?? current?.inApp ?? true;
      const email = p.email ?? current?.email ?? true;
      if (inApp && email) await tx.notificationPreference.deleteMany({ where: { userId: a.user.id, kind: p.kind } });
      else {
        await tx.notificationPreference.upsert({
          where: { userId_kind: { userId: a.user.id, kind: p.kind } },
          create: { userId: a.user.id, kind: p.kind, inApp, email },
          update: { inApp, email },
        });
      }
    }
  });
  return getNotificationPreferences(a);
}

type PreferenceTx = Pick<Prisma.TransactionClient, "notificationPreference">;

/**
 * For notify(): which of `userIds` turned a channel off for this notification type (in the sender's
 * transaction). Users missing from the answer get both channels; a mandatory or unknown kind → nobody opted out.
 */
export async function optOuts(tx: PreferenceTx, type: string, userIds: string[]): Promise<Map<string, { inApp: boolean; email: boolean }>> {
  const kind = notificationKind(type);
  if (!kind || isMandatoryKind(kind) || userIds.length === 0) return new Map();
  const rows = await tx.notificationPreference.findMany({
    where: { kind, userId: { in: userIds } },
    select: { userId: true, inApp: true, email: true },
  });
  return new Map(rows.map((r) => [r.userId, { inApp: r.inApp, email: r.email }]));
}
