// An organization's or a user's history as platform admins read it (/admin/organisasi/[id],
// /admin/pengguna/[id]; issue 17 item 2): each audit entry a sentence in the admin's language naming what it
// is about (lib/audit/describe.ts with `oversight`: named, linked only to admin and public pages), who did it
// and when — never a raw action key.
import "server-only";
import { describeAuditEntries, entryText, type ActivitySentence } from "@/lib/audit/describe";
import type { Actor } from "@/lib/auth/types";

export interface AdminHistoryRow {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  createdAt: Date;
  data: unknown;
  actor: { name: string } | null;
}

export interface AdminHistoryEntry {
  id: string;
  action: string;
  createdAt: Date;
  sentence: ActivitySentence;
  actorName: string | null;
  /** A return note or a resubmission's message, when the entry carries one. */
  note: string | null;
}

/** What the admin history pages read of each audit entry. */
export const ADMIN_HISTORY_SELECT = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  createdAt: true,
  data: true,
  actor: { select: { name: true } },
} as const;

/** `admin` has passed requirePlatformAdmin; `rows` are audit entries it may read. */
export async function describeAdminHistory(admin: Actor, rows: readonly AdminHistoryRow[], locale: string): Promise<AdminHistoryEntry[]> {
  const reader = {
    organizationId: admin.membership?.organizationId ?? "",
    organizationType: "platform",
    platformAdmin: true,
    oversight: true,
  };
  const sentences = await describeAuditEntries(reader, rows, locale);
  return rows.map((r, i) => ({
    id: r.id,
    action: r.action,
    createdAt: r.createdAt,
    sentence: sentences[i],
    actorName: r.actor?.name ?? null,
    note: entryText(r.data, "note", "message", "reason"),
  }));
}
