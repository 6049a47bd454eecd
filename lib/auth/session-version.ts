// Ending sessions (issue 16 item 2, ADR 0018). Browser sessions are next-auth JWTs: nothing is stored
// server-side that could be deleted, so each JWT carries the user's `sessionVersion` from the moment it was
// signed in (claim `sv`), and every request compares it with the database (next-auth's jwt callback,
// lib/auth/next-auth.ts). A password reset or change raises the version: every JWT signed in before is
// refused from its next request on, as is the JWT of a disabled or deleted user. JWTs from before this
// check carry no `sv` and count as version 0, the column's default, so they last until the first reset.
import "server-only";
import { db } from "@/lib/db";

/**
 * Whether a session JWT's user (claim `uid`) still exists, is active and signed in under their current
 * session version (claim `sv`).
 */
export async function sessionTokenIsCurrent(token: Record<string, unknown>): Promise<boolean> {
  if (typeof token.uid !== "string") return false;
  const user = await db.user.findUnique({
    where: { id: token.uid },
    select: { sessionVersion: true, disabledAt: true, suspendedAt: true },
  });
  const version = typeof token.sv === "number" ? token.sv : 0;
  return Boolean(user && !user.disabledAt && !user.suspendedAt && user.sessionVersion === version);
}
