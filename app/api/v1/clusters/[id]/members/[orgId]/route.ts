// DELETE /api/v1/clusters/{id}/members/{orgId}: the member leaves (or withdraws its request), or the manager
// removes it (or withdraws an invitation). Status → left; the row stays for the history.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { deleteMembership } from "@/lib/clusters/membership";
import { ClusterMembershipSchema } from "@/lib/clusters/responses";
import { clusterIdSchema } from "@/lib/clusters/schemas";

export const DELETE = apiRoute(
  {
    auth: "required",
    params: z.object({ id: clusterIdSchema, orgId: clusterIdSchema }),
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/clusters/{id}/members/{orgId}",
      summary: "Leave a cluster, or remove a member",
      description:
        "The member itself (an UMKM or cooperative naming its own organization: leaves, or withdraws a pending request) or the " +
        "cluster's verified manager (removes a member or withdraws an invitation). Anyone else: 403 or 404.",
      tags: ["Clusters"],
      responses: { 200: { description: "The membership, status left", schema: ClusterMembershipSchema } },
    },
  },
  ({ actor, params: p }) => deleteMembership(actor, { clusterId: p.id, organizationId: p.orgId }),
);
