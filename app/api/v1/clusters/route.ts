// GET /api/v1/clusters: the public cluster list (search, sector, province; cursor-paged).
// POST /api/v1/clusters: a verified cluster manager, ministry office or regional government creates a cluster it
// then manages (lib/clusters/manage.ts checks codes and a regional government's region).
import { ACTORS } from "@/lib/auth/authorize";
import { paginationQuery } from "@/lib/api/pagination";
import { apiRoute, created } from "@/lib/api/route";
import { createCluster } from "@/lib/clusters/manage";
import { listClusters } from "@/lib/clusters/queries";
import { ClusterPageSchema, ClusterWrittenSchema } from "@/lib/clusters/responses";
import { clusterInputSchema, clusterListQuery } from "@/lib/clusters/schemas";

export const GET = apiRoute(
  {
    auth: "none",
    query: clusterListQuery.extend(paginationQuery.shape),
    openapi: {
      method: "get",
      path: "/api/v1/clusters",
      summary: "List clusters",
      description:
        "Newest first. `q` matches name or description; `kbliSection` a KBLI 2020 section letter (also finds clusters naming " +
        "one of its divisions) or a 2-digit division; `province` a province code (clusters naming it or one of its regencies). " +
        "`memberCount` counts verified active members and is null under 3 (disclosure rule).",
      tags: ["Clusters"],
      responses: { 200: { description: "A page of clusters", schema: ClusterPageSchema } },
    },
  },
  ({ query }) => listClusters(query),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.clusterOwners,
    permission: "cluster:manage",
    body: clusterInputSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/clusters",
      summary: "Create a cluster",
      description:
        "Cluster managers, ministry staff and regional governments (verified; else 403 `verification_required`). The caller's " +
        "organization manages the cluster. `kbliSections`: KBLI 2020 section letters and/or 2-digit divisions; `provinceCodes`, " +
        "`regencyCodes`, `siteId` must exist (else 400 with `fields`). A regional government only inside its region " +
        "(a province government: its province and its regencies; a regency government: its regency).",
      tags: ["Clusters"],
      responses: { 201: { description: "The cluster", schema: ClusterWrittenSchema } },
    },
  },
  async ({ actor, body }) => created(await createCluster(actor, body)),
);
