// Who may quote and who may read quotes. Quotes: one per supplier (UMKM or cooperative) per RFQ, kept as a
// draft, submitted, revised until the deadline, or withdrawn.
//
// Who sees what:
//  - A supplier sees the RFQ only when lib/rfqs/access.ts says so, and only its OWN quote (the supplier is in
//    every `where`); another supplier's quote is "not found".
//  - The buyer organization sees submitted quotes of its own RFQs (drafts and withdrawn quotes never). For a
//    sealed RFQ it sees only how many arrived until the deadline has passed (pricesRevealed()).
//  - Nobody else sees quotes at all.
// The reads are lib/quotes/supplier-reads.ts and lib/quotes/buyer-reads.ts, the writes lib/quotes/lifecycle.ts,
// lib/quotes/attachments.ts and lib/quotes/awards.ts.
import { authorize, type AuthorizedActor } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

export const SUPPLIER_ORG_TYPES = ["umkm", "cooperative"] as const;

/** A member of an UMKM or cooperative allowed to quote. */
export function authorizeQuoting(actor: Actor | null): AuthorizedActor {
  return authorize(actor, { orgTypes: SUPPLIER_ORG_TYPES, permission: "quote:write" });
}

/** A member of a buyer organization (reading its RFQs' quotes). */
export function authorizeBuyerReading(actor: Actor | null): AuthorizedActor {
  return authorize(actor, { orgTypes: ["buyer"], permission: "rfq:write" });
}

/** May this actor open the supplier's quote pages (/penawaran, the quote form)? A member of an UMKM or cooperative. */
export function maySupplierOpenQuotes(actor: Actor): boolean {
  const m = actor.membership;
  return !!m && (SUPPLIER_ORG_TYPES as readonly string[]).includes(m.organizationType) && can(m, "rfq:board:read");
}
