// Invitations: the buyer invites suppliers (UMKM, cooperatives) to a draft or open RFQ and sees whom it invited;
// a supplier only ever learns about itself (lib/rfqs/access.ts). Invitees hear of an RFQ when it opens.
import "server-only";
import { requireVerified } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { authorizeBuyer, deadlinePassed } from "./access";
import { lockOwn } from "./lock";
import { rfqRoutes } from "./routes";

interface InvitationView {
  supplier: { id: string; name: string; type: string; regency: string | null };
  createdAt: Date;
}

export async function listInvitations(actor: Actor | null, rfqId: string): Promise<InvitationView[]> {
  const a = authorizeBuyer(actor);
  const rfq = await db.rfq.findFirst({ where: { id: rfqId, buyerId: a.membership.organizationId }, select: { id: true } });
  if (!rfq) throw notFound();
  const rows = await db.rfqInvitation.findMany({
    where: { rfqId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      createdAt: true,
      supplier: { select: { id: true, name: true, type: true, supplierProfile: { select: { regency: { select: { name: true } } } } } },
    },
  });
  return rows.map((r) => ({
    supplier: {
      id: r.supplier.id,
      name: r.supplier.name,
      type: r.supplier.type,
      regency: r.supplier.supplierProfile?.regency?.name ?? null,
    },
    createdAt: r.createdAt,
  }));
}

/**
 * Invites suppliers (UMKM or cooperatives, by organization id) to a draft or open RFQ. Unknown ids → 400 on
 * supplierIds; already invited ones are skipped. On an open RFQ the new invitees are notified at once (a draft's
 * are notified when it is published).
 */
export async function inviteSuppliers(actor: Actor | null, rfqId: string, supplierIds: string[]): Promise<InvitationView[]> {
  // Inviting acts on other organizations: only a verified buyer (issue 11), on a draft as on an open RFQ.
  const a = requireVerified(authorizeBuyer(actor));
  const buyerId = a.membership.organizationId;
  const ids = [...new Set(supplierIds)];
  const found = await db.organization.findMany({ where: { id: { in: ids }, type: { in: ["umkm", "cooperative"] } }, select: { id: true } });
  if (found.length !== ids.length) throw invalidInput({ supplierIds: ["rfqs.errors.unknownSupplier"] });
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "draft" && r.status !== "open") throw conflict("rfqs.errors.notInvitable");
    if (r.status === "open" && deadlinePassed(r)) throw conflict("rfqs.errors.notInvitable");
    const existing = await tx.rfqInvitation.findMany({ where: { rfqId, supplierId: { in: ids } }, select: { supplierId: true } });
    const fresh = ids.filter((id) => !existing.some((e) => e.supplierId === id));
    if (fresh.length === 0) return;
    await tx.rfqInvitation.createMany({ data: fresh.map((supplierId) => ({ rfqId, supplierId })), skipDuplicates: true });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.invited",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, supplierIds: fresh },
    });
    if (r.status === "open") await notifyInvited(tx, r, fresh, a.user.id);
  });
  return listInvitations(a, rfqId);
}

/** Withdraws an invitation while the RFQ is still a draft (once published, an invitation stands). */
export async function removeInvitation(actor: Actor | null, rfqId: string, supplierId: string): Promise<void> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "draft") throw conflict("rfqs.errors.notDraft");
    const { count } = await tx.rfqInvitation.deleteMany({ where: { rfqId, supplierId } });
    if (count === 0) throw notFound();
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.uninvited",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, supplierIds: [supplierId] },
    });
  });
}

/** Suppliers the buyer can invite, by name (the directory's UMKM and cooperatives), for the invitation picker. */
export async function searchInvitableSuppliers(actor: Actor | null, q: string, limit = 10) {
  authorizeBuyer(actor);
  const query = q.trim().slice(0, 100);
  if (query.length < 2) return [];
  const rows = await db.organization.findMany({
    where: { type: { in: ["umkm", "cooperative"] }, name: { contains: query, mode: "insensitive" } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 25),
    select: {
      id: true,
      name: true,
      type: true,
      supplierProfile: { select: { regency: { select: { name: true, province: { select: { name: true } } } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    location: r.supplierProfile?.regency ? `${r.supplierProfile.regency.name}, ${r.supplierProfile.regency.province.name}` : null,
  }));
}

/** Tells each invited supplier organization about an RFQ that is (now) open. */
export async function notifyInvited(
  tx: Prisma.TransactionClient,
  rfq: { id: string; title: string; deadline: Date; buyer: { name: string } },
  supplierIds: string[],
  excludeUserId: string,
) {
  if (supplierIds.length === 0) return;
  const orgs = await tx.organization.findMany({ where: { id: { in: supplierIds } }, select: { id: true, name: true } });
  for (const o of orgs) {
    await notify(tx, {
      type: "rfq.invited",
      organizationIds: [o.id],
      params: { rfqTitle: rfq.title, buyerName: rfq.buyer.name, supplierName: o.name, deadline: rfq.deadline },
      link: rfqRoutes.boardDetail(rfq.id),
      excludeUserId,
    });
  }
}
