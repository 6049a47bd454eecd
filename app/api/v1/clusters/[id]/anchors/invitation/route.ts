// POST /api/v1/clusters/{id}/anchors/invitation: the invited buyer's owner or admin accepts or declines.
import { z } from "zod";
import { ACTORS } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/api/route";
import { answerAnchorInvitation } from "@/lib/clusters/anchors";
import { ClusterAnchorSchema } from "@/lib/clusters/responses";
import { clusterIdSchema, invitationAnswerBody } from "@/lib/clusters/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.buyer,
    permission: "cluster:anchor",
    params: z.object({ id: clusterIdSchema }),
    body: invitationAnswerBody,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/clusters/{id}/anchors/invitation",
      summary: "Answer an invitation to anchor a cluster",
      description: "A buyer's owner or admin (other roles 403). `decision` accept (→ active) or decline. No pending invitation: 404.",
      tags: ["Clusters"],
      responses: { 200: { description: "The anchor", schema: ClusterAnchorSchema } },
    },
  },
  ({ actor, params: p, body }) => answerAnchorInvitation(actor, { clusterId: p.id, decision: body.decision }),
);
