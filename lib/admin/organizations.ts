// The platform's organizations, for administrators (issue 16 item 4): find them (name, NPWP or e-mail; type;
// status including suspended), read one with its members and its audit history, and create one of any type
// — banks and ministry offices cannot sign up — with its first owner invited by e-mail (the members lane's
// invitation: a single-use link that expires, ADR 0019). Every function checks requirePlatformAdmin first.
import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/types";
import { appBaseUrl } from "@/lib/app-url";
import { notFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { translate } from "@/lib/i18n/translate";
import { hashMemberInvitationToken, INVITATION_DAYS } from "@/lib/organizations/invitations";
import { organizationRoutes } from "@/lib/organizations/routes";
import { requirePlatformAdmin } from "./access";
import { ADMIN_HISTORY_SELECT, describeAdminHistory } from "./history";
import type { AdminOrganizationQuery, CreateOrganizationInput } from "./schemas";

export const ADMIN_PAGE_SIZE = 25;

function organizationWhere(query: AdminOrganizationQuery): Prisma.OrganizationWhereInput {
  const and: Prisma.OrganizationWhereInput[] = [];
  if (query.q) {
    const q = query.q;
    const digits = q.replace(/\D/g, "");
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { legalName: { contains: q, mode: "insensitive" } },
        { email: { contains: q, mode: "insensitive" } },
        { memberships: { some: { user: { email: { contains: q, mode: "insensitive" } } } } },
        ...(digits.length >= 4 ? [{ supplierProfile: { npwp: { contains: digits } } }] : []),
      ],
    });
  }
  if (query.type) and.push({ type: query.type });
  if (query.status === "suspended") and.push({ suspendedAt: { not: null } });
  else if (query.status) and.push({ verificationStatus: query.status, suspendedAt: null });
  return { AND: and };
}

/** One page of organizations, newest first. */
export async function listOrganizations(actor: Actor | null, query: AdminOrganizationQuery) {
  requirePlatformAdmin(actor);
  const where = organizationWhere(query);
  const [total, rows] = await Promise.all([
    db.organization.count({ where }),
    db.organization.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        type: true,
        name: true,
        email: true,
        verificationStatus: true,
        suspendedAt: true,
        createdAt: true,
        _count: { select: { memberships: true } },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
    items: rows.map(({ _count, ...o }) => ({ ...o, memberCount: _count.memberships })),
  };
}

/** One organization: its details, members and pending invitations (its history: listOrganizationHistoryForAdmin). */
export async function getOrganizationForAdmin(actor: Actor | null, id: string) {
  requirePlatformAdmin(actor);
  const org = await db.organization.findUnique({
    where: { id },
    select: {
      id: true,
      type: true,
      name: true,
      legalName: true,
      email: true,
      phone: true,
      verificationStatus: true,
      suspendedAt: true,
      suspendedReason: true,
      createdAt: true,
      supplierProfile: { select: { npwp: true } },
      // issue 12: a regional government's scope (shown so the admin can check it)
      regionProvince: { select: { code: true, name: true } },
      regionRegency: { select: { code: true, name: true, province: { select: { name: true } } } },
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, user: { select: { id: true, name: true, email: true, suspendedAt: true } } },
      },
      invitations: {
        where: { acceptedAt: null },
        select: { id: true, email: true, role: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  if (!org) throw notFound();
  const { supplierProfile, invitations, ...rest } = org;
  return { ...rest, npwp: supplierProfile?.npwp ?? null, pendingInvitations: invitations };
}

/** The last 50 audit entries of or about one organization, as sentences in `locale` (lib/admin/history.ts). */
export async function listOrganizationHistoryForAdmin(actor: Actor | null, id: string, locale: string) {
  const admin = requirePlatformAdmin(actor);
  const rows = await db.auditLog.findMany({
    where: { OR: [{ organizationId: id }, { entityType: "Organization", entityId: id }] },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: ADMIN_HISTORY_SELECT,
  });
  return describeAdminHistory(admin, rows, locale);
}

/**
 * Creates an organization (unverified, like a sign-up; an admin verifies it through the queue) and invites
 * its first owner by e-mail, in one transaction with the audit entries. The owner signs up or signs in from
 * the link (/undangan) and becomes its owner.
 */
export async function createOrganization(actor: Actor | null, input: CreateOrganizationInput, now = new Date()) {
  const admin = requirePlatformAdmin(actor);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: { type: input.type, name: input.name, email: input.email ?? input.ownerEmail },
      select: { id: true, type: true, name: true, verificationStatus: true, createdAt: true },
    });
    const invitee = await tx.user.findUnique({ where: { email: input.ownerEmail }, select: { locale: true } });
    const invitation = await tx.memberInvitation.create({
      data: {
        organizationId: org.id,
        email: input.ownerEmail,
        role: "owner",
        tokenHash: hashMemberInvitationToken(token),
        invitedById: admin.user.id,
        expiresAt,
        createdAt: now,
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    const l = invitee?.locale === "en" ? "en" : "id";
    const values = {
      inviter: admin.user.name,
      organization: org.name,
      role: translate(l, "roles.owner"),
      expires: formatDateTime(expiresAt, l),
      link: `${appBaseUrl()}${organizationRoutes.acceptInvitation(token)}`,
    };
    await tx.emailOutbox.create({
      data: {
        to: input.ownerEmail,
        subject: translate(l, "members.email.subject", values),
        text: translate(l, "members.email.body", values),
      },
    });
    await audit(tx, {
      organizationId: org.id,
      actorId: admin.user.id,
      action: "organization.created_by_admin",
      entityType: "Organization",
      entityId: org.id,
      data: { type: org.type, name: org.name },
    });
    await audit(tx, {
      organizationId: org.id,
      actorId: admin.user.id,
      action: "member.invited",
      entityType: "MemberInvitation",
      entityId: invitation.id,
      data: { email: invitation.email, role: "owner" },
    });
    return { ...org, ownerInvitation: invitation };
  });
}
