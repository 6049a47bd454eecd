// Who may see an RFQ, as Prisma `where` fragments, so "not yours" looks exactly like "not found".
//   - The buyer organization that owns it sees it in every status.
//   - A supplier (UMKM or cooperative) sees a published RFQ (open, closed, awarded) when it is public or the
//     supplier is invited (directly or as a member of an invited consortium), and always sees an RFQ it has
//     quoted on. Drafts and cancelled-before-publishing RFQs are the buyer's only.
// Suppliers never learn who else was invited: select invitations only with `where: { supplierId }`.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors";
import type { AuthorizedActor } from "@/lib/auth/authorize";

export const PUBLISHED_STATUSES = ["open", "closed", "awarded"] as const;

/** RFQs owned by the actor's buyer organization. */
export function ownRfqWhere(buyerId: string): Prisma.RfqWhereInput {
  return { buyerId };
}

/** RFQs a supplier organization may see (board, RFQ page, its quote). */
export function supplierVisibleRfqWhere(supplierId: string): Prisma.RfqWhereInput {
  return {
    OR: [
      {
        status: { in: [...PUBLISHED_STATUSES] },
        OR: [
          { visibility: "public" },
          { invitations: { some: { supplierId } } },
          { invitations: { some: { consortium: { members: { some: { supplierId } } } } } },
        ],
      },
      { quotes: { some: { supplierId } } },
    ],
  };
}

/** The `where` for "an RFQ this actor may see", by organization type; throws not_found for anyone else. */
export function visibleRfqWhere(actor: AuthorizedActor): Prisma.RfqWhereInput {
  const org = actor.membership.organizationId;
  switch (actor.membership.organizationType) {
    case "buyer":
      return ownRfqWhere(org);
    case "umkm":
    case "cooperative":
      return supplierVisibleRfqWhere(org);
    default:
      throw notFound();
  }
}

/** Is the deadline past (the server's clock decides, never the client's)? */
export function deadlinePassed(rfq: { deadline: Date }, now: Date = new Date()): boolean {
  return rfq.deadline.getTime() <= now.getTime();
}

/**
 * Quote prices of a sealed RFQ stay hidden from everyone (the buyer included) until the deadline has passed;
 * a supplier always sees its own quote.
 */
export function pricesRevealed(rfq: { sealed: boolean; deadline: Date }, now: Date = new Date()): boolean {
  return !rfq.sealed || deadlinePassed(rfq, now);
}
