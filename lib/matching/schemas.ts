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

const anId = z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(100, "errors.field.tooLong");

/** Inviting matched UMKM to the buyer's open RFQ, one or several at once (issue 17): the same ids the page lists. */
export const inviteMatchesSchema = z.object({
  rfqId: anId,
  supplierIds: z
    .array(anId, { error: "errors.matching.pickSuppliers" })
    .min(1, "errors.matching.pickSuppliers")
    .max(LIMITS.maxMatches + LIMITS.almostQualified, "errors.matching.tooManySuppliers"),
});
export type InviteMatchesInput = z.input<typeof inviteMatchesSchema>;

/** Inviting one supplier from its public page to one of the buyer's open RFQs (issue 17). */
export const inviteFromProfileSchema = z.object({
  rfqId: z.string({ error: "errors.matching.pickRfq" }).trim().min(1, "errors.matching.pickRfq").max(100, "errors.field.tooLong"),
  supplierId: anId,
});
