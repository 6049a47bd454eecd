// Who may see and change a partnership agreement (ADR 0009).
// - Parties (AgreementParty rows: buyer, supplier, consortium members) read it and, with agreement:write,
//   change it; accepting, completing and terminating need agreement:accept (owners and admins).
// - Ministry staff read any agreement (agreement:read), never write.
// - Everyone else: the agreement does not exist (404). Membership is part of every `where`.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { authorize, ACTORS, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
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
