// Reading RFQs: one RFQ as the actor may see it, and the one list (a buyer's own RFQs, or the suppliers' board)
// behind /rfq, /papan-rfq and GET /api/v1/rfqs. The organization comes from the actor, never from the client.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/types";
import { decodeCursor, paginate, type Page, cursorInstant } from "@/lib/api/pagination";
import { db, type Prisma } from "@/lib/db";
import { RFQ_STATUSES, type RfqStatus } from "@/lib/enums";
import { notFound } from "@/lib/errors";
import { authorizeBuyer, authorizeRfqReader, isBuyer, ownRfqWhere, supplierVisibleRfqWhere, visibleRfqWhere } from "./access";
import { closeExpiredRfqs } from "./deadlines";
import { clusterIdsOfOrganization } from "@/lib/clusters/scope";
import type { RfqListFilter, RfqListQuery } from "./schemas";
import { rfqSelect, toView, type RfqRow, type RfqView } from "./views";

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
    view.invited = Boolean(mine) || (view.clusterId !== null && (await clusterIdsOfOrganization(db, org)).includes(view.clusterId));
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
  query: RfqListQuery & { limit?: number; cursor?: string; ids?: readonly string[] },
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
  if (query.ids) and.push({ id: { in: [...query.ids] } }); // the board's "Cocok untuk saya": the RFQs matching ranked
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
  const myClusters = buyer ? [] : await clusterIdsOfOrganization(db, org);
  const views = rows.map((r) => {
    const v: RfqView & { quoteCount?: number } = toView(r as RfqRow, now);
    if (buyer) {
      const c = (r as unknown as { _count: { invitations: number; quotes: number } })._count;
      v.invitationCount = c.invitations;
      v.quoteCount = c.quotes;
    } else {
      v.invited =
        ((r as unknown as { invitations: unknown[] }).invitations ?? []).length > 0 ||
        (v.visibility === "invited" && v.clusterId !== null && myClusters.includes(v.clusterId));
    }
    return v;
  });
  return paginate(views, limit, (r) => [r.deadline.toISOString(), r.id]);
}

/**
 * The /rfq page: the buyer organization's own RFQs (at most 200; `status` filters) grouped by status in the
 * order of RFQ_STATUSES, soonest deadline first within each, and how many RFQs it has in each status. The
 * rows come from listRfqs (the one list); an open RFQ past its deadline is shown (and counted) as closed.
 */
export async function listOwnRfqs(actor: Actor | null, filter: RfqListFilter = {}) {
  const a = authorizeBuyer(actor);
  const page = await listRfqs(a, { status: filter.status, limit: 200 }); // closes expired RFQs first
  const counts = await db.rfq.groupBy({ by: ["status"], where: ownRfqWhere(a.membership.organizationId), _count: { _all: true } });
  const rank = (s: RfqStatus) => RFQ_STATUSES.indexOf(s);
  return {
    rfqs: [...page.data].sort((x, y) => rank(x.status) - rank(y.status)),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<RfqStatus, number>>,
  };
}

/**
 * The RFQ's title for a page's <title>, only when the actor may open the RFQ (its buyer; a supplier it is
 * visible to); null otherwise, so a page the reader may not open never names the RFQ in its title.
 */
export async function rfqTitleFor(actor: Actor | null, rfqId: string): Promise<string | null> {
  let a;
  try {
    a = authorizeRfqReader(actor);
  } catch {
    return null;
  }
  const row = await db.rfq.findFirst({ where: { AND: [{ id: rfqId }, visibleRfqWhere(a)] }, select: { title: true } });
  return row?.title ?? null;
}
