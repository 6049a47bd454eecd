// Loads a user with their organizations and roles: the identity every check starts from, for browser
// sessions and API tokens alike. Read fresh from the database on every request, so a removed membership
// or a disabled or suspended account
// (or organization) takes effect at once.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "./types";

export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      disabledAt: true,
      suspendedAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: {
          role: true,
          organization: { select: { id: true, name: true, type: true, verificationStatus: true, suspendedAt: true } },
        },
      },
    },
  });
  // A suspended user (issue 16) is signed out everywhere: sessions and API tokens resolve to nobody.
  if (!user || user.disabledAt || user.suspendedAt) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    memberships: user.memberships.map((m) => ({
      organizationId: m.organization.id,
      organizationName: m.organization.name,
      organizationType: m.organization.type,
      role: m.role,
      verificationStatus: m.organization.verificationStatus,
      suspended: m.organization.suspendedAt !== null,
    })),
  };
}

/** The membership an actor acts for: the requested organization if they belong to it, else their first. */
export function pickMembership(user: SessionUser, organizationId?: string | null) {
  if (organizationId) {
    const m = user.memberships.find((x) => x.organizationId === organizationId);
    if (m) return m;
  }
  return user.memberships[0] ?? null;
}
