// One supplier as the directory lists it (a "hit"): the row read from the trigger-maintained "SupplierSearch"
// document and how it becomes the public shape. Shared by the search (./search.ts) and a supplier's public
// page (./directory-profile.ts), so the list and the page always agree.
import "server-only";
import { CERTIFICATION_TYPES, type CertificationType } from "@/lib/enums";
import type { DirectorySizeClass } from "./search-query";

export interface SupplierHit {
  id: string;
  name: string;
  sizeClass: DirectorySizeClass | null;
  province: { code: string; name: string } | null;
  regency: { code: string; name: string } | null;
  /** KBLI 2020 codes of the supplier and its active products. */
  kbli: string[];
  /** Certificates held and valid today: the latest end date per type (null: no end date). */
  certifications: { type: CertificationType; validUntil: string | null }[];
  verified: boolean;
  productCount: number;
  /** With a text query: the supplier's product that matches it best. */
  matchedProduct: { id: string; name: string } | null;
  /** Flagship products of its region it matches (lib/regions/flagship.ts; filled by the search and the profile). */
  flagships?: { flagshipId: string; name: string; regionName: string }[];
}

/** Today's date in Indonesia's western time zone (YYYY-MM-DD): certificates are valid through their last day. */
export function jakartaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const NO_END = "9999-12-31";

export const UNTIL_COLUMN: Record<CertificationType, string> = {
  halal: "halalUntil",
  sni: "sniUntil",
  iso9001: "iso9001Until",
  tkdn: "tkdnUntil",
  other: "otherUntil",
};

export interface HitRow {
  id: string;
  name: string;
  nameSort: string;
  createdAt: Date;
  score: bigint | number | null;
  provinceCode: string | null;
  provinceName: string | null;
  regencyCode: string | null;
  regencyName: string | null;
  sizeClass: string | null;
  verified: boolean;
  kbliCodes: string[] | null;
  halalUntil: string | null;
  sniUntil: string | null;
  iso9001Until: string | null;
  tkdnUntil: string | null;
  otherUntil: string | null;
  productCount: number;
  matchedProductId: string | null;
  matchedProductName: string | null;
}

export function toHit(r: HitRow, today: string): SupplierHit {
  const certifications = CERTIFICATION_TYPES.flatMap((type) => {
    const until = r[UNTIL_COLUMN[type] as keyof HitRow] as string | null;
    return until && until >= today ? [{ type, validUntil: until === NO_END ? null : until }] : [];
  });
  return {
    id: r.id,
    name: r.name,
    sizeClass: r.sizeClass === "mikro" || r.sizeClass === "kecil" || r.sizeClass === "menengah" ? r.sizeClass : null,
    province: r.provinceCode ? { code: r.provinceCode, name: r.provinceName ?? r.provinceCode } : null,
    regency: r.regencyCode ? { code: r.regencyCode, name: r.regencyName ?? r.regencyCode } : null,
    kbli: r.kbliCodes ?? [],
    certifications,
    verified: r.verified,
    productCount: Number(r.productCount),
    matchedProduct: r.matchedProductId && r.matchedProductName ? { id: r.matchedProductId, name: r.matchedProductName } : null,
  };
}
