// Response shapes of the cluster write side of /api/v1/clusters (issue 12). GET /api/v1/clusters/{id} (the
// cluster's figures) is lib/clusters/summary.ts's.
import { z } from "zod";
import "@/lib/api/openapi";
import { CLUSTER_ANCHOR_STATUSES, CLUSTER_MEMBER_STATUSES } from "@/lib/enums";

const timestamp = z.iso.datetime({ offset: true });

export const ClusterWrittenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    kbliSections: z.array(z.string()),
    provinceCodes: z.array(z.string()),
    regencyCodes: z.array(z.string()),
    siteId: z.string().nullable(),
    managerId: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi("ClusterCreated");

const ClusterListItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    kbliSections: z.array(z.string()),
    provinceCodes: z.array(z.string()),
    regencyCodes: z.array(z.string()),
    siteId: z.string().nullable(),
    createdAt: timestamp,
    manager: z.object({ id: z.string(), name: z.string() }),
    memberCount: z.number().int().nullable().describe("Verified active members; null when fewer than 3 (disclosure rule)"),
    anchorCount: z.number().int(),
  })
  .openapi("ClusterListItem");

export const ClusterPageSchema = z
  .object({ data: z.array(ClusterListItemSchema), nextCursor: z.string().nullable() })
  .openapi("ClusterPage");

export const ClusterMembershipSchema = z
  .object({ clusterId: z.string(), organizationId: z.string(), status: z.enum(CLUSTER_MEMBER_STATUSES) })
  .openapi("ClusterMembership");

export const ClusterAnchorSchema = z
  .object({ clusterId: z.string(), buyerId: z.string(), status: z.enum(CLUSTER_ANCHOR_STATUSES) })
  .openapi("ClusterAnchor");
