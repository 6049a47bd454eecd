// Role → permission table. Every server action and API route checks one of these in lib/ (through the
// action wrappers in lib/auth/actions.ts or lib/api), never only in the UI. "own" permissions are further
// narrowed by putting the actor's organization into the query's `where` clause, so "not yours" looks
// exactly like "not found".
import type { MemberRole, OrgType, SessionMembership } from "./types";

export const PERMISSIONS = [
  // organization administration
  "org:read", // see the organization, its members
  "org:update", // edit organization details
  "org:members:manage", // invite/remove members, change roles
  // UMKM
  "supplier:profile:update", // own supplier profile, certifications
  "supplier:products:write", // own product catalog
  "rfq:board:read", // browse open RFQs
  "quote:write", // draft/submit/revise/withdraw own quotes
  "financing:request", // ask a partner bank for financing
  // buyer
  "rfq:write", // create/edit/publish/close/cancel own RFQs
  "rfq:award", // compare and award own RFQs
  "matching:read", // see matches for own RFQs
  // cooperative
  "cooperative:members:manage", // manage member UMKM, bulk onboarding
  // agreements (both sides)
  "agreement:read",
  "agreement:write",
  "agreement:accept",
  // bank
  "financing:decide",
  // ministry
  "stats:drilldown", // named organizations behind aggregates
  // platform
  "platform:verify", // verify UMKM, buyers, cooperatives
  "platform:admin",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const ORG_ADMIN: Permission[] = ["org:read", "org:update", "org:members:manage"];

/** What each organization type can do at all; roles narrow it (see ROLE_LIMITS). */
const BY_ORG_TYPE: Record<OrgType, Permission[]> = {
  umkm: [
    ...ORG_ADMIN,
    "supplier:profile:update",
    "supplier:products:write",
    "rfq:board:read",
    "quote:write",
    "financing:request",
    "agreement:read",
    "agreement:write",
    "agreement:accept",
  ],
  buyer: [...ORG_ADMIN, "rfq:write", "rfq:award", "matching:read", "agreement:read", "agreement:write", "agreement:accept"],
  cooperative: [
    ...ORG_ADMIN,
    "cooperative:members:manage",
    "rfq:board:read",
    "quote:write",
    "agreement:read",
    "agreement:write",
    "agreement:accept",
  ],
  ministry: [...ORG_ADMIN, "stats:drilldown", "agreement:read"],
  bank: [...ORG_ADMIN, "financing:decide"],
  platform: [...ORG_ADMIN, "platform:verify", "platform:admin", "stats:drilldown"],
};

/** Permissions a plain member does not have (owners and admins have everything their org type allows). */
const MEMBER_EXCLUDED: Permission[] = ["org:update", "org:members:manage", "agreement:accept", "rfq:award", "platform:admin"];

export function permissionsFor(orgType: OrgType, role: MemberRole): Set<Permission> {
  const base = BY_ORG_TYPE[orgType];
  return new Set(role === "member" ? base.filter((p) => !MEMBER_EXCLUDED.includes(p)) : base);
}

export function can(membership: Pick<SessionMembership, "organizationType" | "role"> | null | undefined, permission: Permission): boolean {
  if (!membership) return false;
  return permissionsFor(membership.organizationType, membership.role).has(permission);
}
