// POST /api/v1/clusters/{id}/members/{orgId}/decision: the manager accepts or declines a request to join.
import { z } from "zod";
import { ACTORS } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/api/route";
import { decideJoinRequest } from "@/lib/clusters/membership";
import { ClusterMembershipSchema } from "@/lib/clusters/responses";
import { clusterIdSchema, memberDecisionBody } from "@/lib/clusters/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.clusterOwners,
    permission: "cluster:manage",
    params: z.object({ id: clusterIdSchema, orgId: clusterIdSchema }),
    body: memberDecisionBody,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/clusters/{id}/members/{orgId}/decision",
      summary: "Decide a request to join a cluster",
      description:
        "The cluster's manager (verified). `decision` accept (→ active) or decline (→ declined); the requester is told. " +
        "Another manager's cluster, or no pending request: 404.",
      tags: ["Clusters"],
      responses: { 200: { description: "The membership", schema: ClusterMembershipSchema } },
    },
  },
  ({ actor, params: p, body }) => decideJoinRequest(actor, { clusterId: p.id, organizationId: p.orgId, decision: body.decision }),
);
