// GET /api/v1/organizations/{id}: an organization's own profile (buyers, cooperatives, banks, ministry offices)
// with any identity change waiting for review — for its members and platform admins; everyone else 404.
// PATCH: owners and admins change it — the same schema and domain function as /organisasi/profil
// (lib/organizations/profile.ts), so the same validation, review rule (ADR 0020) and permissions.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { PROFILE_ORG_TYPES } from "@/lib/organizations/access";
import { getOrganizationProfile, updateOrganizationProfile } from "@/lib/organizations/profile";
import { OrganizationProfileSchema, presentProfile } from "@/lib/organizations/profile-responses";
import { organizationProfileSchema } from "@/lib/organizations/profile-schemas";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = apiRoute(
  {
    auth: "required",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/organizations/{id}",
      summary: "An organization's profile",
      description:
        "Your own organization (send X-Organization-Id when you belong to several) or, for platform admins, any buyer, " +
        "cooperative, bank or ministry office; others: 404. The identity fields are the approved values; `pendingChange` " +
        "holds a proposal waiting for review.",
      tags: ["Organizations"],
      responses: { 200: { description: "The profile", schema: OrganizationProfileSchema } },
    },
  },
  async ({ actor, params }) => presentProfile(await getOrganizationProfile(actor, params.id)),
);

export const PATCH = apiRoute(
  {
    auth: "required",
    orgTypes: PROFILE_ORG_TYPES,
    permission: "org:update",
    params,
    body: organizationProfileSchema,
    idempotent: true,
    openapi: {
      method: "patch",
      path: "/api/v1/organizations/{id}",
      summary: "Update your organization's profile",
      description:
        "Owners and admins of that organization only (another organization: 404; members: 403). Absent fields stay as they " +
        "are; null clears one. Address, region, industry and contact apply at once. On a verified organization a change " +
        "of name, legalName, legalForm or npwp — and on any buyer a change of isStateOwned — is stored as `pendingChange` " +
        "for a platform admin's review; the approved values stay in force until then. NPWP: 15 digits with its check " +
        "digit or 16 digits, stored as 16.",
      tags: ["Organizations"],
      responses: { 200: { description: "The profile as its members now see it", schema: OrganizationProfileSchema } },
    },
  },
  async ({ actor, params, body }) => presentProfile(await updateOrganizationProfile(actor, params.id, body)),
);
