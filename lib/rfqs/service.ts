// RFQs: a buyer organization's officers create, edit (while draft), publish, extend, close and cancel RFQs,
// invite suppliers and answer clarifications; suppliers (UMKM, cooperatives) read the RFQs they may see
// (lib/rfqs/access.ts) and ask clarifications. Used by the /rfq and /papan-rfq pages' server actions
// (lib/rfqs/actions.ts) and /api/v1/rfqs.
//
// Rules kept here, not in the UI:
//   - The organization comes from the actor and is in every `where`: another organization's RFQ is "not found".
//   - Deadlines are the server's: creating/publishing with a past deadline → 400; extending must move it later
//     and is refused once the deadline has passed or the RFQ was closed (409: its quotes are open); an open RFQ
//     whose deadline has passed is closed (lazily, by closeExpiredRfqs, which every read runs).
//   - Only a verified buyer organization publishes and invites (403 verification_required); drafts are open to all.
//   - Suppliers never learn who else was invited or who asked a clarification.
//   - Every state change writes an audit entry (organizationId = the buyer, data.rfqId = the RFQ) in the same
//     transaction, so the buyer's history (/rfq/[id]/riwayat) lists it alongside the quotes' entries.
import "server-only";
import { authorize, ACTORS, requireVerified, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { maskSealedQuoteEntries, suppliersWithheld } from "@/lib/audit/sealed";
import { decodeCursor, paginate, type Page, cursorInstant } from "@/lib/api/pagination";
import { db, Prisma } from "@/lib/db";
import { KBLI_VERSION } from "@/lib/db/reference-data";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { prepareUpload, storePreparedUpload, type UploadSource } from "@/lib/files/upload";
import { notify } from "@/lib/notifications/notify";
import { z } from "zod";
import { deadlinePassed, ownRfqWhere, supplierVisibleRfqWhere, visibleRfqWhere } from "./access";
import { MAX_DEADLINE_DAYS, type RfqCreateInput, type RfqItemInput, type RfqListQuery, type RfqUpdateInput } from "./schemas";

export const MAX_ATTACHMENTS_PER_RFQ = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------------------------------------
// Who
// ---------------------------------------------------------------------------------------------------------

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

const isBuyer = (a: AuthorizedActor) => a.membership.organizationType === "buyer";

// ---------------------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------------------

const rfqSelect = {
  id: true,
  buyerId: true,
  buyer: { select: { id: true, name: true, verificationStatus: true } },
  title: true,
  description: true,
  kbliCode: true,
  kbli: { select: { titleId: true, titleEn: true } },
  deliveryRegencyCode: true,
  deliveryRegency: { select: { code: true, name: true, province: { select: { code: true, name: true } } } },
  deadline: true,
  status: true,
  visibility: true,
  sealed: true,
  requiredCertifications: true,
  minTkdn: true,
  publishedAt: true,
  closedAt: true,
  cancelledAt: true,
  cancelReason: true,
  awardedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  items: {
    orderBy: { position: "asc" },
    select: { id: true, position: true, name: true, specification: true, quantity: true, unit: true, targetUnitPriceIdr: true },
  },
  attachments: {
    orderBy: { file: { createdAt: "asc" } },
    select: { id: true, file: { select: { filename: true, mimeType: true, sizeBytes: true, createdAt: true } } },
  },
} satisfies Prisma.RfqSelect;

type RfqRow = Prisma.RfqGetPayload<{ select: typeof rfqSelect }>;

export type RfqStatus = RfqRow["status"];

export interface RfqItemView {
  id: string;
  position: number;
  name: string;
  specification: string | null;
  quantity: number;
  unit: string;
  targetUnitPriceIdr: bigint | null;
}

export interface RfqView {
  id: string;
  status: RfqStatus;
  title: string;
  description: string;
  /** `verified`: a platform admin has verified the buyer organization (shown on the board and the RFQ page). */
  buyer: { id: string; name: string; verified: boolean };
  kbli: string;
  kbliTitle: { id: string; en: string | null };
  deliveryRegency: { code: string; name: string; province: { code: string; name: string } };
  deadline: Date;
  visibility: "public" | "invited";
  sealed: boolean;
  requiredCertifications: ("halal" | "sni" | "iso9001" | "tkdn" | "other")[];
  minTkdn: number | null;
  items: RfqItemView[];
  attachments: { id: string; filename: string; mimeType: string; sizeBytes: number; url: string }[];
  /** Open and before the deadline: quotes and clarifications are accepted. */
  acceptingQuotes: boolean;
  publishedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  awardedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Suppliers only: is the asking organization invited (directly)? Never who else is. */
  invited?: boolean;
  /** The buyer only. */
  invitationCount?: number;
  version: number;
}

export const rfqAttachmentUrl = (rfqId: string, attachmentId: string) =>
  `/api/v1/rfqs/${encodeURIComponent(rfqId)}/attachments/${encodeURIComponent(attachmentId)}`;

function toView(r: RfqRow, now = new Date()): RfqView {
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    description: r.description,
    buyer: { id: r.buyer.id, name: r.buyer.name, verified: r.buyer.verificationStatus === "verified" },
    kbli: r.kbliCode,
    kbliTitle: { id: r.kbli.titleId, en: r.kbli.titleEn },
    deliveryRegency: r.deliveryRegency,
    deadline: r.deadline,
    visibility: r.visibility,
    sealed: r.sealed,
    requiredCertifications: r.requiredCertifications,
    minTkdn: r.minTkdn === null ? null : Number(r.minTkdn),
    items: r.items,
    attachments: r.attachments.map((a) => ({
      id: a.id,
      filename: a.file.filename,
      mimeType: a.file.mimeType,
      sizeBytes: a.file.sizeBytes,
      url: rfqAttachmentUrl(r.id, a.id),
    })),
    acceptingQuotes: r.status === "open" && !deadlinePassed(r, now),
    publishedAt: r.publishedAt,
    closedAt: r.closedAt,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
    awardedAt: r.awardedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------------------

/**
 * Closes open RFQs whose deadline has passed (status closed, closedAt = the deadline) with an audit entry each.
 * Safe to run from several instances at once: the conditional update returns only the rows this call closed.
 * `rfqIds` limits it to those RFQs (a page's own), otherwise every expired RFQ.
 */
export async function closeExpiredRfqs(opts: { rfqIds?: string[]; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const where: Prisma.RfqWhereInput = { status: "open", deadline: { lte: now }, ...(opts.rfqIds && { id: { in: opts.rfqIds } }) };
  const any = await db.rfq.findFirst({ where, select: { id: true } });
  if (!any) return 0;
  return db.$transaction(async (tx) => {
    const closed = await tx.rfq.updateManyAndReturn({
      where,
      data: { status: "closed", closedAt: now, version: { increment: 1 } },
      select: { id: true, buyerId: true, deadline: true },
    });
    for (const r of closed) {
      await audit(tx, {
        organizationId: r.buyerId,
        actorId: null,
        action: "rfq.closed",
        entityType: "rfq",
        entityId: r.id,
        data: { rfqId: r.id, reason: "deadline", deadline: r.deadline.toISOString() },
      });
    }
    return closed.length;
  });
}

function assertFutureDeadline(deadline: Date, now = new Date(), field = "deadline") {
  if (deadline.getTime() <= now.getTime()) throw invalidInput({ [field]: ["rfqs.errors.deadlinePast"] });
  if (deadline.getTime() > now.getTime() + MAX_DEADLINE_DAYS * DAY_MS) throw invalidInput({ [field]: ["rfqs.errors.deadlineTooFar"] });
}

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

/**
 * One RFQ as the actor may see it (buyer: its own in any status; supplier: published public or invited, or
 * quoted on); "not found" otherwise. Suppliers learn only whether they themselves are invited.
 */
export async function getRfqForActor(actor: Actor | null, rfqId: string): Promise<RfqView> {
  const a = authorizeRfqReader(actor);
  await closeExpiredRfqs({ rfqIds: [rfqId] });
  const org = a.membership.organizationId;
  const row = await db.rfq.findFirst({ where: { AND: [{ id: rfqId }, visibleRfqWhere(a)] }, select: rfqSelect });
  if (!row) throw notFound();
  const view = toView(row);
  if (isBuyer(a)) {
    view.invitationCount = await db.rfqInvitation.count({ where: { rfqId } });
  } else {
    const mine = await db.rfqInvitation.findFirst({ where: { rfqId, supplierId: org }, select: { id: true } });
    view.invited = Boolean(mine);
  }
  return view;
}

const listCursor = z.tuple([cursorInstant, z.string().min(1)]);

/**
 * RFQs the actor may see, soonest deadline first. Buyers: their own (any status; `status` filters).
 * Suppliers: the board — published RFQs that are public or they are invited to (`status` defaults to open,
 * and "open" means still accepting quotes). `q` matches title, description and line items; `kbli` takes a 2-
 * to 5-digit prefix; `province` a 2-digit province code; `deadlineBefore` an upper bound.
 */
export async function listRfqs(
  actor: Actor | null,
  query: RfqListQuery & { limit?: number; cursor?: string },
): Promise<Page<RfqView & { quoteCount?: number }>> {
  const a = authorizeRfqReader(actor);
  await closeExpiredRfqs();
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, listCursor);
  const org = a.membership.organizationId;
  const now = new Date();
  const buyer = isBuyer(a);
  const status = query.status ?? (buyer ? undefined : "open");
  const and: Prisma.RfqWhereInput[] = [buyer ? ownRfqWhere(org) : supplierVisibleRfqWhere(org)];
  if (status) and.push({ status });
  if (!buyer && status === "open") and.push({ deadline: { gt: now } });
  if (query.kbli) and.push({ kbliCode: { startsWith: query.kbli } });
  if (query.province) and.push({ deliveryRegency: { provinceCode: query.province } });
  if (query.deadlineBefore) and.push({ deadline: { lte: query.deadlineBefore } });
  if (query.certification?.length) and.push({ requiredCertifications: { hasSome: query.certification } });
  if (query.q) {
    for (const word of query.q.split(/\s+/).filter(Boolean).slice(0, 8)) {
      const contains = { contains: word, mode: "insensitive" as const };
      and.push({
        OR: [
          { title: contains },
          { description: contains },
          { items: { some: { OR: [{ name: contains }, { specification: contains }] } } },
          { buyer: { name: contains } },
        ],
      });
    }
  }
  if (after) {
    const d = new Date(after[0]);
    and.push({ OR: [{ deadline: { gt: d } }, { deadline: d, id: { gt: after[1] } }] });
  }
  const rows = await db.rfq.findMany({
    where: { AND: and },
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      ...rfqSelect,
      ...(buyer
        ? { _count: { select: { invitations: true, quotes: { where: { status: "submitted" } } } } }
        : { invitations: { where: { supplierId: org }, select: { id: true } } }),
    },
  });
  const views = rows.map((r) => {
    const v: RfqView & { quoteCount?: number } = toView(r as RfqRow, now);
    if (buyer) {
      const c = (r as unknown as { _count: { invitations: number; quotes: number } })._count;
      v.invitationCount = c.invitations;
      v.quoteCount = c.quotes;
    } else {
      v.invited = ((r as unknown as { invitations: unknown[] }).invitations ?? []).length > 0;
    }
    return v;
  });
  return paginate(views, limit, (r) => [r.deadline.toISOString(), r.id]);
}

// ---------------------------------------------------------------------------------------------------------
// Writing (buyer)
// ---------------------------------------------------------------------------------------------------------

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
  assertFutureDeadline(input.deadline);
  await assertReferences(input);
  const buyerId = a.membership.organizationId;
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
        deadline: input.deadline,
        status: "draft",
        visibility: input.visibility,
        sealed: input.sealed,
        requiredCertifications: input.requiredCertifications,
        minTkdn: tkdn(input.minTkdn),
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
      data: { rfqId: r.id, title: input.title, items: input.items.length },
    });
    return r.id;
  });
  return getRfqForActor(a, id);
}

/** The buyer's own RFQ row for a write, locked in the transaction (FOR UPDATE) so concurrent writes serialize. */
async function lockOwn(tx: Tx, buyerId: string, rfqId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Rfq" WHERE "id" = ${rfqId} AND "buyerId" = ${buyerId} FOR UPDATE`;
  if (locked.length === 0) throw notFound();
  const r = await tx.rfq.findUnique({
    where: { id: rfqId },
    select: { id: true, buyerId: true, status: true, deadline: true, title: true, visibility: true, buyer: { select: { name: true } } },
  });
  if (!r) throw notFound();
  return r;
}

/**
 * Edits an RFQ. A draft takes any field (items replace the whole list). An open RFQ takes only a later
 * deadline (an extension); anything else on a published RFQ → 409.
 */
export async function updateRfq(actor: Actor | null, rfqId: string, patch: RfqUpdateInput): Promise<RfqView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  const fields = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
  const current = await db.rfq.findFirst({ where: { id: rfqId, buyerId }, select: { status: true } });
  if (!current) throw notFound();
  if (current.status !== "draft") {
    if (fields.length === 1 && fields[0] === "deadline" && patch.deadline) return extendDeadline(a, rfqId, patch.deadline);
    throw conflict("rfqs.errors.notDraft");
  }
  if (patch.deadline) assertFutureDeadline(patch.deadline);
  await assertReferences(patch);
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "draft") throw conflict("rfqs.errors.notDraft");
    await tx.rfq.update({
      where: { id: rfqId },
      data: {
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.description !== undefined && { description: patch.description ?? "" }),
        ...(patch.kbli !== undefined && { kbliVersion: KBLI_VERSION, kbliCode: patch.kbli }),
        ...(patch.deliveryRegencyCode !== undefined && { deliveryRegencyCode: patch.deliveryRegencyCode }),
        ...(patch.deadline !== undefined && { deadline: patch.deadline }),
        ...(patch.visibility !== undefined && { visibility: patch.visibility }),
        ...(patch.sealed !== undefined && { sealed: patch.sealed }),
        ...(patch.requiredCertifications !== undefined && { requiredCertifications: patch.requiredCertifications }),
        ...(patch.minTkdn !== undefined && { minTkdn: tkdn(patch.minTkdn) }),
        version: { increment: 1 },
      },
    });
    if (patch.items) {
      await tx.rfqItem.deleteMany({ where: { rfqId } });
      await tx.rfqItem.createMany({ data: itemRows(patch.items).map((it) => ({ ...it, rfqId })) });
    }
    await audit(tx, { organizationId: buyerId, actorId: a.user.id, action: "rfq.updated", entityType: "rfq", entityId: rfqId, data: { rfqId, fields } });
  });
  return getRfqForActor(a, rfqId);
}

async function notifyInvited(tx: Tx, rfq: { id: string; title: string; deadline: Date; buyer: { name: string } }, supplierIds: string[], excludeUserId: string) {
  if (supplierIds.length === 0) return;
  const orgs = await tx.organization.findMany({ where: { id: { in: supplierIds } }, select: { id: true, name: true } });
  for (const o of orgs) {
    await notify(tx, {
      type: "rfq.invited",
      organizationIds: [o.id],
      params: { rfqTitle: rfq.title, buyerName: rfq.buyer.name, supplierName: o.name, deadline: rfq.deadline },
      link: `/papan-rfq/${rfq.id}`,
      excludeUserId,
    });
  }
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
    if (r.visibility === "invited" && invitees.length === 0) throw invalidInput({ supplierIds: ["rfqs.errors.noInvitees"] });
    const now = new Date();
    await tx.rfq.update({ where: { id: rfqId }, data: { status: "open", publishedAt: now, version: { increment: 1 } } });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.published",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, deadline: r.deadline.toISOString(), invitations: invitees.length },
    });
    await notifyInvited(tx, r, invitees.map((i) => i.supplierId), a.user.id);
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
export async function extendDeadline(actor: Actor | null, rfqId: string, deadline: Date): Promise<RfqView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status === "closed" || r.status === "awarded" || (r.status === "open" && deadlinePassed(r))) throw conflict("rfqs.errors.extendAfterReveal");
    if (r.status !== "open") throw conflict("rfqs.errors.notOpen");
    if (deadline.getTime() <= r.deadline.getTime()) throw invalidInput({ deadline: ["rfqs.errors.deadlineNotLater"] });
    assertFutureDeadline(deadline);
    await tx.rfq.update({ where: { id: rfqId }, data: { deadline, deadlineReminderAt: null, version: { increment: 1 } } }); // remind again before the new deadline
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
    await audit(tx, { organizationId: buyerId, actorId: a.user.id, action: "rfq.closed", entityType: "rfq", entityId: rfqId, data: { rfqId, reason: "buyer" } });
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
    await tx.rfq.update({ where: { id: rfqId }, data: { status: "cancelled", cancelledAt: new Date(), cancelReason: reason, version: { increment: 1 } } });
    await audit(tx, { organizationId: buyerId, actorId: a.user.id, action: "rfq.cancelled", entityType: "rfq", entityId: rfqId, data: { rfqId, reason, from: r.status } });
  });
  return getRfqForActor(a, rfqId);
}

// ---------------------------------------------------------------------------------------------------------
// Invitations (the buyer sees them; a supplier only ever learns about itself)
// ---------------------------------------------------------------------------------------------------------

export interface InvitationView {
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
    supplier: { id: r.supplier.id, name: r.supplier.name, type: r.supplier.type, regency: r.supplier.supplierProfile?.regency?.name ?? null },
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
    await audit(tx, { organizationId: buyerId, actorId: a.user.id, action: "rfq.invited", entityType: "rfq", entityId: rfqId, data: { rfqId, supplierIds: fresh } });
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
    await audit(tx, { organizationId: buyerId, actorId: a.user.id, action: "rfq.uninvited", entityType: "rfq", entityId: rfqId, data: { rfqId, supplierIds: [supplierId] } });
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
    select: { id: true, name: true, type: true, supplierProfile: { select: { regency: { select: { name: true, province: { select: { name: true } } } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    location: r.supplierProfile?.regency ? `${r.supplierProfile.regency.name}, ${r.supplierProfile.regency.province.name}` : null,
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Clarifications: asked by suppliers (never shown who to other suppliers), answered by the buyer for all
// ---------------------------------------------------------------------------------------------------------

export interface ClarificationView {
  id: string;
  question: string;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  /** Suppliers: whether the asking organization is the caller's own. */
  askedByYou?: boolean;
  /**
   * The buyer only: who asked; null while the asker is withheld (a sealed RFQ before its deadline, issue 11:
   * lib/audit/sealed.ts suppliersWithheld()).
   */
  askedBy?: { id: string; name: string } | null;
  /** The buyer only: true while the asker is withheld (then `askedBy` is null). */
  askerWithheld?: boolean;
}

export async function listClarifications(actor: Actor | null, rfqId: string): Promise<ClarificationView[]> {
  const a = authorizeRfqReader(actor);
  const org = a.membership.organizationId;
  // Waits for an extension being saved (issue 11 review; as lib/quotes/service.ts ownRfq): its deadline decides.
  await db.$queryRaw`SELECT id FROM "Rfq" WHERE id = ${rfqId} FOR KEY SHARE`;
  const rfq = await db.rfq.findFirst({ where: { AND: [{ id: rfqId }, visibleRfqWhere(a)] }, select: { id: true, sealed: true, deadline: true } });
  if (!rfq) throw notFound();
  // Who asks tells the buyer who is likely to quote: a sealed RFQ's buyer learns it only after the deadline.
  const withheld = suppliersWithheld(rfq);
  const rows = await db.clarification.findMany({
    where: { rfqId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, question: true, answer: true, answeredAt: true, createdAt: true, askedByOrgId: true, askedByOrg: { select: { id: true, name: true } } },
  });
  const buyer = isBuyer(a);
  return rows
    // A supplier sees answered questions, and its own still unanswered ones.
    .filter((c) => buyer || c.answer !== null || c.askedByOrgId === org)
    .map((c) => ({
      id: c.id,
      question: c.question,
      answer: c.answer,
      answeredAt: c.answeredAt,
      createdAt: c.createdAt,
      ...(buyer
        ? { askedBy: withheld ? null : c.askedByOrg, askerWithheld: withheld }
        : { askedByYou: c.askedByOrgId === org }),
    }));
}

/** A supplier that can see an RFQ asks a question while it accepts quotes. */
export async function askClarification(actor: Actor | null, rfqId: string, question: string): Promise<ClarificationView> {
  const a = authorizeSupplier(actor);
  const org = a.membership.organizationId;
  await closeExpiredRfqs({ rfqIds: [rfqId] });
  const rfq = await db.rfq.findFirst({ where: { AND: [{ id: rfqId }, supplierVisibleRfqWhere(org)] }, select: { id: true, status: true, deadline: true, buyerId: true } });
  if (!rfq) throw notFound();
  if (rfq.status !== "open" || deadlinePassed(rfq)) throw conflict("rfqs.errors.notOpen");
  const c = await db.$transaction(async (tx) => {
    const row = await tx.clarification.create({
      data: { rfqId, askedByOrgId: org, askedById: a.user.id, question },
      select: { id: true, question: true, answer: true, answeredAt: true, createdAt: true },
    });
    await audit(tx, {
      organizationId: rfq.buyerId,
      actorId: a.user.id,
      action: "clarification.asked",
      entityType: "clarification",
      entityId: row.id,
      data: { rfqId, supplierId: org },
    });
    return row;
  });
  return { ...c, askedByYou: true };
}

/**
 * The buyer answers (or corrects its answer to) a clarification; every supplier that can see the RFQ sees it.
 * The asking organization and the suppliers that quoted are notified.
 */
export async function answerClarification(actor: Actor | null, rfqId: string, clarificationId: string, answer: string): Promise<ClarificationView> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status === "draft" || r.status === "cancelled") throw conflict("rfqs.errors.notOpen");
    const c = await tx.clarification.findFirst({ where: { id: clarificationId, rfqId }, select: { id: true, askedByOrgId: true, answer: true } });
    if (!c) throw notFound();
    await tx.clarification.update({ where: { id: c.id }, data: { answer, answeredById: a.user.id, answeredAt: new Date() } });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "clarification.answered",
      entityType: "clarification",
      entityId: c.id,
      data: { rfqId, ...(c.answer !== null && { revised: true }) },
    });
    const quoted = await tx.quote.findMany({ where: { rfqId }, select: { supplierId: true }, distinct: ["supplierId"] });
    const orgs = [...new Set([c.askedByOrgId, ...quoted.map((q) => q.supplierId)])];
    await notify(tx, {
      type: "rfq.clarification_answered",
      organizationIds: orgs,
      params: { rfqTitle: r.title },
      link: `/papan-rfq/${rfqId}#klarifikasi`,
      excludeUserId: a.user.id,
    });
  });
  const list = await listClarifications(a, rfqId);
  return list.find((c) => c.id === clarificationId)!;
}

// ---------------------------------------------------------------------------------------------------------
// Attachments (PDF/JPEG/PNG, content-checked; stored in PostgreSQL)
// ---------------------------------------------------------------------------------------------------------

export async function addAttachment(actor: Actor | null, rfqId: string, file: UploadSource): Promise<RfqView["attachments"][number]> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  const prepared = await prepareUpload(file, "file");
  const id = await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "draft" && r.status !== "open") throw conflict("rfqs.errors.notEditable");
    const count = await tx.rfqAttachment.count({ where: { rfqId } });
    if (count >= MAX_ATTACHMENTS_PER_RFQ) throw invalidInput({ file: ["rfqs.errors.tooManyAttachments"] });
    const fileId = await storePreparedUpload(tx, { organizationId: buyerId, uploadedById: a.user.id, kind: "rfq_attachment" }, prepared);
    const att = await tx.rfqAttachment.create({ data: { rfqId, fileId }, select: { id: true } });
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.attachment_added",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, filename: prepared.filename },
    });
    return att.id;
  });
  return { id, filename: prepared.filename, mimeType: prepared.mimeType, sizeBytes: prepared.sizeBytes, url: rfqAttachmentUrl(rfqId, id) };
}

export async function removeAttachment(actor: Actor | null, rfqId: string, attachmentId: string): Promise<void> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const r = await lockOwn(tx, buyerId, rfqId);
    if (r.status !== "draft" && r.status !== "open") throw conflict("rfqs.errors.notEditable");
    const att = await tx.rfqAttachment.findFirst({ where: { id: attachmentId, rfqId }, select: { fileId: true, file: { select: { filename: true } } } });
    if (!att) throw notFound();
    await tx.storedFile.deleteMany({ where: { id: att.fileId, organizationId: buyerId } }); // cascades to the attachment
    await audit(tx, {
      organizationId: buyerId,
      actorId: a.user.id,
      action: "rfq.attachment_removed",
      entityType: "rfq",
      entityId: rfqId,
      data: { rfqId, filename: att.file.filename },
    });
  });
}

/** An attachment's content for anyone who may see the RFQ. */
export async function getAttachment(actor: Actor | null, rfqId: string, attachmentId: string) {
  const a = authorizeRfqReader(actor);
  const att = await db.rfqAttachment.findFirst({
    where: { id: attachmentId, rfq: { AND: [{ id: rfqId }, visibleRfqWhere(a)] } },
    select: { file: { select: { filename: true, mimeType: true, sizeBytes: true, content: true, sha256: true } } },
  });
  if (!att) throw notFound();
  return att.file;
}

// ---------------------------------------------------------------------------------------------------------
// History (the buyer organization's audit trail of one RFQ: its own entries and the quotes' entries)
// ---------------------------------------------------------------------------------------------------------

export interface HistoryEntry {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string } | null;
  data: Record<string, unknown>;
  createdAt: Date;
  /** A quote entry of a sealed RFQ before its deadline: who did it is withheld. */
  sealed: boolean;
}

export async function listRfqHistory(actor: Actor | null, rfqId: string, limit = 200): Promise<HistoryEntry[]> {
  const a = authorizeBuyer(actor);
  const buyerId = a.membership.organizationId;
  await closeExpiredRfqs({ rfqIds: [rfqId] });
  const rfq = await db.rfq.findFirst({ where: { id: rfqId, buyerId }, select: { id: true } });
  if (!rfq) throw notFound();
  const rows = await db.auditLog.findMany({
    where: { organizationId: buyerId, OR: [{ entityId: rfqId }, { data: { path: ["rfqId"], equals: rfqId } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 1000),
    select: { id: true, action: true, entityType: true, entityId: true, data: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
  // A sealed RFQ hides even who quoted until the deadline: the one masking rule of lib/audit/sealed.ts.
  const masked = await maskSealedQuoteEntries(buyerId, rows);
  return masked.map((r) => ({
    ...r,
    data: r.data && typeof r.data === "object" && !Array.isArray(r.data) ? (r.data as Record<string, unknown>) : {},
  }));
}

/** The calling supplier's own quote on an RFQ, if any (status only: the quote pages show the rest). */
export async function ownQuoteStatus(actor: Actor | null, rfqId: string): Promise<{ id: string; status: string } | null> {
  const a = authorizeSupplier(actor);
  return db.quote.findFirst({ where: { rfqId, supplierId: a.membership.organizationId }, select: { id: true, status: true } });
}
