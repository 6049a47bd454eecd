// What /api/v1/admin returns (issue 16 item 4), as zod schemas for the OpenAPI document.
import { z } from "zod";
import { ORG_TYPES, VERIFICATION_STATUSES } from "@/lib/enums";

const page = { total: z.number().int(), page: z.number().int(), pageCount: z.number().int() };

export const AdminOrganizationListSchema = z
  .object({
    ...page,
    items: z.array(
      z.object({
        id: z.string(),
        type: z.enum(ORG_TYPES),
        name: z.string(),
        email: z.string().nullable(),
        verificationStatus: z.enum(VERIFICATION_STATUSES),
        suspendedAt: z.string().nullable().describe("ISO 8601; null when not suspended"),
        memberCount: z.number().int(),
        createdAt: z.string(),
      }),
    ),
  })
  .meta({ id: "AdminOrganizationList" });

export const AdminCreatedOrganizationSchema = z
  .object({
    id: z.string(),
    type: z.enum(ORG_TYPES),
    name: z.string(),
    verificationStatus: z.enum(VERIFICATION_STATUSES),
    createdAt: z.string(),
    ownerInvitation: z.object({ id: z.string(), email: z.string(), role: z.literal("owner"), expiresAt: z.string() }),
  })
  .meta({ id: "AdminCreatedOrganization" });

export const AdminUserListSchema = z
  .object({
    ...page,
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        email: z.string(),
        suspendedAt: z.string().nullable(),
        lastLoginAt: z.string().nullable(),
        membershipCount: z.number().int(),
        createdAt: z.string(),
      }),
    ),
  })
  .meta({ id: "AdminUserList" });

export const SuspensionStateSchema = z
  .object({ id: z.string(), suspendedAt: z.string().nullable(), suspendedReason: z.string().nullable().optional() })
  .meta({ id: "SuspensionState" });
