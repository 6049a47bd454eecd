// Who may see and change a partnership agreement (docs/decisions/0011-agreement-life-cycle.md).
// - Parties (AgreementParty rows: buyer, supplier, consortium members) read it and, with agreement:write,
//   change it; accepting, completing and terminating need agreement:accept (owners and admins).
// - Ministry staff read any agreement (agreement:read), never write.
// - Everyone else: the agreement does not exist (404). Membership is part of every `where`.
// agreementPageAccess is the pure rule the /kemitraan pages show or hide things by (with lib/auth/page-guard.ts).
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { authorize, ACTORS, type AuthorizedActor } from "@/lib/auth/authorize";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

export const PARTY_TYPES = ACTORS.party;
export const READER_TYPES = [...ACTORS.party, "ministry"] as const;

export const partyWhere = (organizationId: string): Prisma.AgreementWhereInput => ({ parties: { some: { organizationId } } });

/** A reader: a party (sees its own agreements) or ministry staff (sees all, read-only). */
export function authorizeReader(actor: Actor | null): { actor: AuthorizedActor; where: Prisma.AgreementWhereInput; ministry: boolean } {
  const a = authorize(actor, { orgTypes: READER_TYPES, permission: "agreement:read" });
  const ministry = a.membership.organizationType === "ministry";
  return { actor: a, where: ministry ? {} : partyWhere(a.membership.organizationId), ministry };
}

/** A party acting on its agreements with `permission`. */
export function authorizeParty(actor: Actor | null, permission: Permission = "agreement:write"): AuthorizedActor {
  return authorize(actor, { orgTypes: PARTY_TYPES, permission });
}

/**
 * What the /kemitraan pages offer the actor: `allowed` to open them at all (a party type or ministry staff with
 * agreement:read; others see a notice or the 404 page), read-only for ministry staff, `canWrite` to propose
 * and record, `canAccept` to accept, complete and terminate. lib/agreements checks again on every read and write.
 */
export function agreementPageAccess(actor: Actor) {
  const type = actor.membership?.organizationType;
  const allowed = Boolean(type && (READER_TYPES as readonly string[]).includes(type) && can(actor.membership, "agreement:read"));
  const ministry = type === "ministry";
  return {
    allowed,
    ministry,
    canWrite: allowed && !ministry && can(actor.membership, "agreement:write"),
    canAccept: allowed && !ministry && can(actor.membership, "agreement:accept"),
  };
}

/** For requirePageActor: the pages of one agreement do not exist for anyone else. */
export const mayOpenAgreements = (actor: Actor) => agreementPageAccess(actor).allowed;
