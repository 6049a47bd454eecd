// An organization's own profile (buyers, cooperatives, banks and ministry offices; UMKM keep theirs in
// lib/suppliers): read by its members and platform admins (everyone else: 404), edited by owners and admins
// (org:update). The rule of ADR 0020: the Organization row's columns are the APPROVED values — what the
// directory, agreements, statistics and the dashboard show. A change to identity fields (name, legal name,
// legal form, NPWP) of a VERIFIED organization, and any change of `isStateOwned` (a claim a platform admin
// confirms), is stored as a proposal (identityChange) for lib/organizations/profile-review.ts; the other
// fields (contact, website, address, region, industry) apply at once. Every change is audit-logged.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { SITE_MEMBER_ORG_TYPES } from "@/lib/sites/access";
import { siteIdError } from "@/lib/sites/service";
import { PROFILE_ORG_TYPES } from "./access";
import { IDENTITY_FIELDS, type IdentityField, type OrganizationProfileInput } from "./profile-schemas";

/** The KBLI edition the industry picker offers (lib/reference). */
const KBLI_VERSION = "2020";

const PROFILE_SELECT = {
  id: true,
  type: true,
  name: true,
  legalName: true,
  legalForm: true,
  npwp: true,
  isStateOwned: true,
  address: true,
  regencyCode: true,
  regency: { select: { code: true, name: true, province: { select: { code: true, name: true } } } },
  industry: true,
  industryKbli: true,
  siteId: true,
  site: { select: { id: true, name: true } },
  website: true,
  email: true,
  phone: true,
  verificationStatus: true,
  verificationNote: true,
  verifiedAt: true,
  identityChange: true,
  identityChangeAt: true,
  identityChangeNote: true,
  updatedAt: true,
} satisfies Prisma.OrganizationSelect;

type ProfileRow = Prisma.OrganizationGetPayload<{ select: typeof PROFILE_SELECT }>;
type ProposedIdentity = Partial<Pick<ProfileRow, IdentityField>>;

/** What identityChange holds (JSON): the proposed values and who proposed them. */
interface IdentityChange {
  fields: ProposedIdentity;
  proposedById: string;
  proposedByName: string;
}

export function identityChangeOf(value: unknown): IdentityChange | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<IdentityChange>;
  if (!v.fields || typeof v.fields !== "object") return null;
  return { fields: v.fields, proposedById: String(v.proposedById ?? ""), proposedByName: String(v.proposedByName ?? "") };
}

function present(row: ProfileRow) {
  const { identityChange, ...rest } = row;
  return { ...rest, pendingChange: row.identityChangeAt ? { ...identityChangeOf(identityChange), at: row.identityChangeAt } : null };
}
export type OrganizationProfile = ReturnType<typeof present>;

/** True when the actor may read organization `id`'s profile: its own members, and platform admins. */
function mayRead(actor: Actor | null, id: string): boolean {
  const m = actor?.membership;
  if (!m) return false;
  if (m.organizationType === "platform" && can(m, "platform:verify")) return true;
  return m.organizationId === id && can(m, "org:read");
}

/** The profile with its approved values and any proposal waiting for review. Others: 404. */
export async function getOrganizationProfile(actor: Actor | null, id: string): Promise<OrganizationProfile> {
  if (!actor) authorize(actor, {}); // 401, not 404, for the signed-out
  if (!mayRead(actor, id)) throw notFound();
  const row = await db.organization.findFirst({ where: { id, type: { in: [...PROFILE_ORG_TYPES] } }, select: PROFILE_SELECT });
  if (!row) throw notFound();
  return present(row);
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * Owners and admins change their organization's profile. Returns the profile as its members now see it.
 * Another organization's id → 404; a member (no org:update) → 403; a bad value → 400 with field errors and
 * nothing written.
 */
export async function updateOrganizationProfile(
  actor: Actor | null,
  id: string,
  input: OrganizationProfileInput,
): Promise<OrganizationProfile> {
  const a = authorize(actor, { orgTypes: PROFILE_ORG_TYPES, permission: "org:update" });
  if (a.membership.organizationId !== id) throw notFound();
  const fieldErrors: Record<string, string[]> = {};
  if (input.isStateOwned !== undefined && a.membership.organizationType !== "buyer")
    fieldErrors.isStateOwned = ["organizations.errors.stateOwnedBuyersOnly"];
  if (
    input.siteId !== undefined &&
    input.siteId !== null &&
    !(SITE_MEMBER_ORG_TYPES as readonly string[]).includes(a.membership.organizationType)
  )
    fieldErrors.siteId = ["sites.errors.siteNotForType"];
  else if (input.siteId) {
    const siteError = await siteIdError(input.siteId);
    if (siteError) fieldErrors.siteId = [siteError];
  }
  const [regency, kbli] = await Promise.all([
    input.regencyCode ? db.regency.findUnique({ where: { code: input.regencyCode }, select: { code: true } }) : null,
    input.industryKbli
      ? db.kbliCode.findFirst({ where: { version: KBLI_VERSION, code: input.industryKbli, level: { in: [1, 2] } }, select: { code: true } })
      : null,
  ]);
  if (input.regencyCode && !regency) fieldErrors.regencyCode = ["errors.field.region"];
  if (input.industryKbli && !kbli) fieldErrors.industryKbli = ["errors.field.kbli"];
  if (Object.keys(fieldErrors).length > 0) throw invalidInput(fieldErrors);

  const row = await db.$transaction(async (tx) => {
    const current = await tx.organization.findUnique({ where: { id }, select: PROFILE_SELECT });
    if (!current) throw notFound();
    const pending = identityChangeOf(current.identityChange);
    const direct: Prisma.OrganizationUpdateInput = {};
    const proposed: ProposedIdentity = { ...(pending?.fields ?? {}) };
    const applied: Record<string, unknown> = {};
    const reviewed = current.verificationStatus === "verified";
    for (const [key, value] of Object.entries(input) as [keyof OrganizationProfileInput, unknown][]) {
      if (value === undefined) continue;
      const isIdentity = (IDENTITY_FIELDS as readonly string[]).includes(key);
      if (isIdentity && (reviewed || key === "isStateOwned")) {
        // A proposal: back to the approved value withdraws that part of it.
        if (same(current[key as IdentityField], value)) delete proposed[key as IdentityField];
        else Object.assign(proposed, { [key]: value });
      } else if (!same(current[key as keyof ProfileRow], value)) {
        Object.assign(direct, { [key]: value });
        applied[key] = value;
      }
    }
    const proposal = Object.keys(proposed).length > 0 ? proposed : null;
    const proposalChanged = JSON.stringify(proposal) !== JSON.stringify(pending?.fields ?? null);
    if (proposalChanged) {
      const change: IdentityChange | null = proposal && { fields: proposal, proposedById: a.user.id, proposedByName: a.user.name };
      Object.assign(direct, {
        // Prisma.DbNull clears a Json column; a plain null is refused there.
        identityChange: change ? (change as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
        identityChangeAt: change ? new Date() : null,
        ...(change ? { identityChangeNote: null } : {}),
      });
    }
    if (Object.keys(direct).length === 0) return current;
    const updated = await tx.organization.update({ where: { id }, data: direct, select: PROFILE_SELECT });
    await audit(tx, {
      organizationId: id,
      actorId: a.user.id,
      action: "organization.profile_updated",
      entityType: "Organization",
      entityId: id,
      data: { applied, ...(proposalChanged ? { proposed: proposal } : {}) } as Prisma.InputJsonValue,
    });
    return updated;
  });
  return present(row);
}

/** KBLI 2020 sections and their divisions, for the industry picker (section letter first, then its divisions). */
export async function listIndustryKbli() {
  return db.kbliCode.findMany({
    where: { version: KBLI_VERSION, level: { in: [1, 2] } },
    orderBy: [{ section: "asc" }, { level: "asc" }, { code: "asc" }],
    select: { code: true, level: true, section: true, titleId: true, titleEn: true },
  });
}
