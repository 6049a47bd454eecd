// Who may open the cooperative pages (/anggota): pure predicates for requirePageActor
// (lib/auth/page-guard.ts). lib/cooperatives checks role and ownership again on every read and write.
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

/** Acting for a cooperative: the member list. */
export const isCooperativeActor = (actor: Actor): boolean => actor.membership?.organizationType === "cooperative";

/** A cooperative member who manages the member list: the CSV import. */
export const canManageMembers = (actor: Actor): boolean => isCooperativeActor(actor) && can(actor.membership, "cooperative:members:manage");
