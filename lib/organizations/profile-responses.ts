// Response shapes of GET/PATCH /api/v1/organizations/{id} and of the profile-review decision (the OpenAPI
// document; integration tests check real responses against them), and the serializer that produces them.
import { z } from "zod";
import { LEGAL_FORMS, ORG_TYPES, VERIFICATION_STATUSES } from "@/lib/enums";
import "@/lib/api/openapi";
import type { OrganizationProfile } from "./profile";

const region = z.object({ code: z.string(), name: z.string() });

const identity = {
  name: z.string(),
  legalName: z.string().nullable(),
  legalForm: z.enum(LEGAL_FORMS).nullable(),
  npwp: z.string().nullable().openapi({ description: "16 digits" }),
  isStateOwned: z.boolean().openapi({ description: "Confirmed by a platform admin (buyers)" }),
};

export const OrganizationProfileSchema = z
  .object({
    id: z.string(),
    type: z.enum(ORG_TYPES),
    ...identity,
    address: z.string().nullable(),
    province: region.nullable(),
    regency: region.nullable(),
    industry: z.string().nullable(),
    industryKbli: z.string().nullable().openapi({ description: "KBLI 2020 section letter or 2-digit division" }),
    site: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: "Buyers: the industrial estate the organization is on (GET /api/v1/sites)" }),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    verificationStatus: z.enum(VERIFICATION_STATUSES),
    verificationNote: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    pendingChange: z
      .object({
        fields: z.object(identity).partial(),
        proposedByName: z.string(),
        at: z.string(),
      })
      .nullable()
      .openapi({ description: "Identity fields proposed and waiting for a platform admin; the fields above stay the approved values" }),
    pendingChangeReturnNote: z.string().nullable().openapi({ description: "The admin's note when the last proposal was returned" }),
  })
  .openapi("OrganizationProfile");

export const ProfileReviewResultSchema = z
  .object({ id: z.string(), decision: z.enum(["approved", "returned"]) })
  .openapi("OrganizationProfileReviewResult");

export function presentProfile(p: OrganizationProfile) {
  return {
    id: p.id,
    type: p.type,
    name: p.name,
    legalName: p.legalName,
    legalForm: p.legalForm,
    npwp: p.npwp,
    isStateOwned: p.isStateOwned,
    address: p.address,
    province: p.regency ? p.regency.province : null,
    regency: p.regency ? { code: p.regency.code, name: p.regency.name } : null,
    industry: p.industry,
    industryKbli: p.industryKbli,
    site: p.site,
    website: p.website,
    email: p.email,
    phone: p.phone,
    verificationStatus: p.verificationStatus,
    verificationNote: p.verificationNote,
    verifiedAt: p.verifiedAt,
    pendingChange: p.pendingChange
      ? { fields: p.pendingChange.fields ?? {}, proposedByName: p.pendingChange.proposedByName ?? "", at: p.pendingChange.at }
      : null,
    pendingChangeReturnNote: p.identityChangeNote,
  };
}
