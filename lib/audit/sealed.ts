// Sealed quotes in the buyer organization's audit trail (issue 11): ONE rule for every place a buyer reads
// its audit entries (/dasbor's "Catatan aktivitas" through listOwnAuditLog, /rfq/[id]/riwayat through
// listRfqHistory, and any API built on them).
//
// A quote's entries are written for the buyer organization too (lib/quotes/service.ts auditBoth,
// lib/quotes/attachments.ts): their actor is the supplier's user, their entityId the quote, their data may
// carry a file name. While the prices of a sealed RFQ are hidden (pricesRevealed(): until the deadline), the
// buyer must not learn who quotes, so such an entry keeps only what happened and when: no actor, no quote id,
// data reduced to { rfqId }. Once the deadline has passed the entries show in full. Entries about RFQs the
// reading organization does not own (a supplier reading its own quote's entries) are never masked.
import "server-only";
import { db } from "@/lib/db";
import { pricesRevealed } from "@/lib/rfqs/access";

/** The audit entity type of quote entries. */
const QUOTE = "quote";

export interface MaskableAuditEntry {
  entityType: string;
  entityId: string;
  data: unknown;
  actor: unknown;
}

export type MaskedAuditEntry<T extends MaskableAuditEntry> = Omit<T, "data" | "actor"> & {
  data: T["data"] | { rfqId: string };
  actor: T["actor"] | null;
  /** A quote entry of a sealed RFQ before its deadline: who did it is withheld. */
  sealed: boolean;
};

function rfqIdOf(data: unknown): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const v = (data as Record<string, unknown>).rfqId;
  return typeof v === "string" && v ? v : null;
}

/**
 * Masks the quote entries of `organizationId`'s sealed RFQs whose prices are not revealed yet (see above).
 * Two small reads at most, whatever the number of entries.
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
  const rfqIds = [...new Set(rfqOf.values())];
  const rfqs = rfqIds.length
    ? await db.rfq.findMany({ where: { id: { in: rfqIds }, buyerId: organizationId, sealed: true }, select: { id: true, sealed: true, deadline: true } })
    : [];
  const hidden = new Set(rfqs.filter((r) => !pricesRevealed(r, now)).map((r) => r.id));
  return rows.map((r) => {
    const rfqId = r.entityType === QUOTE ? rfqOf.get(r.entityId) : undefined;
    if (rfqId && hidden.has(rfqId)) return { ...r, entityId: "", actor: null, data: { rfqId }, sealed: true };
    // A quote whose RFQ cannot be found (deleted) names nobody either: withhold rather than guess.
    if (r.entityType === QUOTE && !rfqId) return { ...r, entityId: "", actor: null, data: {}, sealed: true } as MaskedAuditEntry<T>;
    return { ...r, sealed: false };
  });
}
