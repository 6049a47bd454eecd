// Who may see an RFQ, as Prisma `where` fragments, so "not yours" looks exactly like "not found".
//   - The buyer organization that owns it sees it in every status.
//   - A supplier (UMKM or cooperative) sees a published RFQ (open, closed, awarded) when it is public or the
//     supplier is invited (directly or as a member of an invited consortium, or — issue 12 — as a member of the
//     cluster the RFQ is posted to, directly or through its cooperative: lib/clusters/scope.ts), and always
//     sees an RFQ it has quoted on. Drafts and cancelled-before-publishing RFQs are the buyer's only.
// Suppliers never learn who else was invited: select invitations only with `where: { supplierId }`.
// Also who may act on RFQs at all (authorizeBuyer/authorizeSupplier, which lib/ calls on every read and write)
// and the matching pure "who may open this page" predicates the pages pass to requirePageActor.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors";
import { authorize, ACTORS, type AuthorizedActor } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { clustersOfOrganizationWhere } from "@/lib/clusters/scope";

/** A buyer officer who may write RFQs (403 for anyone else). */
export function authorizeBuyer(actor: Actor | null): AuthorizedActor {
  return authorize(actor, { orgTypes: ACTORS.buyer, permission: "rfq:write" });
}

/** A supplier (UMKM or cooperative) member who may read the board (403 otherwise). */
export function authorizeSupplier(actor: Actor | null): AuthorizedActor {
  return authorize(actor, { orgTypes: ["umkm", "cooperative"], permission: "rfq:board:read" });
}

/** Anyone who may read RFQs at all: buyers (their own) and suppliers (the board). */
export function authorizeRfqReader(actor: Actor | null): AuthorizedActor {
  const a = authorize(actor, { orgTypes: ["buyer", "umkm", "cooperative"] });
  return a.membership.organizationType === "buyer" ? authorizeBuyer(a) : authorizeSupplier(a);
}

export const isBuyer = (a: AuthorizedActor) => a.membership.organizationType === "buyer";

/** May open the buyer's RFQ pages (/rfq/**): a buyer officer with "rfq:write". */
export function mayManageRfqs(actor: Actor): boolean {
  return actor.membership?.organizationType === "buyer" && can(actor.membership, "rfq:write");
}

/** May open the suppliers' board pages (/papan-rfq/**, /penawaran): a UMKM or cooperative member with "rfq:board:read". */
export function mayReadRfqBoard(actor: Actor): boolean {
  const m = actor.membership;
  return Boolean(m && (m.organizationType === "umkm" || m.organizationType === "cooperative") && can(m, "rfq:board:read"));
}

const PUBLISHED_STATUSES = ["open", "closed", "awarded"] as const;

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
        buyer: { suspendedAt: null },
        OR: [
          { visibility: "public" },
          { invitations: { some: { supplierId } } },
          { invitations: { some: { consortium: { members: { some: { supplierId } } } } } },
          { visibility: "invited", cluster: clustersOfOrganizationWhere(supplierId) },
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
