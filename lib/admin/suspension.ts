// Suspending and reinstating organizations and users (issue 16 item 4), by platform admins, with a reason.
//
// A suspended organization: its members still sign in and read, but every write for it is refused with 403
// organization_suspended (enforced centrally: lib/auth/authorize.ts for the action wrappers and apiRoute,
// lib/api/actor.ts for every API write), and it leaves the public directory, its public profile, search and
// matching (rantai_search_refresh skips it, migration 20261207134138_suspension).
// A suspended user cannot sign in, and their sessions and API tokens resolve to nobody from the next request
// on (lib/auth/session-user.ts). Reinstating undoes both. Each change is one transaction with its audit entry.
import type { AuditAction } from "@/lib/audit/actions";
import "server-only";
import { db, Prisma } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/types";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { requirePlatformAdmin } from "./access";

type Tx = Prisma.TransactionClient;

const refreshSearch = (tx: Tx, id: string) => tx.$executeRaw`SELECT rantai_search_refresh(ARRAY[${id}]::text[])`;

export async function suspendOrganization(actor: Actor | null, input: { id: string; reason: string }, now = new Date()) {
  const admin = requirePlatformAdmin(actor);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.id }, select: { id: true, type: true, suspendedAt: true } });
    if (!org) throw notFound();
    if (org.type === "platform") throw forbidden("admin.errors.platformNotSuspendable");
    if (org.suspendedAt) throw conflict("admin.errors.alreadySuspended");
    const updated = await tx.organization.update({
      where: { id: org.id },
      data: { suspendedAt: now, suspendedReason: input.reason, suspendedById: admin.user.id },
      select: { id: true, suspendedAt: true, suspendedReason: true },
    });
    if (org.type === "umkm") await refreshSearch(tx, org.id);
    await audit(tx, {
      organizationId: org.id,
      actorId: admin.user.id,
      action: "organization.suspended",
      entityType: "Organization",
      entityId: org.id,
      data: { reason: input.reason },
    });
    return updated;
  });
}

export async function reinstateOrganization(actor: Actor | null, input: { id: string }) {
  const admin = requirePlatformAdmin(actor);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({
      where: { id: input.id },
      select: { id: true, type: true, suspendedAt: true, suspendedReason: true },
    });
    if (!org) throw notFound();
    if (!org.suspendedAt) throw conflict("admin.errors.notSuspended");
    const updated = await tx.organization.update({
      where: { id: org.id },
      data: { suspendedAt: null, suspendedReason: null, suspendedById: null },
      select: { id: true, suspendedAt: true },
    });
    if (org.type === "umkm") await refreshSearch(tx, org.id);
    await audit(tx, {
      organizationId: org.id,
      actorId: admin.user.id,
      action: "organization.reinstated",
      entityType: "Organization",
      entityId: org.id,
      data: { suspendedAt: org.suspendedAt.toISOString(), reason: org.suspendedReason },
    });
    return updated;
  });
}

/** Audit entries about a user go to each of their organizations' logs (or to none when they have none). */
async function auditUser(tx: Tx, userId: string, entry: { actorId: string; action: AuditAction; data: Prisma.InputJsonValue }) {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { organizationId: true } });
  const orgIds = memberships.length ? memberships.map((m) => m.organizationId) : [null];
  for (const organizationId of orgIds) await audit(tx, { organizationId, entityType: "User", entityId: userId, ...entry });
}

export async function suspendUser(actor: Actor | null, input: { id: string; reason: string }, now = new Date()) {
  const admin = requirePlatformAdmin(actor);
  if (input.id === admin.user.id) throw forbidden("admin.errors.notYourself");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, suspendedAt: true } });
    if (!user) throw notFound();
    if (user.suspendedAt) throw conflict("admin.errors.alreadySuspended");
    const updated = await tx.user.update({
      where: { id: user.id },
      // The session version goes up too: a JWT signed in before is refused even once the user is reinstated.
      data: { suspendedAt: now, suspendedReason: input.reason, suspendedById: admin.user.id, sessionVersion: { increment: 1 } },
      select: { id: true, suspendedAt: true, suspendedReason: true },
    });
    await auditUser(tx, user.id, { actorId: admin.user.id, action: "user.suspended", data: { reason: input.reason } });
    return updated;
  });
}

export async function reinstateUser(actor: Actor | null, input: { id: string }) {
  const admin = requirePlatformAdmin(actor);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, suspendedAt: true, suspendedReason: true } });
    if (!user) throw notFound();
    if (!user.suspendedAt) throw conflict("admin.errors.notSuspended");
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { suspendedAt: null, suspendedReason: null, suspendedById: null },
      select: { id: true, suspendedAt: true },
    });
    await auditUser(tx, user.id, {
      actorId: admin.user.id,
      action: "user.reinstated",
      data: { suspendedAt: user.suspendedAt.toISOString(), reason: user.suspendedReason },
    });
    return updated;
  });
}
