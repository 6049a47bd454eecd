// Inputs of the platform administration (issue 16 item 4): the same zod schemas for the /admin forms, the
// server actions (lib/admin/actions.ts) and /api/v1/admin.
import { z } from "zod";
import { ORG_TYPES, VERIFICATION_STATUSES } from "@/lib/enums";
import { CREATABLE_ORG_TYPES } from "./org-types";

const id = z.string().trim().min(1).max(64);
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Status filter of the organizations list: a verification status, or "suspended". */
export const ADMIN_ORG_STATUSES = [...VERIFICATION_STATUSES, "suspended"] as const;

export const adminOrganizationQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  type: z.preprocess(blankToUndefined, z.enum(ORG_TYPES).optional()),
  status: z.preprocess(blankToUndefined, z.enum(ADMIN_ORG_STATUSES).optional()),
  page,
});
export type AdminOrganizationQuery = z.infer<typeof adminOrganizationQuerySchema>;

export const adminUserQuerySchema = z.object({ q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()), page });
export type AdminUserQuery = z.infer<typeof adminUserQuerySchema>;

/** Suspending needs a reason (shown to admins in the history; never to the public). */
export const suspendSchema = z.object({ id, reason: z.string().trim().min(5, "admin.errors.reasonRequired").max(1000) });
export const suspendBodySchema = suspendSchema.omit({ id: true });
export const targetSchema = z.object({ id });
export const idParamsSchema = z.object({ id });

/** Organization types an admin creates (any but the platform organization itself; banks and ministries only here). */

const email = (error: string) => z.string().trim().toLowerCase().max(254).pipe(z.email({ error }));

export const createOrganizationSchema = z.object({
  type: z.enum(CREATABLE_ORG_TYPES),
  name: z.string().trim().min(2, "admin.errors.nameRequired").max(200),
  email: z.preprocess(blankToUndefined, email("errors.field.email").optional()),
  ownerEmail: email("admin.errors.ownerEmail"),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;
