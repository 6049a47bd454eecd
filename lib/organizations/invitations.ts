// Inviting colleagues to an organization (issue 16, ADR 0019). Owners and admins invite by e-mail with a role;
// the e-mail (written to the outbox in the same transaction as the invitation) carries a single-use link that
// expires after INVITATION_DAYS. Only the token's SHA-256 is stored. The link opens /undangan with the token
// in the URL fragment, which browsers never send to the server; the page POSTs it (ADR 0019 says why).
// The invitee accepts signed in with the invited address, or signs up with it on the invitation page.
// A used, revoked, expired or unknown token is "not found", all alike.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { consumeSignup } from "@/lib/auth/rate-limit";
import { fieldErrors } from "@/lib/auth/schemas";
import type { Actor, MemberRole } from "@/lib/auth/types";
import { appBaseUrl } from "@/lib/app-url";
import { conflict, forbidden, invalidInput, notFound, organizationSuspended, unauthorized } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { translate } from "@/lib/i18n/translate";
import { notify } from "@/lib/notifications/notify";
import { assertMayTouch, assertRoleAllowed, requireMemberManager } from "./access";
import { organizationRoutes } from "./routes";
import { acceptWithSignUpSchema, type InviteMemberInput } from "./schemas";

export const INVITATION_DAYS = 7; // also lib/admin (a created organization's first owner)

export const hashMemberInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

const invalidLink = () => notFound("members.errors.invitationInvalid");

/** The e-mail, in the invitee's language when they have an account (Indonesian otherwise). */
function invitationEmail(
  locale: string,
  input: { inviter: string; organization: string; role: MemberRole; token: string; expiresAt: Date },
) {
  const l = isLocale(locale) ? locale : "id";
  const values = {
    inviter: input.inviter,
    organization: input.organization,
    role: translate(l, `roles.${input.role}`),
    expires: formatDateTime(input.expiresAt, l),
    link: `${appBaseUrl()}${organizationRoutes.acceptInvitation(input.token)}`,
  };
  return { subject: translate(l, "members.email.subject", values), text: translate(l, "members.email.body", values) };
}

/**
 * Invites `email` to the organization with `role` (owners and admins; only an owner invites an owner; an
 * approver only at a buyer). A member already in the organization → 409. Inviting an address again replaces
 * its pending invitation (the old link stops working). Returns the invitation; the token only goes out by e-mail.
 */
export async function inviteMember(actor: Actor | null, organizationId: string, input: InviteMemberInput, now = new Date()) {
  const manager = requireMemberManager(actor, organizationId);
  assertRoleAllowed(manager, input.role);
  assertMayTouch(manager, null, input.role);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true } });
    const invitee = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, locale: true, disabledAt: true } });
    if (invitee && (await tx.membership.count({ where: { userId: invitee.id, organizationId } })) > 0) {
      throw conflict("members.errors.alreadyMember");
    }
    const previous = await tx.memberInvitation.findMany({
      where: { organizationId, email: input.email, acceptedAt: null },
      select: { id: true, role: true },
    });
    for (const p of previous) assertMayTouch(manager, p.role, null);
    if (previous.length) await tx.memberInvitation.deleteMany({ where: { id: { in: previous.map((p) => p.id) } } });
    const invitation = await tx.memberInvitation.create({
      data: {
        organizationId,
        email: input.email,
        role: input.role,
        tokenHash: hashMemberInvitationToken(token),
        invitedById: actor!.user.id,
        expiresAt,
        createdAt: now,
      },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    });
    const mail = invitationEmail(invitee?.locale ?? "id", {
      inviter: actor!.user.name,
      organization: org.name,
      role: input.role,
      token,
      expiresAt,
    });
    await tx.emailOutbox.create({ data: { to: input.email, ...mail } });
    if (invitee && !invitee.disabledAt) {
      // In the app too (no token in it: the link in the e-mail is the proof that the address is theirs).
      await notify(tx, {
        type: "organization.invited",
        userIds: [invitee.id],
        params: { organizationName: org.name, inviterName: actor!.user.name, role: input.role, expiresAt },
        email: false,
      });
    }
    await audit(tx, {
      organizationId,
      actorId: actor!.user.id,
      action: previous.length ? "member.reinvited" : "member.invited",
      entityType: "MemberInvitation",
      entityId: invitation.id,
      data: { email: input.email, role: input.role },
    });
    return { ...invitation, invitedBy: { id: actor!.user.id, name: actor!.user.name } };
  });
}

/** Withdraws a pending invitation (its link stops working). Someone else's or a used one → 404. */
export async function revokeInvitation(actor: Actor | null, organizationId: string, invitationId: string) {
  const manager = requireMemberManager(actor, organizationId);
  await db.$transaction(async (tx) => {
    const inv = await tx.memberInvitation.findFirst({
      where: { id: invitationId, organizationId, acceptedAt: null },
      select: { id: true, email: true, role: true },
    });
    if (!inv) throw notFound();
    assertMayTouch(manager, inv.role, null);
    await tx.memberInvitation.delete({ where: { id: inv.id } });
    await audit(tx, {
      organizationId,
      actorId: actor!.user.id,
      action: "member.invitation_revoked",
      entityType: "MemberInvitation",
      entityId: inv.id,
      data: { email: inv.email, role: inv.role },
    });
  });
}

type Tx = Prisma.TransactionClient;

async function usableInvitation(tx: Tx | typeof db, token: string, now: Date) {
  const inv = await tx.memberInvitation.findUnique({
    where: { tokenHash: hashMemberInvitationToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      organization: { select: { id: true, name: true, type: true, suspendedAt: true } },
    },
  });
  if (!inv || inv.acceptedAt || inv.expiresAt <= now) return null;
  return inv;
}

/**
 * What the invitation page shows before the invitee decides: the organization, the role, the address it is
 * for, until when, and whether that address has an account (sign in) or not (sign up). null = not usable.
 */
export async function previewInvitation(token: string, now = new Date()) {
  const inv = await usableInvitation(db, token, now);
  if (!inv) return null;
  const account = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return {
    organization: { name: inv.organization.name, type: inv.organization.type },
    role: inv.role,
    email: inv.email,
    expiresAt: inv.expiresAt,
    hasAccount: account !== null,
  };
}

/** Marks the invitation used (once: a concurrent second use finds it taken) and adds the membership. */
async function join(
  tx: Tx,
  inv: { id: string; role: MemberRole; organization: { id: string; suspendedAt: Date | null } },
  userId: string,
  now: Date,
) {
  // Nobody joins a suspended organization (issue 16): the link works again once the suspension is lifted.
  if (inv.organization.suspendedAt) throw organizationSuspended();
  const taken = await tx.memberInvitation.updateMany({
    where: { id: inv.id, acceptedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: userId },
  });
  if (taken.count !== 1) throw invalidLink();
  const already = await tx.membership.count({ where: { userId, organizationId: inv.organization.id } });
  if (already > 0) throw conflict("members.errors.alreadyMember");
  await tx.membership.create({ data: { userId, organizationId: inv.organization.id, role: inv.role } });
  await audit(tx, {
    organizationId: inv.organization.id,
    actorId: userId,
    action: "member.joined",
    entityType: "MemberInvitation",
    entityId: inv.id,
    data: { role: inv.role },
  });
}

/**
 * The signed-in invitee accepts: the membership with the invited role. Only the user whose e-mail address the
 * invitation names (a forwarded link does not work for someone else: 403 saying so).
 */
export async function acceptInvitation(actor: Actor | null, token: string, now = new Date()) {
  if (!actor) throw unauthorized();
  return db.$transaction(async (tx) => {
    const inv = await usableInvitation(tx, token, now);
    if (!inv) throw invalidLink();
    if (inv.email !== actor.user.email.toLowerCase()) throw forbidden("members.errors.otherEmail");
    await join(tx, inv, actor.user.id, now);
    const org = inv.organization;
    return { organizationId: org.id, organizationName: org.name, organizationType: org.type, role: inv.role };
  });
}

/**
 * An invitee without an account signs up on the invitation page: the account (the invitation's address, this
 * name and password) and the membership, in one transaction. The address has an account already → sign in.
 */
export async function acceptWithSignUp(
  input: unknown,
  { locale = "id", address = null }: { locale?: string; address?: string | null } = {},
  now = new Date(),
) {
  const parsed = acceptWithSignUpSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  await consumeSignup(address);
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    return await db.$transaction(async (tx) => {
      const inv = await usableInvitation(tx, parsed.data.token, now);
      if (!inv) throw invalidLink();
      if (await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } })) throw conflict("members.errors.signInInstead");
      const user = await tx.user.create({
        data: { email: inv.email, name: parsed.data.name, passwordHash, locale: locale === "en" ? "en" : "id" },
        select: { id: true, email: true },
      });
      await join(tx, inv, user.id, now);
      return { email: user.email, organizationId: inv.organization.id };
    });
  } catch (err) {
    // Two sign-ups with one address at once: the loser is told to sign in.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw conflict("members.errors.signInInstead");
    throw err;
  }
}
