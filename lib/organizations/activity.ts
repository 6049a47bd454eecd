// The dashboard's "Catatan aktivitas" (issue 17): the organization's own audit entries (masked for sealed
// RFQs by listOwnAuditLog) as sentences in the reader's language that name and link what each is about,
// within what the reader may open (lib/audit/describe.ts).
import "server-only";
import { describeAuditEntries, entryText, type ActivitySentence } from "@/lib/audit/describe";
import { isPlatformAdmin } from "@/lib/auth/access";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { listOwnAuditLog } from "./service";

export interface ActivityEntry {
  id: string;
  action: string;
  createdAt: Date;
  sentence: ActivitySentence;
  /** A return note, or the message an organization sent with its resubmission. */
  note: string | null;
  /** Who did it; null when withheld (`sealed`) or done by the system. */
  actorName: string | null;
  /** A supplier's act on a sealed RFQ before its deadline: who did it is withheld (lib/audit/sealed.ts). */
  sealed: boolean;
}

export async function listOwnActivity(
  actor: Actor | null,
  { limit = 20, locale }: { limit?: number; locale: string },
): Promise<ActivityEntry[]> {
  const a = authorize(actor, { permission: "org:read" });
  const rows = await listOwnAuditLog(a, { limit });
  const reader = {
    organizationId: a.membership.organizationId,
    organizationType: a.membership.organizationType,
    platformAdmin: isPlatformAdmin(a),
  };
  const sentences = await describeAuditEntries(reader, rows, locale);
  return rows.map((r, i) => ({
    id: r.id,
    action: r.action,
    createdAt: r.createdAt,
    sentence: sentences[i],
    note: entryText(r.data, "note", "message"),
    actorName: r.sealed ? null : (r.actor?.name ?? null),
    sealed: r.sealed,
  }));
}
