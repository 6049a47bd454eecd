// A supplier's public page in the directory (/pemasok/[id]): its card (the same query as the search, so the
// page and the list always agree), description, KBLI titles and certificates valid today. Public: no actor.
import "server-only";
import { Prisma, readReplica } from "@/lib/db";
import type { CertificationType } from "@/lib/enums";
import { flagshipBadges } from "@/lib/regions/flagship";
import { jakartaToday, toHit, type HitRow, type SupplierHit } from "./search-hits";

interface DirectoryProfile {
  hit: SupplierHit;
  description: string | null;
  employees: number | null;
  foundedYear: number | null;
  kbli: { code: string; titleId: string; titleEn: string | null }[];
  certificates: {
    id: string;
    type: CertificationType;
    name: string | null;
    issuer: string | null;
    validUntil: string | null;
    tkdnPercent: string | null;
    verified: boolean;
  }[];
}

/** What the directory shows about one supplier (null when it is not in the directory). */
export async function getDirectoryProfile(id: string, opts: { today?: string } = {}): Promise<DirectoryProfile | null> {
  const today = opts.today ?? jakartaToday();
  const doc = await readReplica().supplierSearch.findUnique({
    where: { organizationId: id },
    select: { organizationId: true, name: true, nameSort: true, createdAt: true },
  });
  if (!doc) return null;
  // The card fields come from the same query the search runs, so the page and the list always agree.
  const [hitPage, profile, certificates] = await Promise.all([
    searchSuppliersByIds([id], today),
    readReplica().supplierProfile.findUnique({
      where: { organizationId: id },
      select: { description: true, employees: true, foundedYear: true },
    }),
    readReplica().certification.findMany({
      where: {
        organizationId: id,
        verificationStatus: { not: "returned" },
        OR: [{ validUntil: null }, { validUntil: { gte: new Date(`${today}T00:00:00Z`) } }],
      },
      select: { id: true, type: true, name: true, issuer: true, validUntil: true, tkdnPercent: true, verificationStatus: true },
      orderBy: [{ type: "asc" }, { validUntil: "desc" }],
    }),
  ]);
  const hit = hitPage[0];
  if (!hit) return null;
  const kbli = await readReplica().kbliCode.findMany({
    where: { version: "2020", code: { in: hit.kbli } },
    select: { code: true, titleId: true, titleEn: true },
    orderBy: { code: "asc" },
  });
  return {
    hit,
    description: profile?.description ?? null,
    employees: profile?.employees ?? null,
    foundedYear: profile?.foundedYear ?? null,
    kbli,
    certificates: certificates.map((c) => ({
      id: c.id,
      type: c.type,
      name: c.name,
      issuer: c.issuer,
      validUntil: c.validUntil ? c.validUntil.toISOString().slice(0, 10) : null,
      tkdnPercent: c.tkdnPercent ? c.tkdnPercent.toString() : null,
      verified: c.verificationStatus === "verified",
    })),
  };
}

async function searchSuppliersByIds(ids: string[], today: string): Promise<SupplierHit[]> {
  const date = (col: string) => Prisma.raw(`to_char(s."${col}", 'YYYY-MM-DD') AS "${col}"`);
  const rows = await readReplica().$queryRaw<HitRow[]>(Prisma.sql`
    SELECT s."organizationId" AS id, s.name, s."nameSort", s."createdAt", NULL::int AS score,
           s."provinceCode", pv.name AS "provinceName", s."regencyCode", r.name AS "regencyName",
           s."sizeClass"::text AS "sizeClass", s.verified, s."kbliCodes",
           ${date("halalUntil")}, ${date("sniUntil")}, ${date("iso9001Until")}, ${date("tkdnUntil")}, ${date("otherUntil")},
           s."productCount", NULL::text AS "matchedProductId", NULL::text AS "matchedProductName"
      FROM "SupplierSearch" s
      LEFT JOIN "Regency" r ON r.code = s."regencyCode"
      LEFT JOIN "Province" pv ON pv.code = s."provinceCode"
     WHERE s."organizationId" = ANY (${ids}::text[])`);
  const badges = await flagshipBadges(ids);
  return rows.map((r) => ({ ...toHit(r, today), flagships: badges.get(r.id) ?? [] }));
}
