// The public figures of one estate (/kawasan/[id], GET /api/v1/sites/{id}; issue 12): its verified UMKM (the
// public directory's cards, through lib/suppliers/search.ts's siteId filter), its verified buyers, and how many
// partnerships run between them — agreements whose buyer AND lead supplier (an UMKM) are both on this site,
// both verified, in the counted statuses (active, completed) and not excluded (excludedAt IS NULL, a confirmed
// fake partnership leaves the statistics). The count follows the disclosure rule (lib/stats/disclosure.ts):
// the public sees it only when at least DISCLOSURE_THRESHOLD distinct UMKM are involved; ministry and
// platform staff see the exact figure. No single partnership's value is ever published: the value is a
// total, under the same rule.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import { audienceOf, DISCLOSURE_THRESHOLD, publishFigure } from "@/lib/stats/disclosure";
import { searchSuppliers } from "@/lib/suppliers/search";
import { supplierSearchQuery } from "@/lib/suppliers/search-query";
import { getSite } from "./service";

/** How many UMKM cards the estate page shows (the directory link lists them all). */
const ESTATE_UMKM_LIMIT = 24;

interface EstatePartnerships {
  /** null when suppressed for this audience. */
  agreements: number | null;
  valueIdr: bigint | null;
  /** Distinct UMKM involved; null when suppressed. */
  umkm: number | null;
  suppressed: boolean;
}

/** Agreements between buyers and UMKM of one site (verified, counted, not excluded). Exact figures. */
async function estatePartnershipFigures(siteId: string) {
  const [r] = await db.$queryRaw<{ agreements: number; value: bigint; umkm: number }[]>`
    SELECT count(*)::int AS agreements, coalesce(sum(a."valueIdr"), 0)::bigint AS value, count(DISTINCT a."supplierId")::int AS umkm
      FROM "Agreement" a
      JOIN "Organization" b ON b.id = a."buyerId"
      JOIN "Organization" s ON s.id = a."supplierId"
     WHERE a.status IN ('active', 'completed') AND a."excludedAt" IS NULL
       AND b."siteId" = ${siteId} AND s."siteId" = ${siteId}
       AND b.type = 'buyer' AND s.type = 'umkm'
       AND b."verificationStatus" = 'verified' AND s."verificationStatus" = 'verified'`;
  return { agreements: r?.agreements ?? 0, valueIdr: BigInt(r?.value ?? 0), umkm: r?.umkm ?? 0 };
}

function discloseEstatePartnerships(actor: Actor | null, f: { agreements: number; valueIdr: bigint; umkm: number }): EstatePartnerships {
  const audience = audienceOf(actor);
  const agreements = publishFigure(audience, f.agreements, f.umkm);
  const suppressed = agreements === null;
  return {
    agreements,
    valueIdr: suppressed ? null : f.valueIdr,
    umkm: suppressed ? null : f.umkm,
    suppressed,
  };
}

/** The estate page: the site, its verified UMKM and buyers, and the partnerships between them. */
export async function getEstate(actor: Actor | null, id: string) {
  const site = await getSite(id);
  const [umkm, umkmCount, buyers, figures] = await Promise.all([
    searchSuppliers(supplierSearchQuery.parse({ siteId: id, verified: "true", sort: "name", limit: ESTATE_UMKM_LIMIT })),
    db.organization.count({ where: { siteId: id, type: "umkm", verificationStatus: "verified", suspendedAt: null } }),
    db.organization.findMany({
      where: { siteId: id, type: "buyer", verificationStatus: "verified", suspendedAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, isStateOwned: true, industry: true },
    }),
    estatePartnershipFigures(id),
  ]);
  return {
    site,
    umkm: { count: umkmCount, shown: umkm.data },
    buyers,
    partnerships: discloseEstatePartnerships(actor, figures),
    threshold: DISCLOSURE_THRESHOLD,
  };
}
