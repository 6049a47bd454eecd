// Role → permission table. Every server action and API route checks one of these in lib/ (through the
// action wrappers in lib/auth/action-wrapper.ts or lib/api), never only in the UI. "own" permissions are further
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
  "partnership:review", // clear or confirm agreements flagged as possible fake partnerships (issue 13)
  // clusters and regions (issue 12)
  "cluster:manage", // create clusters (in the organization's scope) and manage the ones it created
  "cluster:join", // ask to join a cluster, accept an invitation, leave (UMKM, cooperatives)
  "cluster:anchor", // accept or decline an anchor invitation, leave as anchor (buyers)
  "region:dashboard", // the regional dashboard and follow-up list of the government's own region
  "region:flagship", // tag the region's flagship products
  // issue 13
  "index:publish", // publish or withdraw the firm's Indeks Kemitraan grade, issue a Laporan Kemitraan
  "financing:programme", // run supply-chain financing programmes with banks, refer UMKM partners
  // platform
  "platform:verify", // verify UMKM, buyers, cooperatives
  "platform:admin",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const ORG_ADMIN: Permission[] = ["org:read", "org:update", "org:members:manage"];

/** What each organization type can do at all; roles narrow it (ROLE_EXCLUDES below). */
const BY_ORG_TYPE: Record<OrgType, Permission[]> = {
  umkm: [
    ...ORG_ADMIN,
    "cluster:join",
    "supplier:profile:update",
    "supplier:products:write",
    "rfq:board:read",
    "quote:write",
    "financing:request",
    "agreement:read",
    "agreement:write",
    "agreement:accept",
  ],
  buyer: [
    ...ORG_ADMIN,
    "rfq:write",
    "rfq:award",
    "matching:read",
    "agreement:read",
    "agreement:write",
    "agreement:accept",
    "cluster:anchor",
    "index:publish",
    "financing:programme",
  ],
  cooperative: [
    ...ORG_ADMIN,
    "cluster:join",
    "financing:request",
    "cooperative:members:manage",
    "rfq:board:read",
    "quote:write",
    "agreement:read",
    "agreement:write",
    "agreement:accept",
  ],
  ministry: [...ORG_ADMIN, "stats:drilldown", "agreement:read", "partnership:review", "cluster:manage", "region:dashboard"],
  bank: [...ORG_ADMIN, "financing:decide"],
  platform: [...ORG_ADMIN, "platform:verify", "platform:admin", "stats:drilldown"],
  cluster_manager: [...ORG_ADMIN, "cluster:manage"],
  regional_government: [...ORG_ADMIN, "cluster:manage", "region:dashboard", "region:flagship"],
};

/**
 * THE role × permission table (ADR 0019 writes it out action by action): what each role keeps of what its
 * organization type allows. Owners and admins keep everything; a plain member does everything else its
 * organization does, but does not manage members or the organization's details, award RFQs or accept
 * agreements (including the two-sided amendment and completion steps, which check "agreement:accept");
 * an approver (buyers only) is a member who may also award and accept. Owner-only rules that are about WHO
 * is changed rather than WHAT is done (only an owner makes, demotes or removes an owner; the last owner
 * stays) live in lib/organizations/access.ts.
 */
const ROLE_EXCLUDES: Record<MemberRole, readonly Permission[]> = {
  owner: [],
  admin: [],
  member: [
    "org:update",
    "org:members:manage",
    "rfq:award",
    "agreement:accept",
    "platform:admin",
    "index:publish",
    "partnership:review",
    // ADR 0026: a financing programme commits the buyer to a bank (owner, admin or approver)
    "financing:programme",
  ],
  approver: ["org:update", "org:members:manage", "platform:admin", "index:publish"],
};

/** Organization types whose members may be named approvers (a role elsewhere counts as a plain member). */
const APPROVER_ORG_TYPES: readonly OrgType[] = ["buyer"];

/** The roles an organization of this type can give its members. */
export function rolesFor(orgType: OrgType): MemberRole[] {
  return APPROVER_ORG_TYPES.includes(orgType) ? ["owner", "admin", "approver", "member"] : ["owner", "admin", "member"];
}

export function permissionsFor(orgType: OrgType, role: MemberRole): Set<Permission> {
  const effective: MemberRole = role === "approver" && !APPROVER_ORG_TYPES.includes(orgType) ? "member" : role;
  const excluded = ROLE_EXCLUDES[effective];
  return new Set(BY_ORG_TYPE[orgType].filter((p) => !excluded.includes(p)));
}

export function can(membership: Pick<SessionMembership, "organizationType" | "role"> | null | undefined, permission: Permission): boolean {
  if (!membership) return false;
  return permissionsFor(membership.organizationType, membership.role).has(permission);
}
