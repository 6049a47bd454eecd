// POST /api/v1/clusters/{id}/invitation: the invited UMKM or cooperative accepts (→ active) or declines.
import { z } from "zod";
import { ACTORS } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/api/route";
import { answerInvitation } from "@/lib/clusters/membership";
import { ClusterMembershipSchema } from "@/lib/clusters/responses";
import { clusterIdSchema, invitationAnswerBody } from "@/lib/clusters/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.clusterMembers,
    permission: "cluster:join",
    params: z.object({ id: clusterIdSchema }),
    body: invitationAnswerBody,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/clusters/{id}/invitation",
      summary: "Answer a cluster's invitation to join",
      description: "`decision` accept (→ active) or decline. 404 when the caller's organization has no pending invitation.",
      tags: ["Clusters"],
      responses: { 200: { description: "The membership", schema: ClusterMembershipSchema } },
    },
  },
  ({ actor, params: p, body }) => answerInvitation(actor, { clusterId: p.id, decision: body.decision }),
);
