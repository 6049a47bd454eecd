// Who is asking, for server components and server actions (browser sessions). The API resolves bearer
// tokens in lib/api instead; both end in the same SessionUser / Actor shape.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { authOptions } from "./next-auth";
import { hasSessionCookie } from "./session-cookie";
import { loadSessionUser, pickMembership } from "./session-user";
import type { Actor, SessionUser } from "./types";

export const ACTIVE_ORG_COOKIE = "rantai_org";

/** Memoised per request (React cache): the layout and the page ask once between them. */
export const getSessionUser = cache(async function getSessionUser(): Promise<SessionUser | null> {
  // no session cookie, no session: anonymous page views skip NextAuth (issue 14)
  if (!hasSessionCookie((await cookies()).getAll().map((c) => c.name))) return null;
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return loadSessionUser(id);
});

export async function getActor(): Promise<Actor | null> {
  const user = await getSessionUser();
  if (!user) return null;
  const wanted = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  return { user, membership: pickMembership(user, wanted), via: "session" };
}
