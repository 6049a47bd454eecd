// Inviting a proposed consortium to the buyer's open RFQ (a write: audit entry and notifications in the same
// transaction). See lib/matching/service.ts for the reads.
import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import { requireVerified } from "@/lib/auth/authorize";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { deadlinePassed } from "@/lib/rfqs/access";
import { scoreSuppliers } from "./engine";
import { shares } from "./consortium-plan";
import { cooperativesOf, ownRfq } from "./service";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { inviteSuppliers } from "@/lib/rfqs/invitations";
import { inviteConsortiumSchema, inviteMatchesSchema, type InviteConsortiumInput, type InviteMatchesInput } from "./schemas";

export interface InvitedConsortium {
  id: string;
  name: string;
  leadId: string;
  cooperativeId: string | null;
  members: { supplierId: string; name: string; shareQuantity: number; sharePercent: number }[];
}

/**
 * Invites a group of UMKM to quote together for the buyer's open RFQ: creates the consortium with each
 * member's share of the quantity (in proportion to capacity), invites its lead (RfqInvitation with the
 * consortium) and notifies every member. Every member must qualify (hard requirements met); a member already
 * in another consortium of this RFQ, or a lead already invited, is a conflict.
 */
export async function inviteConsortium(actor: Actor | null, rfqId: string, input: InviteConsortiumInput): Promise<InvitedConsortium> {
  const parsed = inviteConsortiumSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "memberIds")] ??= []).push(issue.message);
    throw invalidInput(fields);
  }
  const { rfq, ctx, actor: a } = await ownRfq(actor, rfqId, "rfq:write");
  requireVerified(a); // inviting acts on other organizations: only a verified buyer (issue 11)
  if (rfq.status !== "open" || deadlinePassed(rfq)) throw conflict("errors.matching.rfqNotOpen");
  const memberIds = parsed.data.memberIds;
  const scored = await scoreSuppliers(ctx, memberIds);
  if (scored.length !== memberIds.length) throw invalidInput({ memberIds: ["errors.matching.notSupplier"] });
  if (scored.some((s) => !s.qualified)) throw invalidInput({ memberIds: ["errors.matching.memberNotQualified"] });
  const byId = new Map(scored.map((s) => [s.supplier.id, s]));
  const ordered = memberIds.map((id) => byId.get(id)!);
  const leadId = parsed.data.leadId ?? [...ordered].sort((x, y) => y.score - x.score)[0].supplier.id;
  const capacities = ordered.map((s) => Math.max(1, s.signals.capacity ?? 0));
  const parts = shares(capacities, ctx.quantity);
  const coops = await cooperativesOf(memberIds, db); // names the consortium it writes: the primary
  const common =
    (coops.get(memberIds[0]) ?? []).find((c) => memberIds.every((id) => (coops.get(id) ?? []).some((x) => x.id === c.id))) ?? null;
  const lead = byId.get(leadId)!;
  const name = common ? `${common.name} (${lead.supplier.name})` : `Konsorsium ${lead.supplier.name}`;
  const buyer = await db.organization.findUniqueOrThrow({ where: { id: a.membership.organizationId }, select: { name: true } });

  try {
    return await db.$transaction(async (tx) => {
      // Members of an invited consortium are busy; a cluster manager's proposal the buyer has not invited
      // (lib/clusters/consortium.ts) does not bind anyone.
      const busy = await tx.consortiumMember.findFirst({
        where: { supplierId: { in: memberIds }, consortium: { rfqId: rfq.id, invitations: { some: {} } } },
        select: { id: true },
      });
      if (busy) throw conflict("errors.matching.alreadyInConsortium");
      const existing = await tx.rfqInvitation.findUnique({ where: { rfqId_supplierId: { rfqId: rfq.id, supplierId: leadId } } });
      if (existing?.consortiumId) throw conflict("errors.matching.alreadyInConsortium");
      const consortium = await tx.consortium.create({
        data: {
          rfqId: rfq.id,
          name: name.slice(0, 200),
          leadId,
          cooperativeId: common?.id ?? null,
          members: {
            create: ordered.map((s, i) => ({
              supplierId: s.supplier.id,
              shareQuantity: parts[i],
              sharePercent: new Prisma.Decimal(ctx.quantity > 0 ? ((100 * parts[i]) / ctx.quantity).toFixed(2) : "0"),
            })),
          },
        },
        select: { id: true, name: true, leadId: true, cooperativeId: true },
      });
      if (existing) await tx.rfqInvitation.update({ where: { id: existing.id }, data: { consortiumId: consortium.id } });
      else await tx.rfqInvitation.create({ data: { rfqId: rfq.id, supplierId: leadId, consortiumId: consortium.id } });
      await audit(tx, {
        organizationId: a.membership.organizationId,
        actorId: a.user.id,
        action: "rfq.consortium_invited",
        entityType: "Rfq",
        entityId: rfq.id,
        data: {
          consortiumId: consortium.id,
          leadId,
          members: ordered.map((s, i) => ({ supplierId: s.supplier.id, shareQuantity: parts[i] })),
        },
      });
      await notify(tx, {
        type: "consortium.invited",
        organizationIds: memberIds,
        params: { rfqTitle: rfq.title, buyerName: buyer.name, consortiumName: consortium.name },
        link: rfqRoutes.boardDetail(rfq.id),
        excludeUserId: a.user.id,
      });
      return {
        ...consortium,
        members: ordered.map((s, i) => ({
          supplierId: s.supplier.id,
          name: s.supplier.name,
          shareQuantity: parts[i],
          sharePercent: ctx.quantity > 0 ? Math.round((10000 * parts[i]) / ctx.quantity) / 100 : 0,
        })),
      };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw conflict("errors.matching.alreadyInConsortium");
    throw err;
  }
}

/**
 * The buyer invites a consortium a cluster manager proposed for its open RFQ (issue 12; lib/clusters/consortium.ts):
 * the same as inviting its own consortium — every member must still qualify and be free (in no invited
 * consortium of this RFQ), the lead gets the RFQ invitation carrying the consortium, every member is told
 * ("consortium.invited"), the lead quotes for the group and each member accepts the agreement itself.
 * 404 for a proposal of another RFQ or one already invited.
 */
export async function inviteProposedConsortium(actor: Actor | null, rfqId: string, consortiumId: string): Promise<InvitedConsortium> {
  const { rfq, ctx, actor: a } = await ownRfq(actor, rfqId, "rfq:write");
  requireVerified(a);
  if (rfq.status !== "open" || deadlinePassed(rfq)) throw conflict("errors.matching.rfqNotOpen");
  const proposal = await db.consortium.findFirst({
    where: { id: consortiumId, rfqId: rfq.id, clusterId: { not: null }, invitations: { none: {} } },
    select: {
      id: true,
      name: true,
      leadId: true,
      cooperativeId: true,
      cluster: { select: { name: true } },
      members: { select: { supplierId: true, shareQuantity: true, sharePercent: true, supplier: { select: { name: true } } } },
    },
  });
  if (!proposal) throw notFound("errors.matching.proposalUnknown");
  const memberIds = proposal.members.map((m) => m.supplierId);
  const scored = await scoreSuppliers(ctx, memberIds);
  if (scored.length !== memberIds.length || scored.some((s) => !s.qualified))
    throw invalidInput({ memberIds: ["errors.matching.memberNotQualified"] });
  const buyer = await db.organization.findUniqueOrThrow({ where: { id: a.membership.organizationId }, select: { name: true } });
  try {
    return await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Rfq" WHERE id = ${rfq.id} FOR UPDATE`;
      const busy = await tx.consortiumMember.findFirst({
        where: { supplierId: { in: memberIds }, consortium: { rfqId: rfq.id, id: { not: proposal.id }, invitations: { some: {} } } },
        select: { id: true },
      });
      if (busy) throw conflict("errors.matching.alreadyInConsortium");
      const fresh = await tx.rfqInvitation.count({ where: { consortiumId: proposal.id } });
      if (fresh > 0) throw notFound("errors.matching.proposalUnknown");
      const existing = await tx.rfqInvitation.findUnique({ where: { rfqId_supplierId: { rfqId: rfq.id, supplierId: proposal.leadId } } });
      if (existing?.consortiumId) throw conflict("errors.matching.alreadyInConsortium");
      if (existing) await tx.rfqInvitation.update({ where: { id: existing.id }, data: { consortiumId: proposal.id } });
      else await tx.rfqInvitation.create({ data: { rfqId: rfq.id, supplierId: proposal.leadId, consortiumId: proposal.id } });
      await audit(tx, {
        organizationId: a.membership.organizationId,
        actorId: a.user.id,
        action: "rfq.consortium_invited",
        entityType: "Rfq",
        entityId: rfq.id,
        data: {
          consortiumId: proposal.id,
          leadId: proposal.leadId,
          proposedByCluster: true,
          members: proposal.members.map((m) => ({ supplierId: m.supplierId, shareQuantity: m.shareQuantity })),
        },
      });
      await notify(tx, {
        type: "consortium.invited",
        organizationIds: memberIds,
        params: { rfqTitle: rfq.title, buyerName: buyer.name, consortiumName: proposal.name },
        link: rfqRoutes.boardDetail(rfq.id),
        excludeUserId: a.user.id,
      });
      return {
        id: proposal.id,
        name: proposal.name,
        leadId: proposal.leadId,
        cooperativeId: proposal.cooperativeId,
        members: proposal.members.map((m) => ({
          supplierId: m.supplierId,
          name: m.supplier.name,
          shareQuantity: m.shareQuantity ?? 0,
          sharePercent: m.sharePercent === null ? 0 : Number(m.sharePercent),
        })),
      };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw conflict("errors.matching.alreadyInConsortium");
    throw err;
  }
}

export interface InvitedMatches {
  /** Newly invited (notified now). */
  invited: string[];
  /** Already invited before (nothing changed for them). */
  alreadyInvited: string[];
}

/**
 * Invites UMKM (or cooperatives) to the buyer's own open RFQ, one or several at once (issue 17): from the
 * matches, almost-qualified ones included (the buyer sees their gaps; whether they can quote is theirs to
 * decide), or from a supplier's public page. All or nothing: every id must be a supplier organization
 * (otherwise 400 on supplierIds and nothing is written), the RFQ must be the buyer's own (404) and open before
 * its deadline (409), the buyer verified (403). The invitation itself is the RFQ service's
 * (lib/rfqs/invitations.ts inviteSuppliers): one transaction with its audit entry and the invitees'
 * notifications and e-mails. Ids already invited are reported, not repeated.
 */
export async function inviteMatches(actor: Actor | null, input: InviteMatchesInput): Promise<InvitedMatches> {
  const parsed = inviteMatchesSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "supplierIds")] ??= []).push(issue.message);
    throw invalidInput(fields);
  }
  const { rfq, actor: a } = await ownRfq(actor, parsed.data.rfqId, "rfq:write");
  requireVerified(a);
  if (rfq.status !== "open" || deadlinePassed(rfq)) throw conflict("errors.matching.rfqNotOpen");
  const ids = [...new Set(parsed.data.supplierIds)];
  const before = await db.rfqInvitation.findMany({ where: { rfqId: rfq.id, supplierId: { in: ids } }, select: { supplierId: true } });
  const already = new Set(before.map((b) => b.supplierId));
  await inviteSuppliers(a, rfq.id, ids); // validates every id, locks the RFQ, re-checks it is open
  return { invited: ids.filter((id) => !already.has(id)), alreadyInvited: ids.filter((id) => already.has(id)) };
}
