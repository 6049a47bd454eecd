// Password reset by e-mail and the one way a password is replaced (issue 16 item 2, ADR 0018).
//
//   requestPasswordReset({email})      "forgot password": always the same answer, whether or not the address
//                                      has an account; when it has, a link goes out through the e-mail outbox,
//                                      written in the same transaction as the link's row.
//   resetPassword({token, password})   the link's page: a single-use secret, valid for RESET_TOKEN_TTL_MS,
//                                      stored only as its SHA-256; a used, replaced or expired link is refused
//                                      with its own localized message.
//   replacePassword(tx, …)             shared with the signed-in change (./password-change.ts): the new hash,
//                                      the session version raised (every session signed in before ends,
//                                      ./session-version.ts), every API token revoked, every open reset link
//                                      voided, a "your password was changed" e-mail, and the audit entries.
//
// Requests and link uses are rate limited per e-mail address asked for and per client address
// (lib/auth/rate-limit.ts, PASSWORD_RESET_LIMIT_*).
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { invalidInput } from "@/lib/errors";
import { appBaseUrl } from "@/lib/app-url";
import { formatDateTime } from "@/lib/i18n/format";
import { translate } from "@/lib/i18n/translate";
import { hashPassword } from "./password";
import { consumePasswordReset } from "./rate-limit";
import { authRoutes } from "./routes";
import { fieldErrors, passwordResetConfirmSchema, passwordResetRequestSchema } from "./schemas";
import { auditForTokenOrganizations, hashToken } from "./tokens";

/** A reset link works for one hour after it was sent. */
export const RESET_TOKEN_TTL_MS = 60 * 60_000;

type Tx = Prisma.TransactionClient;

interface ResetOptions {
  /** The client address (lib/auth/client-address.ts), for the per-address limit; null: not limited by address. */
  address?: string | null;
  /** The clock (tests set it instead of waiting); defaults to now. */
  now?: Date;
}

/** What every "forgot password" request answers, whatever the address: nothing to tell apart. */
export interface PasswordResetRequested {
  requested: true;
}

/**
 * Sends a reset link to `email` if it belongs to an active account that has a password. Answers the same in
 * every case (unknown address, disabled account, link sent); only the limits (429) and a malformed address
 * (400) answer otherwise, and they do so for every address alike.
 */
export async function requestPasswordReset(
  input: unknown,
  { address = null, now = new Date() }: ResetOptions = {},
): Promise<PasswordResetRequested> {
  const parsed = passwordResetRequestSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  const { email } = parsed.data;
  await consumePasswordReset({ email, address });

  // The secret is made whether or not it is needed, so both paths do the same work up to the lookup.
  const secret = crypto.randomBytes(32).toString("base64url");
  const tokenHash = hashToken(secret);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, locale: true, disabledAt: true, passwordHash: true },
    });
    if (!user || user.disabledAt || !user.passwordHash) return;
    // Only the newest link works: asking again voids the ones sent before.
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    const row = await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS), createdAt: now },
      select: { id: true },
    });
    const link = `${appBaseUrl()}${authRoutes.resetPassword(secret)}`;
    const t = (key: string, values?: Record<string, string | number>) => translate(user.locale, `auth.passwordReset.email.${key}`, values);
    await tx.emailOutbox.create({
      data: {
        to: user.email,
        subject: t("subject"),
        text: `${t("body", { minutes: RESET_TOKEN_TTL_MS / 60_000 })}\n\n${link}\n\n${t("ignore")}`,
      },
    });
    // No actor: anyone may ask for a link to be sent to an address (the link goes to its mailbox).
    await auditForTokenOrganizations(tx, user.id, {
      actorId: null,
      action: "password.reset_requested",
      entityType: "PasswordResetToken",
      entityId: row.id,
      data: { expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS).toISOString() },
    });
  });
  return { requested: true };
}

/** A refused reset link: the same `invalid_input` shape the form and the API show, on the `token` field. */
const badToken = (key: "tokenInvalid" | "tokenUsed" | "tokenExpired") =>
  invalidInput({ token: [`auth.passwordReset.errors.${key}`] }, `auth.passwordReset.errors.${key}`);

/**
 * Sets a new password with a reset link's secret. The link is spent atomically (two uses at once: one wins,
 * the other is told it was used), the password replaced and every session and API token of the user ended.
 */
export async function resetPassword(input: unknown, { address = null, now = new Date() }: ResetOptions = {}): Promise<{ userId: string }> {
  const parsed = passwordResetConfirmSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  await consumePasswordReset({ address });
  const { token, password } = parsed.data;

  const tokenHash = hashToken(token);
  const found = await db.passwordResetToken.findUnique({
    where: { tokenHash },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { disabledAt: true } } },
  });
  if (!found || found.user.disabledAt) throw badToken("tokenInvalid");
  if (found.usedAt) throw badToken("tokenUsed");
  if (found.expiresAt <= now) throw badToken("tokenExpired");

  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const [spent] = await tx.passwordResetToken.updateManyAndReturn({
      where: { id: found.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { id: true, userId: true },
    });
    if (!spent) throw badToken("tokenUsed"); // spent (or voided) between the read and now
    await replacePassword(tx, { userId: spent.userId, passwordHash, now, action: "password.reset", resetTokenId: spent.id });
    return { userId: spent.userId };
  });
}

/**
 * Replaces a user's password and ends everything signed in with the old one: the session version goes up (a
 * JWT signed in before is refused from its next request on), every API token is revoked, every open reset
 * link is voided. The user is told by e-mail (someone else may have done it), and the change is audit-logged
 * for each of their organizations.
 */
export async function replacePassword(
  tx: Tx,
  {
    userId,
    passwordHash,
    now,
    action,
    resetTokenId,
  }: { userId: string; passwordHash: string; now: Date; action: "password.reset" | "password.changed"; resetTokenId?: string },
): Promise<{ sessionVersion: number; revokedTokens: number }> {
  const user = await tx.user.update({
    where: { id: userId },
    data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
    select: { email: true, locale: true, sessionVersion: true },
  });
  const revoked = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  const t = (key: string, values?: Record<string, string>) => translate(user.locale, `auth.passwordChanged.email.${key}`, values);
  const body = t("body", { when: formatDateTime(now, user.locale === "en" ? "en" : "id") });
  await tx.emailOutbox.create({
    data: { to: user.email, subject: t("subject"), text: `${body}\n\n${appBaseUrl()}${authRoutes.forgotPassword()}\n\n${t("footer")}` },
  });
  await auditForTokenOrganizations(tx, userId, {
    actorId: userId,
    action,
    entityType: "User",
    entityId: userId,
    data: { revokedApiTokens: revoked.count, sessionVersion: user.sessionVersion, ...(resetTokenId ? { resetTokenId } : {}) },
  });
  return { sessionVersion: user.sessionVersion, revokedTokens: revoked.count };
}
