// The partnerships an organization is a party to (both sides see the same agreement).
import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { PARTY_TYPES, partyWhere } from "./access";

export async function listOwnAgreements(actor: Actor | null, { limit = 10 }: { limit?: number } = {}) {
  const a = authorize(actor, { permission: "agreement:read", orgTypes: PARTY_TYPES });
  return db.agreement.findMany({
    where: partyWhere(a.membership.organizationId),
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: {
      id: true,
      number: true,
      title: true,
      scheme: true,
      status: true,
      valueIdr: true,
      startDate: true,
      endDate: true,
      buyer: { select: { name: true } },
      supplier: { select: { name: true } },
    },
  });
}
