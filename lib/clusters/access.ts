// Who may do what with clusters (issue 12): pure predicates for the page guard and the where-fragments every
// query and write of lib/clusters uses. A cluster is managed by the organization that created it
// (Cluster.managerId); another organization's cluster is "not found" on every manage path.
import { ACTORS } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import type { Actor, OrgType } from "@/lib/auth/types";

const isOneOf = (types: readonly OrgType[], t: OrgType | undefined) => t !== undefined && types.includes(t);

/** May create clusters (cluster managers, ministry staff, regional governments). */
export const canManageClusters = (actor: Actor): boolean =>
  isOneOf(ACTORS.clusterOwners, actor.membership?.organizationType) && can(actor.membership, "cluster:manage");

/** Committing the organization to a cluster as its anchor is an owner's or admin's decision. */
export const isOwnerOrAdmin = (actor: Actor): boolean => actor.membership?.role === "owner" || actor.membership?.role === "admin";

/** The where-fragment of a cluster the actor's organization manages. */
export const managedBy = (organizationId: string) => ({ managerId: organizationId });
