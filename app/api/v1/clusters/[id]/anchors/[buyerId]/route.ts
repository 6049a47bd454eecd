// DELETE /api/v1/clusters/{id}/anchors/{buyerId}: an anchor (its owner or admin) stops anchoring the cluster.
import { z } from "zod";
import { ACTORS } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/api/route";
import { leaveAsAnchor } from "@/lib/clusters/anchors";
import { ClusterAnchorSchema } from "@/lib/clusters/responses";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { notFound } from "@/lib/errors";

export const DELETE = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.buyer,
    permission: "cluster:anchor",
    params: z.object({ id: clusterIdSchema, buyerId: clusterIdSchema }),
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/clusters/{id}/anchors/{buyerId}",
      summary: "Stop anchoring a cluster",
      description: "The anchor buyer itself (`buyerId` = the caller's organization; its owner or admin). Otherwise 404.",
      tags: ["Clusters"],
      responses: { 200: { description: "The anchor, status left", schema: ClusterAnchorSchema } },
    },
  },
  ({ actor, params: p }) => {
    if (p.buyerId !== actor.membership.organizationId) throw notFound();
    return leaveAsAnchor(actor, { clusterId: p.id });
  },
);
