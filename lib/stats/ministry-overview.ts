// The ministry dashboard's overview: partnerships by scheme and by the UMKM's province, and UMKM that moved
// up a size class — from the same rollups and definitions as /statistik (lib/stats/partnerships.ts;
// docs/decisions/0012-partnership-statistics.md). Aggregates only (named organizations are for the
// statistics drill-down).
import "server-only";
import { onOneReadServer } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import type { PartnershipScheme } from "@/lib/db/generated/enums";
import { countMovedUp } from "./overview";
import { getPartnershipStats } from "./partnerships";

export async function getMinistryOverview(actor: Actor | null) {
  return onOneReadServer(async () => {
    authorize(actor, { orgTypes: ["ministry"] });
    const [byScheme, byProvince, movedUpCount] = await Promise.all([
      getPartnershipStats("scheme", {}, "id"),
      getPartnershipStats("province", {}, "id"),
      countMovedUp({}),
    ]);
    return {
      byScheme: byScheme.rows
        .filter((r) => r.agreements > 0)
        .map((r) => ({ scheme: r.key as PartnershipScheme, count: r.agreements, valueIdr: r.valueIdr }))
        .sort((a, b) => a.scheme.localeCompare(b.scheme)),
      byProvince: byProvince.rows
        .filter((r) => r.agreements > 0 && r.key !== "-")
        .sort((a, b) => b.agreements - a.agreements || a.key.localeCompare(b.key))
        .slice(0, 10)
        .map((r) => ({ code: r.key, name: r.label, agreements: r.agreements, suppliers: r.suppliers, valueIdr: r.valueIdr })),
      movedUpCount,
    };
  });
}
