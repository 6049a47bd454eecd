// A cooperative's member UMKM (the /anggota list) and claiming an invitation (/klaim/[token]): the owner
// named in the cooperative's CSV sets a name and password, which creates their user and owner membership.
import { emptyIsRequired } from "@/lib/validation";
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { authorize, ACTORS } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { fieldErrors, passwordSchema } from "@/lib/auth/schemas";
import { hashInvitationToken } from "./invitations";

const MEMBERS_PAGE_SIZE = 50;

export interface MemberRow {
  organizationId: string;
  name: string;
  nib: string | null;
  regencyName: string | null;
  sizeClass: string | null;
  verificationStatus: string;
  memberNumber: string | null;
  claimed: boolean;
  invitationPending: boolean;
  /** An owner invitation waits for the cooperative's verification (issue 11). */
  invitationHeld: boolean;
}

/** The active cooperative's members, by name; `q` matches name, NIB or member number. */
export async function listMembers(actor: Actor | null, { q = "", page = 1 }: { q?: string; page?: number }) {
  const a = authorize(actor, { orgTypes: ACTORS.cooperative });
  const coopId = a.membership.organizationId;
  const term = q.trim().slice(0, 100);
  const p = Math.max(1, Math.floor(page) || 1);
  const where: Prisma.CooperativeMembershipWhereInput = {
    cooperativeId: coopId,
    status: "active",
    ...(term
      ? {
          OR: [
            { member: { name: { contains: term, mode: "insensitive" } } },
            { member: { supplierProfile: { nib: { startsWith: term.replace(/\s+/g, "") } } } },
            { memberNumber: { equals: term } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.cooperativeMembership.count({ where }),
    db.cooperativeMembership.findMany({
      where,
      orderBy: [{ member: { name: "asc" } }, { memberId: "asc" }],
      skip: (p - 1) * MEMBERS_PAGE_SIZE,
      take: MEMBERS_PAGE_SIZE,
      select: {
        memberNumber: true,
        member: {
          select: {
            id: true,
            name: true,
            verificationStatus: true,
            supplierProfile: { select: { nib: true, sizeClass: true, verificationStatus: true, regency: { select: { name: true } } } },
            _count: { select: { memberships: true } },
            invitations: {
              where: { acceptedAt: null, OR: [{ expiresAt: { gt: new Date() } }, { heldAt: { not: null } }] },
              select: { heldAt: true },
              take: 1,
            },
          },
        },
      },
    }),
  ]);
  const items: MemberRow[] = rows.map((r) => ({
    organizationId: r.member.id,
    name: r.member.name,
    nib: r.member.supplierProfile?.nib ?? null,
    regencyName: r.member.supplierProfile?.regency?.name ?? null,
    sizeClass: r.member.supplierProfile?.sizeClass ?? null,
    verificationStatus: r.member.supplierProfile?.verificationStatus ?? r.member.verificationStatus,
    memberNumber: r.memberNumber,
    claimed: r.member._count.memberships > 0,
    invitationPending: r.member.invitations.some((i) => !i.heldAt),
    invitationHeld: r.member.invitations.length > 0 && r.member.invitations.every((i) => i.heldAt),
  }));
  return { items, total, page: p, pages: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)) };
}

/**
 * A pending, unexpired, sent invitation for the claim page, or null. An owner invitation of an UMKM that has
 * an owner already is not claimable (issue 11: a claim succeeds only while the UMKM has no owner).
 */
export async function findClaimableInvitation(token: string) {
  if (!token || token.length > 200) return null;
  const inv = await db.organizationInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      heldAt: true,
      organization: { select: { id: true, name: true, _count: { select: { memberships: true } } } },
      cooperativeId: true,
      cooperative: { select: { verificationStatus: true } },
    },
  });
  if (!inv || inv.acceptedAt || inv.heldAt || inv.expiresAt <= new Date()) return null;
  // issue 11 (review): only a verified cooperative's invitations make owners; a cooperative returned after
  // sending them no longer does, until it is verified again.
  if (inv.cooperativeId !== null && inv.cooperative?.verificationStatus !== "verified") return null;
  if (inv.role === "owner" && inv.organization._count.memberships > 0) return null;
  return inv;
}

const claimSchema = z.object({
  name: z
    .string({ error: "errors.field.required" })
    .trim()
    .min(2, emptyIsRequired("errors.field.tooShort"))
    .max(120, "errors.field.tooLong"),
  password: passwordSchema,
});

/**
 * Claims an invitation: creates the user (the invitation's email) with this name and password and their
 * membership with the invited role, and marks the invitation accepted — once (a used or expired token is
 * "not found"). An email that already has an account is refused (sign in and ask the cooperative instead).
 */
export async function claimInvitation(token: string, input: unknown): Promise<{ userId: string; organizationId: string; email: string }> {
  const parsed = claimSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  const inv = await findClaimableInvitation(token);
  if (!inv) throw notFound("errors.notFound");
  const existing = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  if (existing) throw invalidInput({ email: ["errors.field.emailTaken"] }, "errors.emailTaken");
  const passwordHash = await hashPassword(parsed.data.password);
  return db.$transaction(async (tx) => {
    // issue 11: an owner invitation is claimed only while the UMKM has no owner. The organization's row lock,
    // taken first, serializes concurrent claims of different invitations (say, two e-mails the cooperative
    // uploaded one after the other): the second finds its invitation removed, or the first one's owner.
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${inv.organization.id} FOR UPDATE`;
    // Conditional update: two concurrent claims of one token → exactly one wins.
    const taken = await tx.organizationInvitation.updateMany({
      where: { id: inv.id, acceptedAt: null, heldAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (taken.count !== 1) throw notFound("errors.notFound");
    if (inv.role === "owner" && (await tx.membership.count({ where: { organizationId: inv.organization.id } })) > 0) {
      throw conflict("cooperatives.claim.alreadyOwned");
    }
    const user = await tx.user.create({ data: { email: inv.email, name: parsed.data.name, passwordHash }, select: { id: true } });
    await tx.membership.create({ data: { userId: user.id, organizationId: inv.organization.id, role: inv.role } });
    if (inv.role === "owner") {
      // The other owner invitations of this UMKM can never be claimed now: remove them.
      await tx.organizationInvitation.deleteMany({
        where: { organizationId: inv.organization.id, role: "owner", acceptedAt: null, id: { not: inv.id } },
      });
    }
    await audit(tx, {
      organizationId: inv.organization.id,
      actorId: user.id,
      action: "invitation.claimed",
      entityType: "OrganizationInvitation",
      entityId: inv.id,
    });
    return { userId: user.id, organizationId: inv.organization.id, email: inv.email };
  });
}
