import type { MemberRole, OrgType, VerificationStatus } from "@/lib/db/generated/enums";

export type { MemberRole, OrgType, VerificationStatus };

export interface SessionMembership {
  organizationId: string;
  organizationName: string;
  organizationType: OrgType;
  role: MemberRole;
  verificationStatus: VerificationStatus;
  /** A platform admin suspended the organization: its members read, every write is refused (issue 16). */
  suspended?: boolean;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  memberships: SessionMembership[];
}

/**
 * Who is asking: a user acting for one of their organizations (the active one, chosen by the `rantai_org`
 * cookie in the UI or by `?organizationId=` / the only membership in the API). `via` tells how they
 * authenticated.
 */
export interface Actor {
  user: SessionUser;
  membership: SessionMembership | null;
  via: "session" | "token";
  /** With `via: "token"`: what the token may do ("read" → 403 on every write, lib/api/actor.ts). */
  tokenScope?: "read" | "read write";
}
