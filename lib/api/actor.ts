// Who is calling the API: `Authorization: Bearer <token>` → the user (lib/auth/tokens), and the
// organization they act for: `?organizationId=` or `X-Organization-Id`, else their first membership.
import "server-only";
import { authenticateBearerToken } from "@/lib/auth/tokens";
import { pickMembership } from "@/lib/auth/session-user";
import type { Actor } from "@/lib/auth/types";
import { assertNotSuspended } from "@/lib/auth/authorize";
import { forbidden, unauthorized } from "@/lib/errors";

export const ORGANIZATION_PARAM = "organizationId";
const ORGANIZATION_HEADER = "x-organization-id";
export const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * null when the request carries no Authorization header. A header that does not resolve to an active
 * token → 401 (even where auth is optional: the client meant to authenticate). Asking for an organization
 * the user is not a member of → 403, never silently acting for another one. A token with the "read" scope
 * on anything but GET/HEAD/OPTIONS → 403.
 */
export async function resolveApiActor(req: Request, url: URL = new URL(req.url)): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (header === null) return null;
  const token = await authenticateBearerToken(header);
  if (!token) throw unauthorized("errors.invalidToken");
  // A read token reads: every other method is a write and is refused whatever the route (issue 11).
  if (token.scope === "read" && !READ_METHODS.has(req.method.toUpperCase())) throw forbidden("tokens.errors.readOnly");
  const { user } = token;
  const wanted = url.searchParams.get(ORGANIZATION_PARAM)?.trim() || req.headers.get(ORGANIZATION_HEADER)?.trim() || null;
  if (wanted && !user.memberships.some((m) => m.organizationId === wanted)) throw forbidden("errors.notMember");
  const membership = pickMembership(user, wanted);
  // A suspended organization reads but never writes (issue 16): refused here for every write route, whatever
  // its own checks. A suspended user never gets this far (their token resolves to nobody → 401).
  if (!READ_METHODS.has(req.method.toUpperCase())) assertNotSuspended(membership);
  return { user, membership, via: "token", tokenScope: token.scope };
}
