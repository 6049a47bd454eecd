// Matching input: the query of GET /api/v1/rfqs/{id}/matches and the consortium invitation (POST
// /api/v1/rfqs/{id}/consortia and the /rfq/[id]/pencocokan server action). Messages are i18n keys.
import { z } from "zod";
import { CONSORTIUM, LIMITS } from "./weights";

export const matchesQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "errors.field.integer" })
    .int("errors.field.integer")
    .min(1, "errors.field.limit")
    .max(LIMITS.maxMatches, "errors.field.limit")
    .default(LIMITS.defaultMatches),
});

export const inviteConsortiumSchema = z
  .object({
    memberIds: z
      .array(z.string().trim().min(1).max(100), { error: "errors.field.required" })
      .min(CONSORTIUM.minMembers, "errors.matching.consortiumSize")
      .max(CONSORTIUM.maxMembers, "errors.matching.consortiumSize"),
    leadId: z.string().trim().min(1).max(100).optional(),
  })
  .refine((v) => new Set(v.memberIds).size === v.memberIds.length, { path: ["memberIds"], message: "errors.matching.duplicateMember" })
  .refine((v) => !v.leadId || v.memberIds.includes(v.leadId), { path: ["leadId"], message: "errors.field.invalidChoice" });
export type InviteConsortiumInput = z.input<typeof inviteConsortiumSchema>;
