// POST /api/v1/clusters/{id}/join: an UMKM or cooperative asks to join (→ requested; the manager is told).
import { z } from "zod";
import { ACTORS } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/api/route";
import { requestToJoin } from "@/lib/clusters/membership";
import { ClusterMembershipSchema } from "@/lib/clusters/responses";
import { clusterIdSchema } from "@/lib/clusters/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.clusterMembers,
    permission: "cluster:join",
    params: z.object({ id: clusterIdSchema }),
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/clusters/{id}/join",
      summary: "Ask to join a cluster",
      description:
        "UMKM and cooperatives (unverified ones too: the manager sees the verification status). 409 when already a member, " +
        "already asked, invited (answer with `/invitation`) or declined less than 30 days ago.",
      tags: ["Clusters"],
      errors: [409],
      responses: { 200: { description: "The membership, status requested", schema: ClusterMembershipSchema } },
    },
  },
  ({ actor, params: p }) => requestToJoin(actor, { clusterId: p.id }),
);
