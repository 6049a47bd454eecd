// GET /api/v1/clusters/{id}/consortia: the cluster manager's view of the open RFQs of the cluster's active
// anchors that it may propose a consortium for (public, or posted to this cluster), with the proposals made.
// POST proposes one (issue 12, lib/clusters/consortium.ts): 2–5 active members of the cluster that meet the
// RFQ's hard requirements; the buyer decides whether to invite it. Another organization's cluster → 404.
import { apiRoute, created } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { listAnchorRfqs, proposeClusterConsortium } from "@/lib/clusters/consortium";
import { clusterConsortiumSchema, clusterIdSchema } from "@/lib/clusters/consortium-schemas";
import { AnchorRfqListSchema, ClusterConsortiumSchema, presentAnchorRfqs } from "@/lib/clusters/consortium-responses";
import { z } from "zod";

const params = z.object({ id: clusterIdSchema });

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.clusterOwners,
    permission: "cluster:manage",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/clusters/{id}/consortia",
      summary: "Anchors' open RFQs a cluster manager may propose consortia for",
      description:
        "The cluster's manager organization only (another organization's cluster → 404): open RFQs of the cluster's active " +
        "anchors that are public or posted to this cluster, soonest deadline first, each with the consortia this cluster " +
        "proposed and whether the buyer invited them.",
      tags: ["Clusters"],
      responses: { 200: { description: "The RFQs", schema: AnchorRfqListSchema } },
    },
  },
  async ({ actor, params }) => presentAnchorRfqs(await listAnchorRfqs(actor, params.id)),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.clusterOwners,
    permission: "cluster:manage",
    params,
    body: clusterConsortiumSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/clusters/{id}/consortia",
      summary: "Propose a consortium of cluster members for an anchor's RFQ",
      description:
        "`rfqId`: an open RFQ of one of the cluster's active anchors (public or posted to this cluster; otherwise 404). " +
        "`memberIds`: 2–5 UMKM, each an active member of the cluster (directly or through a member cooperative) that meets " +
        "the RFQ's hard requirements (400 otherwise); `leadId` optional, one of them (default: the best scored). Shares of " +
        "the quantity follow capacity. The buyer is notified and decides whether to invite it (POST " +
        "/api/v1/rfqs/{id}/consortia/{consortiumId}/invite); the members are told when it is invited. A member already in a " +
        "consortium for the RFQ → 409. Manager organization only, verified (403 `verification_required`); another " +
        "organization's cluster → 404.",
      tags: ["Clusters"],
      responses: { 201: { description: "The proposal", schema: ClusterConsortiumSchema } },
    },
  },
  async ({ actor, params, body }) => created(await proposeClusterConsortium(actor, params.id, body)),
);
