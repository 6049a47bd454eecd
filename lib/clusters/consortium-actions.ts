"use server";
// Server action behind /klaster/[id]/konsorsium (issue 12): the cluster's manager proposes a consortium of the
// cluster's members for an anchor's open RFQ. lib/clusters/consortium.ts authorizes (manager organization,
// cluster:manage, verified, its own cluster only) and validates with the same schema as the API.
import { z } from "zod";
import { revalidate, userAction } from "@/lib/auth/action-wrapper";
import { clusterRoutes } from "./routes";
import { proposeClusterConsortium } from "./consortium";
import { clusterConsortiumSchema, clusterIdSchema } from "./consortium-schemas";

export const proposeClusterConsortiumAction = userAction(
  clusterConsortiumSchema.and(z.object({ clusterId: clusterIdSchema })),
  async (input, { actor }) => {
    const c = await proposeClusterConsortium(actor, input.clusterId, {
      rfqId: input.rfqId,
      memberIds: input.memberIds,
      leadId: input.leadId,
    });
    revalidate(clusterRoutes.consortia(input.clusterId));
    return { id: c.id, name: c.name };
  },
);
