// Membership requests (issue 11): an UMKM that already exists on Rantai joins a cooperative only by accepting
// the cooperative's request; an import never makes an existing UMKM a member (lib/cooperatives/import.ts).
//  - A VERIFIED cooperative asks (owners and admins: cooperative:members:manage), finding the UMKM by its NIB
//    or by name; an unverified one gets 403 verification_required.
//  - The UMKM's owners and admins (org:update) are notified (in-app + e-mail, their language) and accept or
//    decline on their dashboard; only an accepted request creates the active CooperativeMembership.
//  - One row per cooperative and UMKM. Asking again after a decline waits REASK_AFTER_DAYS; a cooperative sends
//    at most REQUESTS_PER_DAY requests in 24 hours (each notifies and e-mails people outside it).
import type { AuditAction } from "@/lib/audit/actions";
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, requireVerified, ACTORS } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { fieldErrors } from "@/lib/auth/schemas";
import { notify } from "@/lib/notifications/notify";
import { parseNib } from "@/lib/suppliers/identifiers";
import { organizationRoutes } from "@/lib/organizations/routes";
import { cooperativeRoutes } from "./routes";

const REASK_AFTER_DAYS = 30;
const REQUESTS_PER_DAY = 100;
const CANDIDATES_LIMIT = 10;
/** Where an UMKM owner finds the requests (the notification's link). */
const INCOMING_REQUESTS_LINK = organizationRoutes.dashboard("permintaan-koperasi");

const id = z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(64, "errors.field.tooLong");

export const joinRequestSchema = z.object({
  organizationId: id,
  memberNumber: z
    .string({ error: "errors.field.invalid" })
    .trim()
    .max(50, "errors.field.tooLong")
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const joinRequestIdSchema = z.object({ requestId: id });

export const joinDecisionSchema = z.object({
  requestId: id,
  decision: z.enum(["accept", "decline"], { error: "errors.field.invalid" }),
});

function coopActor(actor: Actor | null) {
  return authorize(actor, { orgTypes: ACTORS.cooperative, permission: "cooperative:members:manage" });
}

export interface JoinCandidate {
  organizationId: string;
  name: string;
  nib: string | null;
  regencyName: string | null;
  verified: boolean;
  /** pending: a request of this cooperative waits for the UMKM's answer. */
  requestStatus: "pending" | "accepted" | "declined" | "cancelled" | null;
}

/**
 * UMKM a cooperative may ask to join: by exact NIB (any existing UMKM: the cooperative holds the number) or by
 * name (verified UMKM only, the ones the public directory shows). Its own active members are left out.
 */
export async function findJoinCandidates(actor: Actor | null, query: string): Promise<JoinCandidate[]> {
  const a = coopActor(actor);
  const coopId = a.membership.organizationId;
  const term = String(query ?? "")
    .trim()
    .slice(0, 100);
  if (term.length < 3) return [];
  const nib = parseNib(term);
  const rows = await db.organization.findMany({
    where: {
      type: "umkm",
      cooperatives: { none: { cooperativeId: coopId, status: "active" } },
      ...(nib.ok
        ? { supplierProfile: { nib: nib.value } }
        : { name: { contains: term, mode: "insensitive" }, supplierProfile: { verificationStatus: "verified" } }),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CANDIDATES_LIMIT,
    select: {
      id: true,
      name: true,
      supplierProfile: { select: { nib: true, verificationStatus: true, regency: { select: { name: true } } } },
      joinRequestsReceived: { where: { cooperativeId: coopId }, select: { status: true } },
    },
  });
  return rows.map((r) => ({
    organizationId: r.id,
    name: r.name,
    nib: r.supplierProfile?.nib ?? null,
    regencyName: r.supplierProfile?.regency?.name ?? null,
    verified: r.supplierProfile?.verificationStatus === "verified",
    requestStatus: r.joinRequestsReceived[0]?.status ?? null,
  }));
}

/** Owners and admins of an organization: who decides its membership requests. */
async function deciders(tx: Pick<typeof db, "membership">, organizationId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({ where: { organizationId, role: { in: ["owner", "admin"] } }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** A verified cooperative asks an existing UMKM to join it. */
export async function requestMembership(actor: Actor | null, input: unknown) {
  const a = requireVerified(coopActor(actor));
  const parsed = joinRequestSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  const coopId = a.membership.organizationId;
  const { organizationId, memberNumber } = parsed.data;
  return db.$transaction(async (tx) => {
    // Serializes this cooperative's requests, so the daily cap holds under concurrent sends.
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${coopId} FOR UPDATE`;
    const today = await tx.cooperativeJoinRequest.count({
      where: { cooperativeId: coopId, createdAt: { gt: new Date(Date.now() - 86_400_000) } },
    });
    if (today >= REQUESTS_PER_DAY) throw conflict("cooperatives.joinRequests.errors.tooMany");
    const target = await tx.organization.findFirst({ where: { id: organizationId, type: "umkm" }, select: { id: true, name: true } });
    if (!target) throw notFound();
    const membership = await tx.cooperativeMembership.findUnique({
      where: { cooperativeId_memberId: { cooperativeId: coopId, memberId: target.id } },
      select: { status: true },
    });
    if (membership?.status === "active") throw conflict("cooperatives.joinRequests.errors.alreadyMember");
    const previous = await tx.cooperativeJoinRequest.findUnique({
      where: { cooperativeId_memberId: { cooperativeId: coopId, memberId: target.id } },
      select: { id: true, status: true, decidedAt: true },
    });
    if (previous?.status === "pending") throw conflict("cooperatives.joinRequests.errors.alreadyRequested");
    if (
      previous?.status === "declined" &&
      previous.decidedAt &&
      previous.decidedAt.getTime() > Date.now() - REASK_AFTER_DAYS * 86_400_000
    ) {
      throw conflict("cooperatives.joinRequests.errors.recentlyDeclined");
    }
    const now = new Date();
    const data = { status: "pending" as const, memberNumber, requestedById: a.user.id, createdAt: now, decidedAt: null, decidedById: null };
    // One row per cooperative and UMKM; the unique key makes two simultaneous requests one.
    const request = previous
      ? await tx.cooperativeJoinRequest.update({ where: { id: previous.id, status: previous.status }, data, select: { id: true } })
      : await tx.cooperativeJoinRequest.create({ data: { cooperativeId: coopId, memberId: target.id, ...data }, select: { id: true } });
    const payload = { cooperativeName: a.membership.organizationName, organizationName: target.name };
    await audit(tx, {
      organizationId: coopId,
      actorId: a.user.id,
      action: "cooperative.join.requested",
      entityType: "Organization",
      entityId: target.id,
      data: payload,
    });
    await audit(tx, {
      organizationId: target.id,
      actorId: a.user.id,
      action: "cooperative.join.requested",
      entityType: "CooperativeJoinRequest",
      entityId: request.id,
      data: payload,
    });
    await notify(tx, {
      type: "cooperative.join_requested",
      userIds: await deciders(tx, target.id),
      organizationId: target.id,
      params: { cooperativeName: a.membership.organizationName, umkmName: target.name },
      link: INCOMING_REQUESTS_LINK,
    });
    return { id: request.id, status: "pending" as const };
  });
}

/** The cooperative withdraws a request that is still pending. */
export async function cancelJoinRequest(actor: Actor | null, input: unknown) {
  const a = coopActor(actor);
  const parsed = joinRequestIdSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  const coopId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const done = await tx.cooperativeJoinRequest.updateMany({
      where: { id: parsed.data.requestId, cooperativeId: coopId, status: "pending" },
      data: { status: "cancelled", decidedAt: new Date(), decidedById: a.user.id },
    });
    if (done.count !== 1) throw notFound();
    await audit(tx, {
      organizationId: coopId,
      actorId: a.user.id,
      action: "cooperative.join.cancelled",
      entityType: "CooperativeJoinRequest",
      entityId: parsed.data.requestId,
    });
    return { id: parsed.data.requestId, status: "cancelled" as const };
  });
}

/** The cooperative's requests still waiting for an answer (its members page). */
export async function listOutgoingJoinRequests(actor: Actor | null) {
  const a = coopActor(actor);
  return db.cooperativeJoinRequest.findMany({
    where: { cooperativeId: a.membership.organizationId, status: "pending" },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      createdAt: true,
      memberNumber: true,
      member: { select: { id: true, name: true, supplierProfile: { select: { nib: true } } } },
    },
  });
}

/** An UMKM's pending requests from cooperatives (its dashboard), and whether this person may decide them. */
export async function listIncomingJoinRequests(actor: Actor | null) {
  const a = authorize(actor, { orgTypes: ACTORS.umkm, permission: "org:read" });
  const items = await db.cooperativeJoinRequest.findMany({
    where: { memberId: a.membership.organizationId, status: "pending" },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      createdAt: true,
      cooperative: { select: { id: true, name: true, verificationStatus: true, regency: { select: { name: true } } } },
    },
  });
  const m = a.membership;
  return { items, canDecide: m.role === "owner" || m.role === "admin" };
}

/**
 * The UMKM's owner or admin accepts or declines. Accepting makes it an active member of the cooperative (with
 * the member number the cooperative gave); declining changes nothing else. Once: a decided request is gone.
 */
export async function decideJoinRequest(actor: Actor | null, input: unknown) {
  const a = authorize(actor, { orgTypes: ACTORS.umkm, permission: "org:update" });
  const parsed = joinDecisionSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  const memberId = a.membership.organizationId;
  const { requestId, decision } = parsed.data;
  return db.$transaction(async (tx) => {
    const request = await tx.cooperativeJoinRequest.findFirst({
      where: { id: requestId, memberId, status: "pending" },
      select: { id: true, cooperativeId: true, memberNumber: true, cooperative: { select: { name: true } } },
    });
    if (!request) throw notFound();
    const now = new Date();
    const status = decision === "accept" ? ("accepted" as const) : ("declined" as const);
    // Conditional: two answers at once → one decides.
    const done = await tx.cooperativeJoinRequest.updateMany({
      where: { id: request.id, status: "pending" },
      data: { status, decidedAt: now, decidedById: a.user.id },
    });
    if (done.count !== 1) throw notFound();
    if (status === "accepted") {
      await tx.cooperativeMembership.upsert({
        where: { cooperativeId_memberId: { cooperativeId: request.cooperativeId, memberId } },
        create: { cooperativeId: request.cooperativeId, memberId, memberNumber: request.memberNumber, status: "active", joinedAt: now },
        update: { status: "active", joinedAt: now, ...(request.memberNumber ? { memberNumber: request.memberNumber } : {}) },
      });
    }
    const payload = { cooperativeName: request.cooperative.name, organizationName: a.membership.organizationName };
    const action: AuditAction = `cooperative.join.${status}`;
    await audit(tx, {
      organizationId: memberId,
      actorId: a.user.id,
      action,
      entityType: "Organization",
      entityId: request.cooperativeId,
      data: payload,
    });
    await audit(tx, {
      organizationId: request.cooperativeId,
      actorId: a.user.id,
      action,
      entityType: "CooperativeJoinRequest",
      entityId: request.id,
      data: payload,
    });
    await notify(tx, {
      type: status === "accepted" ? "cooperative.join_accepted" : "cooperative.join_declined",
      userIds: await deciders(tx, request.cooperativeId),
      organizationId: request.cooperativeId,
      params: { cooperativeName: request.cooperative.name, umkmName: a.membership.organizationName },
      link: cooperativeRoutes.members(),
    });
    return { id: request.id, status };
  });
}
