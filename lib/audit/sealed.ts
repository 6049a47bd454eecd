// Sealed quotes in the buyer organization's audit trail (issue 11): ONE rule for every place a buyer reads
// its audit entries (/dasbor's "Catatan aktivitas" through listOwnAuditLog, /rfq/[id]/riwayat through
// listRfqHistory, and any API built on them), and for the clarifications the buyer reads (listClarifications
// in lib/rfqs/clarifications.ts): suppliersWithheld() below decides for both.
//
// A quote's entries are written for the buyer organization too (lib/quotes/service.ts auditBoth,
// lib/quotes/attachments.ts): their actor is the supplier's user, their entityId the quote, their data may
// carry a file name. While the prices of a sealed RFQ are hidden (pricesRevealed(): until the deadline), the
// buyer must not learn who quotes, so such an entry keeps only what happened and when: no actor, no quote id,
// data reduced to { rfqId }. Once the deadline has passed the entries show in full. Entries about RFQs the
// reading organization does not own (a supplier reading its own quote's entries) are never masked.
//
// Clarifications (issue 11): who asks a question tells the buyer who is likely to quote, so the same rule
// withholds the asker. The `clarification.asked` entry (written for the buyer organization, its actor the
// asking supplier's user, data.supplierId the asking organization) is masked like a quote entry: no actor,
// data reduced to { rfqId }; its entityId (the clarification's id) stays, since the buyer's own list of
// clarifications shows that id (without the asker) to answer it. `clarification.answered` is the buyer's own
// act and names only the buyer's people: never masked.
import "server-only";
import { db } from "@/lib/db";
import { pricesRevealed } from "@/lib/rfqs/access";

/** The audit entity type of quote entries. */
const QUOTE = "quote";
/** The audit action a supplier writes into the buyer organization's log by asking a clarification. */
const CLARIFICATION_ASKED = "clarification.asked";

/**
 * THE rule: while a sealed RFQ's prices are hidden (before its deadline, closed early or not), its buyer is
 * told nothing about which supplier quotes or asks. Afterwards, and always for an RFQ that is not sealed,
 * names show.
 */
export function suppliersWithheld(rfq: { sealed: boolean; deadline: Date }, now: Date = new Date()): boolean {
  return !pricesRevealed(rfq, now);
}

export interface MaskableAuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  actor: unknown;
}

export type MaskedAuditEntry<T extends MaskableAuditEntry> = Omit<T, "data" | "actor"> & {
  data: T["data"] | { rfqId: string };
  actor: T["actor"] | null;
  /** A quote or clarification.asked entry of a sealed RFQ before its deadline: who did it is withheld. */
  sealed: boolean;
};

function rfqIdOf(data: unknown): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const v = (data as Record<string, unknown>).rfqId;
  return typeof v === "string" && v ? v : null;
}

/**
 * Masks the quote and clarification.asked entries of `organizationId`'s sealed RFQs whose prices are not
 * revealed yet (see above). Two small reads at most, whatever the number of entries.
 */
export async function maskSealedQuoteEntries<T extends MaskableAuditEntry>(
  organizationId: string,
  rows: readonly T[],
  now: Date = new Date(),
): Promise<MaskedAuditEntry<T>[]> {
  const quoteRows = rows.filter((r) => r.entityType === QUOTE);
  const rfqOf = new Map<string, string>(); // quote id → RFQ id
  const missing: string[] = [];
  for (const r of quoteRows) {
    const rfqId = rfqIdOf(r.data);
    if (rfqId) rfqOf.set(r.entityId, rfqId);
    else missing.push(r.entityId);
  }
  if (missing.length) {
    const quotes = await db.quote.findMany({ where: { id: { in: missing } }, select: { id: true, rfqId: true } });
    for (const q of quotes) rfqOf.set(q.id, q.rfqId);
  }
  // clarification.asked entries always carry data.rfqId (lib/rfqs/clarifications.ts askClarification, the demo seed)
  const asked = rows.filter((r) => r.action === CLARIFICATION_ASKED);
  const rfqIds = [...new Set([...rfqOf.values(), ...asked.map((r) => rfqIdOf(r.data)).filter((id): id is string => id !== null)])];
  const rfqs = rfqIds.length
    ? await db.rfq.findMany({
        where: { id: { in: rfqIds }, buyerId: organizationId, sealed: true },
        select: { id: true, sealed: true, deadline: true },
      })
    : [];
  const hidden = new Set(rfqs.filter((r) => suppliersWithheld(r, now)).map((r) => r.id));
  return rows.map((r) => {
    if (r.action === CLARIFICATION_ASKED) {
      const rfqId = rfqIdOf(r.data);
      if (!rfqId) return { ...r, actor: null, data: {}, sealed: true } as MaskedAuditEntry<T>; // cannot tell: withhold
      if (hidden.has(rfqId)) return { ...r, actor: null, data: { rfqId }, sealed: true };
      return { ...r, sealed: false };
    }
    const rfqId = r.entityType === QUOTE ? rfqOf.get(r.entityId) : undefined;
    if (rfqId && hidden.has(rfqId)) return { ...r, entityId: "", actor: null, data: { rfqId }, sealed: true };
    // A quote whose RFQ cannot be found (deleted) names nobody either: withhold rather than guess.
    if (r.entityType === QUOTE && !rfqId) return { ...r, entityId: "", actor: null, data: {}, sealed: true } as MaskedAuditEntry<T>;
    return { ...r, sealed: false };
  });
}
