// POST /api/v1/clusters/{id}/anchors: the manager invites a verified buyer as anchor (→ invited; it is told).
import { z } from "zod";
import { ACTORS } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/api/route";
import { inviteAnchor } from "@/lib/clusters/anchors";
import { ClusterAnchorSchema } from "@/lib/clusters/responses";
import { anchorInviteBody, clusterIdSchema } from "@/lib/clusters/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.clusterOwners,
    permission: "cluster:manage",
    params: z.object({ id: clusterIdSchema }),
    body: anchorInviteBody,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/clusters/{id}/anchors",
      summary: "Invite a buyer as the cluster's anchor",
      description:
        "The cluster's verified manager. `buyerId` must be a verified buyer (else 400 on `buyerId`). 409 when already an " +
        "anchor or invited. Another manager's cluster: 404.",
      tags: ["Clusters"],
      errors: [409],
      responses: { 200: { description: "The anchor, status invited", schema: ClusterAnchorSchema } },
    },
  },
  ({ actor, params: p, body }) => inviteAnchor(actor, { clusterId: p.id, buyerId: body.buyerId }),
);
