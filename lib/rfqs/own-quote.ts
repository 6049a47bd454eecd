// The calling supplier's own quote on an RFQ, for the board's RFQ page (/papan-rfq/[id]) to show "you quoted".
// A quotes read kept in lib/rfqs only because lib/quotes is owned elsewhere this session: it belongs in lib/quotes.
import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { authorizeSupplier } from "./access";

/** The calling supplier's own quote on an RFQ, if any (status only: the quote pages show the rest). */
export async function ownQuoteStatus(actor: Actor | null, rfqId: string): Promise<{ id: string; status: string } | null> {
  const a = authorizeSupplier(actor);
  return db.quote.findFirst({ where: { rfqId, supplierId: a.membership.organizationId }, select: { id: true, status: true } });
}
