// The follow-up list for a region's field staff (ADR 0023): who to visit, and why.
//   nib          an UMKM whose profile (NIB and identity) a platform admin has not verified;
//   halal        a micro or small UMKM making food or drink (a KBLI code of division 10 "Industri Makanan" or
//                11 "Industri Minuman", on its profile or an active product) without a valid halal certificate:
//                mandatory for micro and small firms since 17 October 2026 (medium firms had an earlier deadline
//                and are not followed up here);
//   certificate  a certificate (not returned) that ended or ends within 60 days (its last day ≤ today + 60) and
//                that no other certificate of the same type and firm outlasts (a renewed one is not listed).
// As a table on /daerah (first rows and counts) and as a CSV for Excel (";" separator, UTF-8 with BOM, headers in
// the reader's language).
import "server-only";
import { appBaseUrl } from "@/lib/app-url";
import { localizedExcelCsv } from "@/lib/csv/excel";
import { db, Prisma } from "@/lib/db";
import { enumLabelKey } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/config";
import { translate } from "@/lib/i18n/translate";
import { supplierRoutes } from "@/lib/suppliers/routes";
import type { RegionRef } from "./access";
import { inRegion, validCertificate } from "./figures";
import type { FollowUpKind } from "./schemas";

/** Certificates ending within this many days are listed. */
const EXPIRY_WINDOW_DAYS = 60;
/** KBLI 2020 divisions of food and beverage manufacturing (halal certification is mandatory for their products). */
const FOOD_AND_BEVERAGE_DIVISIONS = ["10", "11"] as const;

export interface FollowUpRow {
  kind: FollowUpKind;
  organizationId: string;
  name: string;
  regencyName: string;
  sizeClass: string | null;
  profileStatus: string;
  hasNib: boolean;
  certificateType: string | null;
  certificateNumber: string | null;
  validUntil: string | null;
  /** Days from today to the certificate's last day (negative: ended). */
  daysLeft: number | null;
}

const base = (region: RegionRef) => Prisma.sql`FROM "Organization" o JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
  JOIN "Regency" r ON r.code = sp."regencyCode" WHERE o.type = 'umkm' AND ${inRegion(region)}`;

function conditions(kind: FollowUpKind, today: string): Prisma.Sql {
  if (kind === "nib") return Prisma.sql`sp."verificationStatus" <> 'verified'`;
  if (kind === "halal") {
    const divisions = [...FOOD_AND_BEVERAGE_DIVISIONS];
    return Prisma.sql`sp."sizeClass" IN ('mikro', 'kecil')
      AND (EXISTS (SELECT 1 FROM "SupplierKbli" sk WHERE sk."supplierId" = o.id AND left(sk."kbliCode", 2) = ANY (${divisions}::text[]))
        OR EXISTS (SELECT 1 FROM "Product" p WHERE p."supplierId" = o.id AND p."archivedAt" IS NULL AND left(p."kbliCode", 2) = ANY (${divisions}::text[])))
      AND NOT EXISTS (SELECT 1 FROM "Certification" c WHERE c."organizationId" = o.id AND c.type = 'halal' AND ${validCertificate("c", today)})`;
  }
  return Prisma.sql`true`;
}

function query(region: RegionRef, kind: FollowUpKind, today: string, limit: number | null): Prisma.Sql {
  const take = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`;
  if (kind !== "certificate") {
    return Prisma.sql`SELECT ${kind} AS kind, o.id AS "organizationId", o.name, r.name AS "regencyName", sp."sizeClass"::text AS "sizeClass",
        sp."verificationStatus"::text AS "profileStatus", sp.nib IS NOT NULL AS "hasNib", NULL::text AS "certificateType",
        NULL::text AS "certificateNumber", NULL::text AS "validUntil", NULL::int AS "daysLeft"
      ${base(region)} AND ${conditions(kind, today)} ORDER BY r.name, o.name, o.id ${take}`;
  }
  return certificateQuery(region, today, take);
}

function certificateQuery(region: RegionRef, today: string, take: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT 'certificate' AS kind, o.id AS "organizationId", o.name, r.name AS "regencyName", sp."sizeClass"::text AS "sizeClass",
      sp."verificationStatus"::text AS "profileStatus", sp.nib IS NOT NULL AS "hasNib", c.type::text AS "certificateType",
      c.number AS "certificateNumber", to_char(c."validUntil", 'YYYY-MM-DD') AS "validUntil", (c."validUntil" - ${today}::date)::int AS "daysLeft"
    FROM "Organization" o JOIN "SupplierProfile" sp ON sp."organizationId" = o.id
    JOIN "Regency" r ON r.code = sp."regencyCode"
    JOIN "Certification" c ON c."organizationId" = o.id
   WHERE o.type = 'umkm' AND ${inRegion(region)}
     AND c."verificationStatus" <> 'returned' AND c."validUntil" IS NOT NULL
     AND c."validUntil" <= ${today}::date + ${EXPIRY_WINDOW_DAYS}::int
     AND NOT EXISTS (SELECT 1 FROM "Certification" n WHERE n."organizationId" = o.id AND n.type = c.type AND n.id <> c.id
           AND n."verificationStatus" <> 'returned' AND coalesce(n."validUntil", DATE '9999-12-31') > ${today}::date + ${EXPIRY_WINDOW_DAYS}::int)
   ORDER BY c."validUntil", r.name, o.name, c.id ${take}`;
}

const KINDS: readonly FollowUpKind[] = ["nib", "halal", "certificate"];

/** How many rows of each kind the region's list holds. */
export async function followUpCounts(region: RegionRef, today: string): Promise<Record<FollowUpKind, number>> {
  const counts = await Promise.all(
    KINDS.map((k) => db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM (${query(region, k, today, null)}) x`)),
  );
  return { nib: counts[0][0]?.n ?? 0, halal: counts[1][0]?.n ?? 0, certificate: counts[2][0]?.n ?? 0 };
}

/** The list (one kind, or all three in the order nib, halal, certificate); `limit` per kind (null: all). */
export async function followUpRows(
  region: RegionRef,
  today: string,
  { kind, limit = null }: { kind?: FollowUpKind; limit?: number | null } = {},
): Promise<FollowUpRow[]> {
  const kinds = kind ? [kind] : KINDS;
  const parts = await Promise.all(kinds.map((k) => db.$queryRaw<FollowUpRow[]>(query(region, k, today, limit))));
  return parts.flat();
}

const CSV_COLUMNS = [
  "kind",
  "name",
  "regency",
  "sizeClass",
  "profileStatus",
  "nib",
  "certificateType",
  "certificateNumber",
  "validUntil",
  "daysLeft",
  "profileUrl",
] as const;

/** The list as a CSV for Excel (lib/csv/excel.ts: ";" separated, UTF-8 with a byte-order mark), headers and labels in `locale`. */
export function followUpCsv(rows: FollowUpRow[], locale: Locale): string {
  const t = (key: string) => translate(locale, key);
  const label = (key: string | null) => (key ? t(key) : "");
  const origin = appBaseUrl();
  return localizedExcelCsv(
    locale,
    CSV_COLUMNS.map((c) => `regions.followUp.csv.${c}`),
    rows.map((r) => [
      t(`regions.followUp.kinds.${r.kind}`),
      r.name,
      r.regencyName,
      r.sizeClass ? label(enumLabelKey("SizeClass", r.sizeClass as never)) : "",
      label(enumLabelKey("VerificationStatus", r.profileStatus as never)),
      r.hasNib ? t("regions.followUp.yes") : t("regions.followUp.no"),
      r.certificateType ? label(enumLabelKey("CertificationType", r.certificateType as never)) : "",
      r.certificateNumber ?? "",
      r.validUntil ?? "",
      r.daysLeft ?? "",
      origin + supplierRoutes.profile(r.organizationId),
    ]),
  );
}
