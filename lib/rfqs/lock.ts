// The buyer's own RFQ row for a write, locked in the write's transaction (used by every RFQ write).
import "server-only";
import type { Prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** The buyer's own RFQ row for a write, locked in the transaction (FOR UPDATE) so concurrent writes serialize. */
export async function lockOwn(tx: Prisma.TransactionClient, buyerId: string, rfqId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Rfq" WHERE "id" = ${rfqId} AND "buyerId" = ${buyerId} FOR UPDATE`;
  if (locked.length === 0) throw notFound();
  const r = await tx.rfq.findUnique({
    where: { id: rfqId },
    select: {
      id: true,
      buyerId: true,
      status: true,
      deadline: true,
      title: true,
      visibility: true,
      clusterId: true,
      buyer: { select: { name: true } },
    },
  });
  if (!r) throw notFound();
  return r;
}
