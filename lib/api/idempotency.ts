// Idempotency-Key for writes (Stripe's model). A client sends `Idempotency-Key: <unique string>` with a
// POST/PUT/PATCH/DELETE; a retry with the same key gets the first response back and nothing runs twice.
//
//   - The key is scoped to the caller (`user:<id>`, or `anon` for unauthenticated writes such as sign-up)
//     and remembered for 24 hours in the IdempotencyKey table, so every app instance sees it.
//   - The row is inserted *before* the handler runs, as "in progress" (no responseStatus). The unique
//     constraint on (scope, key) decides races: of two concurrent requests with one key, exactly one
//     inserts and runs; the other gets 409 conflict "a request with this key is in progress".
//   - The same key with a different method, path or body → 409 conflict (the key is being reused for
//     another request: a client bug, never a retry).
//   - Only completed requests are remembered. A request that ends in an error (validation, domain error, a
//     crash) releases its key, so fixing the problem and retrying with the same key runs it again; domain
//     writes are transactional, so an error means nothing was written.
//   - A key left "in progress" by a process that died mid-request can be taken over after
//     IDEMPOTENCY_STALE_MS.
import "server-only";
import crypto from "node:crypto";
import { db, Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { JsonValue } from "./json";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_STALE_MS = 5 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/; // visible ASCII, as Stripe and the IETF draft suggest

export interface IdempotentRequest {
  scope: string;
  key: string;
  method: string;
  path: string;
  /** The parsed JSON body (null for none): compared, as a keyed hash, on every retry. */
  body: unknown;
}

export type Reservation = { kind: "execute"; id: string } | { kind: "replay"; status: number; body: JsonValue | null };

/** Validates the header's value; throws invalid_input for anything but 1–255 visible ASCII characters. */
export function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  const key = header.trim();
  if (!KEY_PATTERN.test(key)) {
    throw new DomainError("invalid_input", "errors.idempotencyKeyInvalid", { [IDEMPOTENCY_HEADER]: ["errors.field.idempotencyKey"] });
  }
  return key;
}

/** JSON with object keys sorted, so that `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === "bigint") return v.toString();
      if (v && typeof v === "object" && !Array.isArray(v)) {
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      }
      return v;
    }) ?? "null"
  );
}

/**
 * A keyed hash of the request: bodies can hold passwords (sign-up), so a plain SHA-256 would leave a
 * fast-to-brute-force fingerprint in the table for 24 hours; an HMAC with the server's secret does not.
 */
function requestHash(r: Pick<IdempotentRequest, "method" | "path" | "body">): string {
  const secret = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET || "rantai-idempotency";
  return crypto
    .createHmac("sha256", secret)
    .update(`${r.method.toUpperCase()} ${r.path}\n${canonicalJson(r.body ?? null)}`)
    .digest("hex");
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/**
 * Claims the key for this request: "execute" (run the handler, then complete() or release()) or
 * "replay" (the stored first response). Throws conflict when the key belongs to another request or the
 * first request is still running.
 */
export async function reserveIdempotencyKey(r: IdempotentRequest): Promise<Reservation> {
  const hash = requestHash(r);
  const method = r.method.toUpperCase();
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = new Date();
    // An expired key is forgotten: the same key may then start a new request.
    await db.idempotencyKey.deleteMany({ where: { scope: r.scope, key: r.key, expiresAt: { lte: now } } });
    try {
      const row = await db.idempotencyKey.create({
        data: {
          scope: r.scope,
          key: r.key,
          method,
          path: r.path,
          requestHash: hash,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
        },
        select: { id: true },
      });
      if (Math.random() < 0.01) void purgeExpiredIdempotencyKeys().catch(() => {});
      return { kind: "execute", id: row.id };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const existing = await db.idempotencyKey.findUnique({
      where: { scope_key: { scope: r.scope, key: r.key } },
      select: { id: true, method: true, path: true, requestHash: true, responseStatus: true, responseBody: true, createdAt: true },
    });
    if (!existing) continue; // released or expired in between: try to insert again
    if (existing.method !== method || existing.path !== r.path || existing.requestHash !== hash) {
      throw new DomainError("conflict", "errors.idempotencyKeyReused");
    }
    if (existing.responseStatus !== null) {
      return { kind: "replay", status: existing.responseStatus, body: (existing.responseBody ?? null) as JsonValue | null };
    }
    // Still in progress. Take it over only when its request must have died (the update is conditional, so
    // of several retries at most one wins).
    const staleBefore = new Date(now.getTime() - IDEMPOTENCY_STALE_MS);
    if (existing.createdAt < staleBefore) {
      const taken = await db.idempotencyKey.updateMany({
        where: { id: existing.id, responseStatus: null, createdAt: { lt: staleBefore } },
        data: { createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) },
      });
      if (taken.count === 1) return { kind: "execute", id: existing.id };
    }
    throw new DomainError("conflict", "errors.idempotencyInProgress");
  }
  throw new DomainError("conflict", "errors.idempotencyInProgress");
}

/** Stores the response of the request that held the key, for its retries. */
export async function completeIdempotencyKey(id: string, status: number, body: JsonValue | null): Promise<void> {
  await db.idempotencyKey.update({
    where: { id },
    data: { responseStatus: status, responseBody: body === null ? Prisma.DbNull : (body as Prisma.InputJsonValue) },
  });
}

/** Forgets the key (the request failed), so a retry with it runs again. */
export async function releaseIdempotencyKey(id: string): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { id, responseStatus: null } });
}

/** Deletes expired keys (also done now and then on the way, see reserveIdempotencyKey). */
export async function purgeExpiredIdempotencyKeys(now = new Date()): Promise<number> {
  const res = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  return res.count;
}
