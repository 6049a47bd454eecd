// Input of a cluster manager's consortium proposal (POST /api/v1/clusters/{id}/consortia and the
// /klaster/[id]/konsorsium form): the anchor's RFQ, 2–5 member UMKM, an optional lead among them. Client-safe.
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import { CONSORTIUM } from "@/lib/matching/weights";

const id = z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(100, "errors.field.invalidChoice");

/** A form's single value or several → array; blanks dropped. */
const list = (v: unknown) =>
  v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).filter((x) => !(typeof x === "string" && x.trim() === ""));

export const clusterConsortiumSchema = z
  .object({
    rfqId: id,
    memberIds: z.preprocess(
      list,
      z
        .array(z.string().trim().min(1).max(100), { error: "errors.field.required" })
        .min(CONSORTIUM.minMembers, "errors.matching.consortiumSize")
        .max(CONSORTIUM.maxMembers, "errors.matching.consortiumSize"),
    ),
    leadId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
  })
  .refine((v) => new Set(v.memberIds).size === v.memberIds.length, { path: ["memberIds"], message: "errors.matching.duplicateMember" })
  .refine((v) => !v.leadId || v.memberIds.includes(v.leadId), { path: ["leadId"], message: "errors.field.invalidChoice" })
  .openapi("ClusterConsortiumInput");
export type ClusterConsortiumInput = z.input<typeof clusterConsortiumSchema>;

export const clusterIdSchema = z.string().trim().min(1).max(64);
