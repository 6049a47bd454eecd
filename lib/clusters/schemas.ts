// Cluster input (forms, server actions and /api/v1/clusters; issue 12). Client-safe (no database): the codes are
// checked for shape here and against the reference tables (KbliCode, Province, Regency, Site) in manage.ts.
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";
import "@/lib/api/openapi";

const blank = (v: unknown) => (v === "" || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** A list field: an array (JSON, repeated form fields) or one comma/space-separated string (a text input). */
const list = (v: unknown) => {
  if (v === undefined || v === null) return [];
  const parts = Array.isArray(v) ? v : [v];
  return parts.flatMap((p) => (typeof p === "string" ? p.split(/[\s,;]+/) : [p])).filter((p) => p !== "");
};

const MAX_CLUSTER_CODES = 50;

const codes = (pattern: RegExp, message: string) =>
  z.preprocess(
    list,
    z
      .array(z.string({ error: message }).trim().toUpperCase().regex(pattern, message), { error: message })
      .max(MAX_CLUSTER_CODES, "clusters.errors.tooManyCodes")
      .transform((a) => [...new Set(a)]),
  );

/** KBLI 2020 section letters ("C") and/or 2-digit divisions ("29"). */
const kbliSectionsField = codes(/^([A-U]|\d{2})$/, "clusters.errors.kbli");
/** Kemendagri province codes ("32"). */
const provinceCodesField = codes(/^\d{2}$/, "clusters.errors.province");
/** Kemendagri regency codes ("32.16"). */
const regencyCodesField = codes(/^\d{2}\.\d{2}$/, "clusters.errors.regency");

export const clusterIdSchema = z.string().trim().min(1).max(64);

export const clusterInputSchema = z
  .object({
    name: z
      .string({ error: "errors.field.required" })
      .trim()
      .min(3, emptyIsRequired("clusters.errors.nameTooShort"))
      .max(160, "errors.field.tooLong"),
    description: z.preprocess(blank, z.string({ error: "errors.field.invalid" }).trim().max(4000, "errors.field.tooLong").default("")),
    kbliSections: kbliSectionsField.refine((a) => a.length > 0, "clusters.errors.kbliRequired"),
    provinceCodes: provinceCodesField,
    regencyCodes: regencyCodesField,
    siteId: z.preprocess(blank, z.string({ error: "errors.field.invalid" }).trim().max(64, "errors.field.tooLong").nullish()),
  })
  .superRefine((v, ctx) => {
    if (v.provinceCodes.length === 0 && v.regencyCodes.length === 0)
      ctx.addIssue({ code: "custom", path: ["provinceCodes"], message: "clusters.errors.regionRequired" });
  })
  .openapi("ClusterInput");
export type ClusterInput = z.output<typeof clusterInputSchema>;

export const clusterUpdateSchema = z.object({ clusterId: clusterIdSchema }).and(clusterInputSchema);

export const clusterListQuery = z.object({
  q: z.preprocess(blank, z.string().trim().max(100, "errors.field.tooLong").optional()),
  kbliSection: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([A-U]|\d{2})$/, "clusters.errors.kbli")
      .optional(),
  ),
  province: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\d{2}$/, "clusters.errors.province")
      .optional(),
  ),
});
export type ClusterListQuery = z.output<typeof clusterListQuery>;

/** The page's list: ?q=&sektor=&provinsi=&page= (1-based). */
export const clusterPageQuery = z.object({
  q: z.preprocess(blank, z.string().trim().max(100).optional()).catch(undefined),
  sektor: z
    .preprocess(
      blank,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^([A-U]|\d{2})$/)
        .optional(),
    )
    .catch(undefined),
  provinsi: z
    .preprocess(
      blank,
      z
        .string()
        .trim()
        .regex(/^\d{2}$/)
        .optional(),
    )
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

const id = z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(64, "errors.field.tooLong");

/** An UMKM or cooperative asks to join, accepts/declines an invitation or leaves: the cluster is all it names. */
export const clusterRefSchema = z.object({ clusterId: id });

export const memberDecisionBody = z
  .object({ decision: z.enum(["accept", "decline"], { error: "errors.field.invalidChoice" }) })
  .openapi("ClusterMemberDecision");
export const memberDecisionSchema = z.object({ clusterId: id, organizationId: id }).extend(memberDecisionBody.shape);

export const memberRefSchema = z.object({ clusterId: id, organizationId: id });

export const anchorInviteBody = z.object({ buyerId: id }).openapi("ClusterAnchorInvite");
export const anchorInviteSchema = z.object({ clusterId: id }).extend(anchorInviteBody.shape);

export const invitationAnswerBody = z
  .object({ decision: z.enum(["accept", "decline"], { error: "errors.field.invalidChoice" }) })
  .openapi("ClusterInvitationAnswer");
export const invitationAnswerSchema = z.object({ clusterId: id }).extend(invitationAnswerBody.shape);

export const inviteByNameSchema = z.object({ clusterId: id, organizationId: id });

export const candidateSearchSchema = z.object({
  clusterId: id,
  q: z.string().trim().max(100, "errors.field.tooLong"),
});
