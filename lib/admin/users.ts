// The platform's users, for administrators (issue 16 item 4): find them by name or e-mail, read one with
// their memberships, and force a password reset — the old password stops working, every session and API token
// ends (lib/auth/password-reset.ts's replacePassword, the reset lane's one way to replace a password), and a
// single-use reset link (valid RESET_TOKEN_TTL_MS, stored hashed) goes to the user's address through the outbox.
import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { replacePassword, RESET_TOKEN_TTL_MS } from "@/lib/auth/password-reset";
import { authRoutes } from "@/lib/auth/routes";
import { hashToken } from "@/lib/auth/tokens";
import type { Actor } from "@/lib/auth/types";
import { appBaseUrl } from "@/lib/app-url";
import { notFound } from "@/lib/errors";
import { translate } from "@/lib/i18n/translate";
import { requirePlatformAdmin } from "./access";
import { ADMIN_HISTORY_SELECT, describeAdminHistory } from "./history";
import { ADMIN_PAGE_SIZE } from "./organizations";
import type { AdminUserQuery } from "./schemas";

export async function listUsers(actor: Actor | null, query: AdminUserQuery) {
  requirePlatformAdmin(actor);
  const where: Prisma.UserWhereInput = query.q
    ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q, mode: "insensitive" } }] }
    : {};
  const [total, items] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        suspendedAt: true,
        lastLoginAt: true,
        createdAt: true,
        _count: { select: { memberships: true } },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
    items: items.map(({ _count, ...u }) => ({ ...u, membershipCount: _count.memberships })),
  };
}

export async function getUserForAdmin(actor: Actor | null, id: string) {
  requirePlatformAdmin(actor);
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      suspendedAt: true,
      suspendedReason: true,
      lastLoginAt: true,
      createdAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, organization: { select: { id: true, name: true, type: true, suspendedAt: true } } },
      },
    },
  });
  if (!user) throw notFound();
  return user;
}

/** The last 50 audit entries about one user, as sentences in `locale` (lib/admin/history.ts). */
export async function listUserHistoryForAdmin(actor: Actor | null, id: string, locale: string) {
  const admin = requirePlatformAdmin(actor);
  const rows = await db.auditLog.findMany({
    where: { entityType: "User", entityId: id },
    orderBy: { createdAt: "desc" },
    take: 50,
    distinct: ["action", "createdAt"],
    select: ADMIN_HISTORY_SELECT,
  });
  return describeAdminHistory(admin, rows, locale);
}

/**
 * Forces a password reset: the password is replaced by an unknown one (so the old one no longer signs in),
 * sessions and tokens end, and a fresh reset link is e-mailed to the user. The user can also ask for a new
 * link from /lupa-sandi if this one expires.
 */
export async function forcePasswordReset(actor: Actor | null, input: { id: string }, now = new Date()) {
  const admin = requirePlatformAdmin(actor);
  const user = await db.user.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!user) throw notFound();
  const secret = randomBytes(32).toString("base64url");
  const unknownPasswordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return db.$transaction(async (tx) => {
    const { revokedTokens } = await replacePassword(tx, {
      userId: user.id,
      passwordHash: unknownPasswordHash,
      now,
      action: "password.reset",
    });
    const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);
    const row = await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashToken(secret), expiresAt, createdAt: now },
      select: { id: true },
    });
    const u = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true } });
    const t = (key: string, values?: Record<string, string | number>) => translate(u.locale, `auth.passwordReset.email.${key}`, values);
    await tx.emailOutbox.create({
      data: {
        to: u.email,
        subject: t("subject"),
        text: [
          translate(u.locale, "admin.users.forcedResetEmail"),
          t("body", { minutes: RESET_TOKEN_TTL_MS / 60_000 }),
          `${appBaseUrl()}${authRoutes.resetPassword(secret)}`,
        ].join("\n\n"),
      },
    });
    const memberships = await tx.membership.findMany({ where: { userId: user.id }, select: { organizationId: true } });
    for (const organizationId of memberships.length ? memberships.map((m) => m.organizationId) : [null]) {
      await audit(tx, {
        organizationId,
        actorId: admin.user.id,
        action: "user.password_reset_forced",
        entityType: "User",
        entityId: user.id,
        data: { resetTokenId: row.id, revokedApiTokens: revokedTokens },
      });
    }
    return { id: user.id, resetLinkSent: true as const, expiresAt };
  });
}
