// The RFQ's life, written by the buyer organization's officers: draft → (edit) → open → closed/cancelled, with
// extensions of an open RFQ's deadline. Every change locks the row (lock.ts), checks the state it starts from,
// and writes an audit entry (data.rfqId = the RFQ) in the same transaction.
import "server-only";
import { requireVerified } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { db, Prisma } from "@/lib/db";
import { KBLI_VERSION } from "@/lib/db/reference-data";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { authorizeBuyer, deadlinePassed } from "./access";
import { assertCluster, assertClusterVisibility, notifyClusterMembers } from "./cluster";
import { assertFutureDeadline, deadlineInstant } from "./deadlines";
import { notifyInvited } from "./invitations";
import { lockOwn } from "./lock";
import { getRfqForActor } from "./queries";
import type { DeadlineInput, RfqCreateInput, RfqItemInput, RfqUpdateInput } from "./schemas";
import type { RfqView } from "./views";

async function assertReferences(input: { kbli?: string; deliveryRegencyCode?: string }) {
  const fields: Record<string, string[]> = {};
  if (input.kbli !== undefined) {
    const k = await db.kbliCode.findFirst({ where: { version: KBLI_VERSION, code: input.kbli, level: 5 }, select: { code: true } });
    if (!k) fields.kbli = ["errors.field.kbli"];
  }
  if (input.deliveryRegencyCode !== undefined) {
    const r = await db.regency.findUnique({ where: { code: input.deliveryRegencyCode }, select: { code: true } });
    if (!r) fields.deliveryRegencyCode = ["errors.field.region"];
  }
  if (Object.keys(fields).length) throw invalidInput(fields);
}

const itemRows = (items: RfqItemInput[]) =>
  items.map((it, i) => ({
    position: i + 1,
    name: it.name,
    specification: it.specification ?? null,
    quantity: it.quantity,
    unit: it.unit,
    targetUnitPriceIdr: it.targetUnitPriceIdr ?? null,
  }));

const tkdn = (v: number | null | undefined) => (v === null || v === undefined ? null : new Prisma.Decimal(v.toFixed(2)));

/** A new draft RFQ of the actor's buyer organization. */
export async function createRfq(actor: Actor | null, input: RfqCreateInput): Promise<RfqView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  const deadline = await deadlineInstant(buyerId, input.deadline);
  assertFutureDeadline(deadline);
  await assertReferences(input);
  assertClusterVisibility(input.visibility, input.clusterId ?? null);
  if (input.clusterId) await assertCluster(db, input.clusterId);
  const id = await db.$transaction(async (tx) => {
    const r = await tx.rfq.create({
      data: {
        buyerId,
        createdById: a.user.id,
        title: input.title,
        description: input.description ?? "",
        kbliVersion: KBLI_VERSION,
        kbliCode: input.kbli,
        deliveryRegencyCode: input.deliveryRegencyCode,
        deadline,
        status: "draft",
        visibility: input.visibility,
        sealed: input.sealed,
        requiredCertifications: input.requiredCertifications,
        minTkdn: tkdn(input.minTkdn),
        clusterId: input.clusterId ?? null,
        items: { create: itemRows(input.items) },
      },
      select: { id: true },
    });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.created",
      entityType: "rfq",
      entityId: r.id,
      data: { rfqId: r.id, title: input.title, items: input.items.length, ...(input.clusterId && { clusterId: input.clusterId }) },
    });
    return r.id;
  });
  return getRfqForActor(a, id);
}

/**
 * Edits an RFQ. A draft takes any field (items replace the whole list). An open RFQ takes only a later
 * deadline (an extension); anything else on a published RFQ → 409.
 */
export async function updateRfq(actor: Actor | null, rfqId: string, patch: RfqUpdateInput): Promise<RfqView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  const fields = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
  const current = await db.rfq.findFirst({ where: { id: rfqId, buyerId }, select: { status: true, visibility: true, clusterId: true } });
  if (!current) throw notFound();
  if (current.status !== "draft") {
    if (fields.length === 1 && fields[0] === "deadline" && patch.deadline) return extendDeadline(a, rfqId, patch.deadline);
    throw conflict("rfqs.errors.notDraft");
  }
  const deadline = patch.deadline ? await deadlineInstant(buyerId, patch.deadline) : undefined;
  if (deadline) assertFutureDeadline(deadline);
  await assertReferences(patch);
  if (patch.clusterId !== undefined || patch.visibility !== undefined) {
    assertClusterVisibility(patch.visibility ?? current.visibility, patch.clusterId === undefined ? current.clusterId : patch.clusterId);
    if (patch.clusterId) await assertCluster(db, patch.clusterId);
  }
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "draft") throw conflict("rfqs.errors.notDraft");
    // the same rule on the locked row (a concurrent PATCH may have changed the other field)
    assertClusterVisibility(patch.visibility ?? r.visibility, patch.clusterId === undefined ? r.clusterId : patch.clusterId);
    await tx.rfq.update({
      where: { id: rfqId },
      data: {
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.description !== undefined && { description: patch.description ?? "" }),
        ...(patch.kbli !== undefined && { kbliVersion: KBLI_VERSION, kbliCode: patch.kbli }),
        ...(patch.deliveryRegencyCode !== undefined && { deliveryRegencyCode: patch.deliveryRegencyCode }),
        ...(deadline !== undefined && { deadline }),
        ...(patch.visibility !== undefined && { visibility: patch.visibility }),
        ...(patch.sealed !== undefined && { sealed: patch.sealed }),
        ...(patch.requiredCertifications !== undefined && { requiredCertifications: patch.requiredCertifications }),
        ...(patch.minTkdn !== undefined && { minTkdn: tkdn(patch.minTkdn) }),
        ...(patch.clusterId !== undefined && { clusterId: patch.clusterId }),
        version: { increment: 1 },
      },
    });
    if (patch.items) {
      await tx.rfqItem.deleteMany({ where: { rfqId } });
      await tx.rfqItem.createMany({ data: itemRows(patch.items).map((it) => ({ ...it, rfqId })) });
    }
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.updated",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, fields },
    });
  });
  return getRfqForActor(a, rfqId);
}

/** Draft → open. The deadline must still be ahead; an invite-only RFQ needs at least one invitee. Invitees are notified. */
export async function publishRfq(actor: Actor | null, rfqId: string): Promise<RfqView> {
  // Publishing puts the RFQ before suppliers: only a verified buyer (issue 11); drafts stay open to all.
  const a = requireVerified(authorizeBuyer(actor));
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "draft") throw conflict("rfqs.errors.notDraft");
    assertFutureDeadline(r.deadline);
    const invitees = await tx.rfqInvitation.findMany({ where: { rfqId }, select: { supplierId: true } });
    // A cluster RFQ's invitees are the cluster's members: it needs no direct invitation.
    if (r.visibility === "invited" && invitees.length === 0 && !r.clusterId)
      throw invalidInput({ supplierIds: ["rfqs.errors.noInvitees"] });
    const now = new Date();
    await tx.rfq.update({ where: { id: rfqId }, data: { status: "open", publishedAt: now, version: { increment: 1 } } });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.published",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, deadline: r.deadline.toISOString(), invitations: invitees.length, ...(r.clusterId && { clusterId: r.clusterId }) },
    });
    if (r.clusterId) {
      const cluster = await assertCluster(tx, r.clusterId);
      await notifyClusterMembers(tx, r, cluster, a.user.id);
    }
    await notifyInvited(
      tx,
      r,
      invitees.map((i) => i.supplierId),
      a.user.id,
    );
  });
  return getRfqForActor(a, rfqId);
}

/**
 * Moves the deadline of an open RFQ that still accepts quotes later. The new deadline must be later than the
 * current one and in the future. Once the deadline has passed or the RFQ was closed, its quotes are open (a
 * sealed RFQ's prices revealed to the buyer): reopening it would let a round continue after the buyer saw the
 * prices, so that is refused (409 rfqs.errors.extendAfterReveal; a new round is a new RFQ, issue 11). The
 * rule reads the RFQ's own status and deadline, never the audit log.
 */
export async function extendDeadline(actor: Actor | null, rfqId: string, newDeadline: DeadlineInput): Promise<RfqView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  const deadline = await deadlineInstant(buyerId, newDeadline);
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status === "closed" || r.status === "awarded" || (r.status === "open" && deadlinePassed(r)))
      throw conflict("rfqs.errors.extendAfterReveal");
    if (r.status !== "open") throw conflict("rfqs.errors.notOpen");
    if (deadline.getTime() <= r.deadline.getTime()) throw invalidInput({ deadline: ["rfqs.errors.deadlineNotLater"] });
    assertFutureDeadline(deadline);
    // remind again before the new deadline
    await tx.rfq.update({ where: { id: rfqId }, data: { deadline, deadlineReminderAt: null, version: { increment: 1 } } });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.extended",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, from: r.deadline.toISOString(), to: deadline.toISOString() },
    });
  });
  return getRfqForActor(a, rfqId);
}

/** Open → closed before (or at) the deadline: no more quotes; the buyer can compare and award. */
export async function closeRfq(actor: Actor | null, rfqId: string): Promise<RfqView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "open") throw conflict("rfqs.errors.notOpen");
    await tx.rfq.update({ where: { id: rfqId }, data: { status: "closed", closedAt: new Date(), version: { increment: 1 } } });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.closed",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, reason: "buyer" },
    });
  });
  return getRfqForActor(a, rfqId);
}

/** Draft, open or closed → cancelled, with a reason shown to suppliers who can see it. Awarded RFQs cannot be cancelled. */
export async function cancelRfq(actor: Actor | null, rfqId: string, reason: string): Promise<RfqView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (!["draft", "open", "closed"].includes(r.status)) throw conflict("rfqs.errors.notCancellable");
    await tx.rfq.update({
      where: { id: rfqId },
      data: { status: "cancelled", cancelledAt: new Date(), cancelReason: reason, version: { increment: 1 } },
    });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.cancelled",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, reason, from: r.status },
    });
  });
  return getRfqForActor(a, rfqId);
}
