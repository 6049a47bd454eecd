// Response shapes of /api/v1/clusters/{id}/consortia (the cluster manager's consortium proposals, issue 12).
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import type { AnchorRfq } from "./consortium";

const timestamp = z.iso.datetime({ offset: true });

export const ClusterConsortiumSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    rfqId: z.string(),
    clusterId: z.string(),
    leadId: z.string(),
    members: z.array(z.object({ supplierId: z.string(), name: z.string(), shareQuantity: z.number().int(), sharePercent: z.number() })),
  })
  .openapi("ClusterConsortium");

export const AnchorRfqListSchema = z
  .object({
    cluster: z.object({ id: z.string(), name: z.string() }),
    data: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        buyer: z.object({ id: z.string(), name: z.string() }),
        deadline: timestamp,
        quantity: z.number().int(),
        unit: z.string(),
        postedToCluster: z.boolean(),
        proposals: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            invited: z.boolean().openapi({ description: "Has the buyer invited it?" }),
            members: z.array(z.object({ id: z.string(), name: z.string(), lead: z.boolean() })),
          }),
        ),
      }),
    ),
  })
  .openapi("ClusterAnchorRfqs");

export function presentAnchorRfqs(r: { cluster: { id: string; name: string }; rfqs: AnchorRfq[] }) {
  return { cluster: r.cluster, data: r.rfqs };
}
