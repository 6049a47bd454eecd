// GET /api/v1/clusters/{id}: a cluster's summary and figures (lib/clusters/summary.ts; ADR 0028). Anyone may read
// it; the figures are protected for the public (groups of fewer than 3 UMKM withheld, no single partnership's
// value) and exact for ministry and platform staff and for a regional government whose region holds the cluster.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { getClusterSummary } from "@/lib/clusters/summary";
import { ClusterSummarySchema, presentClusterSummary } from "@/lib/clusters/summary-responses";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = apiRoute(
  {
    auth: "optional",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/clusters/{id}",
      summary: "A cluster's summary and figures",
      description:
        "Name, sectors (KBLI 2020 sections or divisions with titles), region scope, site, manager, and the figures: the " +
        "cluster's UMKM (active members and the active members of member cooperatives, each counted once) by size class, " +
        "province and verification; member cooperatives; UMKM holding a valid, verified halal, SNI, ISO 9001 and TKDN " +
        "certificate; monthly capacity by KBLI code and unit; the active anchors with the agreements between them and " +
        "members (active or completed, verified parties, not excluded) and their value; members that moved up a size " +
        "class.\n\n**Disclosure** (issue 7, as GET /api/v1/stats/*): for the public a group of fewer than 3 UMKM is " +
        "`suppressed: true` with null figures (one more group where a single withheld one could be recomputed), and " +
        "partnership figures appear only when backed by at least 3 distinct UMKM. Ministry and platform staff and a " +
        "verified regional government whose region contains the cluster's scope get exact figures (`disclosure`, " +
        "`partnershipDisclosure`: `exact`); the cluster's manager and anchors get exact member figures. Unknown id: 404.",
      tags: ["Clusters"],
      responses: { 200: { description: "The cluster", schema: ClusterSummarySchema } },
    },
  },
  async ({ actor, params, locale }) => presentClusterSummary(await getClusterSummary(params.id, actor, { locale })),
);
