// The public page of a buyer (/pembeli/[id]): name, BUMN or private, industry, province and — when the firm
// published it — its Indeks Kemitraan grade for this year. Not found for anything but a verified, not
// suspended buyer.
import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { currentYear } from "./periods";
import { getPartnershipIndex, type PartnershipIndex } from "./queries";

export interface PublicBuyerPage {
  id: string;
  name: string;
  isStateOwned: boolean;
  industry: string | null;
  industryKbli: string | null;
  regencyName: string | null;
  provinceName: string | null;
  year: number;
  /** Null when not published; `withheld` when published with fewer than 3 UMKM partners. */
  index: (Pick<PartnershipIndex, "grade" | "score" | "components" | "counts"> & { withheld: boolean }) | null;
}

export async function getPublicBuyerPage(id: string): Promise<PublicBuyerPage> {
  const o = await db.organization.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      type: true,
      isStateOwned: true,
      industry: true,
      industryKbli: true,
      verificationStatus: true,
      suspendedAt: true,
      indexPublishedAt: true,
      regency: { select: { name: true, province: { select: { name: true } } } },
    },
  });
  if (!o || o.type !== "buyer" || o.verificationStatus !== "verified" || o.suspendedAt) throw notFound();
  const year = currentYear();
  let index: PublicBuyerPage["index"] = null;
  if (o.indexPublishedAt) {
    const ix = (await getPartnershipIndex(o.id, { kind: "year", year }))!;
    index = { grade: ix.grade, score: ix.score, components: ix.components, counts: ix.counts, withheld: !ix.enoughData };
  }
  return {
    id: o.id,
    name: o.name,
    isStateOwned: o.isStateOwned,
    industry: o.industry,
    industryKbli: o.industryKbli,
    regencyName: o.regency?.name ?? null,
    provinceName: o.regency?.province.name ?? null,
    year,
    index,
  };
}
