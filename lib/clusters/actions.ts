"use server";
// Server actions of the cluster pages (issue 12). The services in lib/clusters check organization type, role,
// verification and ownership again (another manager's cluster is not found).
//   createClusterAction, updateClusterAction           /klaster/baru, /klaster/[id]/kelola (settings)
//   decideJoinRequestAction, inviteMemberAction,       /klaster/[id]/kelola: the manager decides requests,
//   removeMemberAction, inviteAnchorAction,            invites by name, removes members, invites anchors
//   findInviteCandidatesAction, findAnchorCandidatesAction
//   requestToJoinAction, answerInvitationAction,       the cluster page's membership panel (UMKM, cooperative)
//   leaveClusterAction
//   answerAnchorInvitationAction, leaveAsAnchorAction  the membership panel (buyer owners and admins)
import { redirect } from "next/navigation";
import { buyerAction, clusterMemberAction, clusterOwnerAction, revalidate } from "@/lib/auth/action-wrapper";
import { organizationRoutes } from "@/lib/organizations/routes";
import { answerAnchorInvitation, inviteAnchor, leaveAsAnchor } from "./anchors";
import { createCluster, updateCluster } from "./manage";
import { answerInvitation, decideJoinRequest, inviteMember, leaveCluster, removeMember, requestToJoin } from "./membership";
import { clusterRoutes } from "./routes";
import {
  anchorInviteSchema,
  clusterInputSchema,
  clusterRefSchema,
  clusterUpdateSchema,
  invitationAnswerSchema,
  inviteByNameSchema,
  memberDecisionSchema,
  memberRefSchema,
} from "./schemas";

const refresh = (clusterId: string) =>
  revalidate(clusterRoutes.detail(clusterId), clusterRoutes.manage(clusterId), clusterRoutes.list(), organizationRoutes.dashboard());

export const createClusterAction = clusterOwnerAction("cluster:manage", clusterInputSchema, async (input, { actor }) => {
  const cluster = await createCluster(actor, input);
  revalidate(clusterRoutes.list());
  redirect(clusterRoutes.manage(cluster.id));
});

export const updateClusterAction = clusterOwnerAction("cluster:manage", clusterUpdateSchema, async (input, { actor }) => {
  const { clusterId, ...rest } = input;
  const cluster = await updateCluster(actor, clusterId, rest);
  refresh(cluster.id);
  return { id: cluster.id };
});

export const decideJoinRequestAction = clusterOwnerAction("cluster:manage", memberDecisionSchema, async (input, { actor }) => {
  const r = await decideJoinRequest(actor, input);
  refresh(r.clusterId);
  return r;
});

export const inviteMemberAction = clusterOwnerAction("cluster:manage", inviteByNameSchema, async (input, { actor }) => {
  const r = await inviteMember(actor, input);
  refresh(r.clusterId);
  return r;
});

export const removeMemberAction = clusterOwnerAction("cluster:manage", memberRefSchema, async (input, { actor }) => {
  const r = await removeMember(actor, input);
  refresh(r.clusterId);
  return r;
});

export const inviteAnchorAction = clusterOwnerAction("cluster:manage", anchorInviteSchema, async (input, { actor }) => {
  const r = await inviteAnchor(actor, input);
  refresh(r.clusterId);
  return r;
});

export const requestToJoinAction = clusterMemberAction("cluster:join", clusterRefSchema, async (input, { actor }) => {
  const r = await requestToJoin(actor, input);
  refresh(r.clusterId);
  return r;
});

export const answerInvitationAction = clusterMemberAction("cluster:join", invitationAnswerSchema, async (input, { actor }) => {
  const r = await answerInvitation(actor, input);
  refresh(r.clusterId);
  return r;
});

export const leaveClusterAction = clusterMemberAction("cluster:join", clusterRefSchema, async (input, { actor }) => {
  const r = await leaveCluster(actor, input);
  refresh(r.clusterId);
  return r;
});

export const answerAnchorInvitationAction = buyerAction("cluster:anchor", invitationAnswerSchema, async (input, { actor }) => {
  const r = await answerAnchorInvitation(actor, input);
  refresh(r.clusterId);
  return r;
});

export const leaveAsAnchorAction = buyerAction("cluster:anchor", clusterRefSchema, async (input, { actor }) => {
  const r = await leaveAsAnchor(actor, input);
  refresh(r.clusterId);
  return r;
});
