// API tokens: named, revocable, shown once. Only a SHA-256 hash is stored; a prefix is kept so a user can
// tell tokens apart in the list. Every token expires (at most MAX_TOKEN_DAYS after it is made) and carries a
// scope: "read" (GET only) or "read write" (issue 11). Named tokens are made only from a signed-in browser
// session (the dashboard's action); a bearer token cannot make tokens (POST /api/v1/tokens answers 403), so
// a leaked token cannot mint itself a successor that outlives its revocation or expiry.
import type { AuditAction } from "@/lib/audit/actions";
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { audit, type AuditEntry } from "@/lib/audit/log";
import { createTokenSchema, fieldErrors, MAX_TOKEN_DAYS, type TokenScope } from "./schemas";
import { loadSessionUser } from "./session-user";
import type { SessionUser } from "./types";

const TOKEN_PREFIX = "rnt_";
/** Tokens issued by POST /api/v1/auth/token expire after this many days. */
export const API_SIGNIN_TOKEN_DAYS = 30;

export function hashToken(secret: string) {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

function newSecret() {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export interface IssuedToken {
  id: string;
  name: string;
  prefix: string;
  token: string; // the secret: shown once, never stored
  scope: TokenScope;
  expiresAt: Date;
  createdAt: Date;
}

const toScope = (s: "read" | "read_write"): TokenScope => (s === "read" ? "read" : "read write");

export async function issueApiToken(
  userId: string,
  { name, expiresInDays, scope, source }: { name: string; expiresInDays: number; scope: TokenScope; source: "ui" | "api" },
): Promise<IssuedToken> {
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_TOKEN_DAYS) {
    throw invalidInput({ expiresInDays: ["errors.field.tokenExpiry"] });
  }
  const token = newSecret();
  const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId,
        name,
        prefix: token.slice(0, 10),
        tokenHash: hashToken(token),
        source,
        expiresAt,
        scope: scope === "read" ? "read" : "read_write",
      },
      select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
    });
    const entry = {
      actorId: userId,
      action: (source === "api" ? "token.issued" : "token.created") as AuditAction,
      entityType: "ApiToken",
      entityId: created.id,
    };
    await auditForTokenOrganizations(tx, userId, {
      ...entry,
      data: { name, prefix: created.prefix, source, scope, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { ...row, scope, token };
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * A token belongs to a user and acts for any organization that user is a member of (the API picks one per
 * request, lib/api/actor.ts), so its creation and revocation are logged for each of them: every organization
 * it can act for sees it in its audit log. A user without an organization gets one entry with none.
 */
export async function auditForTokenOrganizations(tx: Tx, userId: string, entry: Omit<AuditEntry, "organizationId">) {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { organizationId: true }, orderBy: { createdAt: "asc" } });
  const organizationIds = memberships.length > 0 ? memberships.map((m) => m.organizationId) : [null];
  for (const organizationId of organizationIds) await audit(tx, { ...entry, organizationId });
}

/** A user names and creates a token in the UI (or through the API). */
export async function createApiToken(userId: string, input: unknown): Promise<IssuedToken> {
  const parsed = createTokenSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  return issueApiToken(userId, { ...parsed.data, source: "ui" });
}

export async function listApiTokens(userId: string) {
  const rows = await db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, source: true, scope: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
  return rows.map((r) => ({ ...r, scope: toScope(r.scope) }));
}

/** Revokes one of the user's own tokens; someone else's token is "not found". */
export async function revokeApiToken(userId: string, tokenId: string) {
  await db.$transaction(async (tx) => {
    const [revoked] = await tx.apiToken.updateManyAndReturn({
      where: { id: tokenId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { id: true, name: true, prefix: true, source: true },
    });
    if (!revoked) throw notFound();
    const data = { name: revoked.name, prefix: revoked.prefix, source: revoked.source };
    await auditForTokenOrganizations(tx, userId, {
      actorId: userId,
      action: "token.revoked",
      entityType: "ApiToken",
      entityId: revoked.id,
      data,
    });
  });
}

/** Resolves `Authorization: Bearer <token>` to a user and the token's scope, or null when missing, unknown, revoked or expired. */
export async function authenticateBearerToken(header: string | null | undefined): Promise<{ user: SessionUser; scope: TokenScope } | null> {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match || !match[1].startsWith(TOKEN_PREFIX)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true, scope: true },
  });
  if (!token || token.revokedAt || token.expiresAt <= new Date()) return null;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  const user = await loadSessionUser(token.userId);
  return user ? { user, scope: toScope(token.scope) } : null;
}

/** The user behind `Authorization: Bearer <token>`, or null (see authenticateBearerToken). */
export async function authenticateBearer(header: string | null | undefined): Promise<SessionUser | null> {
  return (await authenticateBearerToken(header))?.user ?? null;
}
