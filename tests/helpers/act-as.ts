// "Who is calling" for integration tests of server actions and pages' data functions.
//
// The action wrappers (lib/auth/action-wrapper.ts) call getActor() from "@/lib/auth/session", which needs
// next-auth's session cookie and next/headers. A test file mocks that one function to return the actor
// set here — a REAL one, loaded from the test database with loadSessionUser() like the app does:
//
//   vi.mock("@/lib/auth/session", async (importOriginal) => {
//     const original = await importOriginal<typeof import("@/lib/auth/session")>();
//     const { currentActor } = await import("@/tests/helpers/act-as");
//     return { ...original, getActor: vi.fn(async () => currentActor()) };
//   });
//   import { actAs, signOut } from "@/tests/helpers/act-as";
//
//   await actAs(user);             // acts for the user's first organization
//   await actAs(user, org.id);     // …or for this one (as the rantai_org cookie would choose)
//   signOut();                     // getActor() returns null
import { loadSessionUser, pickMembership } from "@/lib/auth/session-user";
import type { Actor } from "@/lib/auth/types";

let actor: Actor | null = null;

export function currentActor(): Actor | null {
  return actor;
}

/** Makes getActor() return this user (read fresh from the database) acting for `organizationId` or their first organization. */
export async function actAs(user: { id: string }, organizationId?: string): Promise<Actor> {
  const sessionUser = await loadSessionUser(user.id);
  if (!sessionUser) throw new Error(`actAs: user ${user.id} not found or disabled`);
  actor = { user: sessionUser, membership: pickMembership(sessionUser, organizationId), via: "session" };
  return actor;
}

export function signOut(): void {
  actor = null;
}
