// Platform admins' review of proposed identity changes (ADR 0020): the queue (a section of /admin/verifikasi)
// and the decision. Approving copies the proposed values onto the organization (from then on everything public
// shows them); returning keeps the approved values and stores the admin's note for the organization. Either
// way the proposal is cleared, both organizations' audit logs record it, and the organization's owners and
// admins are notified (in-app and e-mail through the outbox).
import type { AuditAction } from "@/lib/audit/actions";
import "server-only";
import { db, Prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/authorize";
import { isPlatformVerifier } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/types";
import { notify } from "@/lib/notifications/notify";
import { PROFILE_ORG_TYPES } from "./access";
import { identityChangeOf } from "./profile";
import type { ProfileReviewDecision } from "./profile-schemas";
import { organizationRoutes } from "./routes";

const verifier = { orgTypes: ["platform"], permission: "platform:verify" } as const;

/** Platform verifiers only; anyone else signed in gets 404 (the admin area does not exist for them), 401 signed out. */
function reviewer(actor: Actor | null) {
  if (actor && !isPlatformVerifier(actor)) throw notFound();
  return authorize(actor, verifier);
}

/** Organizations with a proposed identity change, oldest first, with the approved values beside it. */
export async function listProfileChangesForReview(actor: Actor | null, { limit = 100 }: { limit?: number } = {}) {
  reviewer(actor);
  const rows = await db.organization.findMany({
    where: { identityChangeAt: { not: null }, type: { in: [...PROFILE_ORG_TYPES] } },
    orderBy: { identityChangeAt: "asc" },
    take: limit,
    select: {
      id: true,
      type: true,
      name: true,
      legalName: true,
      legalForm: true,
      npwp: true,
      isStateOwned: true,
      verificationStatus: true,
      identityChange: true,
      identityChangeAt: true,
    },
  });
  return rows.map(({ identityChange, identityChangeAt, ...approved }) => ({
    ...approved,
    change: { ...identityChangeOf(identityChange)!, at: identityChangeAt! },
  }));
}
export type ProfileChangeForReview = Awaited<ReturnType<typeof listProfileChangesForReview>>[number];

/**
 * Approve or return the proposal waiting on organization `id`. No proposal → 409; not a profile organization
 * → 404. The decision carries the proposal's time the admin saw (`identityChangeAt`): a proposal replaced since
 * then → 409, so the admin never decides on values they did not review.
 */
export async function decideProfileChange(actor: Actor | null, id: string, input: ProfileReviewDecision) {
  const a = reviewer(actor);
  const approved = input.decision === "approved";
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findFirst({
      where: { id, type: { in: [...PROFILE_ORG_TYPES] } },
      select: { id: true, name: true, identityChange: true, identityChangeAt: true },
    });
    if (!org) throw notFound();
    const change = identityChangeOf(org.identityChange);
    if (!change || !org.identityChangeAt) throw conflict("organizations.errors.noPendingChange");
    if (org.identityChangeAt.getTime() !== new Date(input.identityChangeAt).getTime()) {
      throw conflict("organizations.errors.identityChangeChanged");
    }
    const { count } = await tx.organization.updateMany({
      where: { id, identityChangeAt: new Date(input.identityChangeAt) },
      data: {
        ...(approved ? change.fields : {}),
        identityChange: Prisma.DbNull,
        identityChangeAt: null,
        identityChangeNote: approved ? null : input.note,
      },
    });
    if (count !== 1) throw conflict("organizations.errors.noPendingChange");
    const action: AuditAction = `organization.profile_${input.decision}`;
    const data = {
      fields: change.fields,
      note: input.note,
      previousName: org.name,
      proposedBy: change.proposedById,
    } as Prisma.InputJsonValue;
    await audit(tx, { organizationId: id, actorId: a.user.id, action, entityType: "Organization", entityId: id, data });
    await audit(tx, {
      organizationId: a.membership.organizationId,
      actorId: a.user.id,
      action,
      entityType: "Organization",
      entityId: id,
      data,
    });
    const recipients = await tx.membership.findMany({
      where: { organizationId: id, role: { in: ["owner", "admin"] } },
      select: { userId: true },
    });
    const name = approved && change.fields.name ? change.fields.name : org.name;
    await notify(tx, {
      type: approved ? "organization.profile_approved" : "organization.profile_returned",
      userIds: recipients.map((r) => r.userId),
      organizationId: id,
      params: { organizationName: name, note: input.note },
      link: organizationRoutes.profile(),
    });
    return { id, decision: input.decision };
  });
}
