// Produk unggulan daerah (ADR 0023): a verified regional government tags product kinds of its region — a KBLI 2020
// code of 2 to 5 digits plus optional words — and the UMKM of its region that match get a badge in the directory
// and on their public page, and a directory filter (`unggulan=1` on /pemasok, `flagship=true` in the API).
//
// THE matching rule (one SQL condition, `flagshipMatch`, used by the badge, the filter and the counts): an UMKM
// matches a flagship product when
//   1. the tagging government is a verified, not suspended regional government, and the UMKM's regency (its
//      profile's, as the directory shows it) is the government's regency or lies in its province;
//   2. one of the UMKM's KBLI codes (its profile's or an active product's: "SupplierSearch"."kbliPrefixes", which
//      holds every prefix of them) starts with the flagship's code;
//   3. the flagship has no words, or one of its words occurs (case-insensitive, as a substring) in the name or
//      description of one of the UMKM's active products, or in its profile's description.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { authorize, requireVerified } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { fieldErrors } from "@/lib/auth/schemas";
import { flagshipDeleteSchema, flagshipInputSchema, flagshipUpdateSchema, MAX_FLAGSHIPS, type FlagshipInput } from "./schemas";

/**
 * The matching condition between a "FlagshipProduct" `f`, its government "Organization" `g` and a
 * "SupplierSearch" row `s` (aliases as given). See the file's header.
 */
function flagshipMatch(f = "f", g = "g", s = "s"): Prisma.Sql {
  const F = (c: string) => Prisma.raw(`${f}."${c}"`);
  const G = (c: string) => Prisma.raw(`${g}."${c}"`);
  const S = (c: string) => Prisma.raw(`${s}."${c}"`);
  return Prisma.sql`(${G("type")} = 'regional_government' AND ${G("verificationStatus")} = 'verified' AND ${G("suspendedAt")} IS NULL
    AND (${S("regencyCode")} = ${G("regionRegencyCode")} OR ${S("provinceCode")} = ${G("regionProvinceCode")})
    AND ${S("kbliPrefixes")} @> ARRAY[${F("kbliCode")}]
    AND (cardinality(${F("keywords")}) = 0 OR EXISTS (
      SELECT 1 FROM unnest(${F("keywords")}) w
       WHERE EXISTS (SELECT 1 FROM "SupplierProfile" fsp WHERE fsp."organizationId" = ${S("organizationId")}
                        AND strpos(lower(coalesce(fsp.description, '')), w) > 0)
          OR EXISTS (SELECT 1 FROM "Product" fp WHERE fp."supplierId" = ${S("organizationId")} AND fp."archivedAt" IS NULL
                        AND strpos(lower(fp.name || ' ' || coalesce(fp.description, '')), w) > 0))))`;
}

/** The directory's filter: the "SupplierSearch" row `s` matches at least one flagship product. */
export function matchesAnyFlagship(s = "s"): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "FlagshipProduct" f JOIN "Organization" g ON g.id = f."governmentId" WHERE ${flagshipMatch("f", "g", s)})`;
}

export interface FlagshipBadge {
  flagshipId: string;
  name: string;
  /** The tagging government's region (a regency's or a province's name). */
  regionName: string;
}

/** The badges of the given UMKM (an empty list for those matching nothing). */
export async function flagshipBadges(organizationIds: readonly string[]): Promise<Map<string, FlagshipBadge[]>> {
  const out = new Map<string, FlagshipBadge[]>();
  if (organizationIds.length === 0) return out;
  const rows = await db.$queryRaw<{ id: string; flagshipId: string; name: string; regionName: string }[]>(Prisma.sql`
    SELECT s."organizationId" AS id, f.id AS "flagshipId", f.name, coalesce(rg.name, pv.name, '') AS "regionName"
      FROM "SupplierSearch" s
      JOIN "FlagshipProduct" f ON s."kbliPrefixes" @> ARRAY[f."kbliCode"]
      JOIN "Organization" g ON g.id = f."governmentId"
      LEFT JOIN "Regency" rg ON rg.code = g."regionRegencyCode"
      LEFT JOIN "Province" pv ON pv.code = g."regionProvinceCode"
     WHERE s."organizationId" = ANY (${[...organizationIds]}::text[]) AND ${flagshipMatch("f", "g", "s")}
     ORDER BY f.name, f.id`);
  for (const r of rows) {
    const list = out.get(r.id) ?? [];
    list.push({ flagshipId: r.flagshipId, name: r.name, regionName: r.regionName });
    out.set(r.id, list);
  }
  return out;
}

export interface FlagshipProductView {
  id: string;
  name: string;
  kbliCode: string;
  kbliTitle: string;
  keywords: string[];
  /** UMKM of the region that match it today. */
  matchingUmkm: number;
}

function asGovernment(actor: Actor | null, write: boolean) {
  return authorize(actor, { orgTypes: ["regional_government"], permission: "region:flagship", write });
}

/** The government's own flagship products with how many UMKM of its region match each. */
export async function listFlagships(actor: Actor | null): Promise<FlagshipProductView[]> {
  const a = asGovernment(actor, false);
  const rows = await db.$queryRaw<
    { id: string; name: string; kbliCode: string; kbliTitle: string; keywords: string[]; n: number }[]
  >(Prisma.sql`
    SELECT f.id, f.name, f."kbliCode", k."titleId" AS "kbliTitle", f.keywords,
           (SELECT count(*)::int FROM "SupplierSearch" s WHERE s."kbliPrefixes" @> ARRAY[f."kbliCode"] AND ${flagshipMatch("f", "g", "s")}) AS n
      FROM "FlagshipProduct" f
      JOIN "Organization" g ON g.id = f."governmentId"
      JOIN "KbliCode" k ON k.version = f."kbliVersion" AND k.code = f."kbliCode"
     WHERE f."governmentId" = ${a.membership.organizationId}
     ORDER BY f.name, f.id`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kbliCode: r.kbliCode,
    kbliTitle: r.kbliTitle,
    keywords: r.keywords,
    matchingUmkm: r.n,
  }));
}

async function checkKbli(code: string) {
  const k = await db.kbliCode.findUnique({ where: { version_code: { version: "2020", code } }, select: { level: true } });
  if (!k || k.level < 2) throw invalidInput({ kbliCode: ["regions.flagship.errors.kbliUnknown"] });
}

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import("zod").ZodError } },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  return parsed.data;
}

/** A verified regional government tags a flagship product (at most MAX_FLAGSHIPS). */
export async function createFlagship(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const a = requireVerified(asGovernment(actor, true));
  const data: FlagshipInput = parse(flagshipInputSchema, input);
  await checkKbli(data.kbliCode);
  const governmentId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const count = await tx.flagshipProduct.count({ where: { governmentId } });
    if (count >= MAX_FLAGSHIPS) throw conflict("regions.flagship.errors.tooMany");
    const f = await tx.flagshipProduct.create({
      data: { governmentId, name: data.name, kbliCode: data.kbliCode, keywords: data.keywords },
      select: { id: true },
    });
    await audit(tx, {
      organizationId: governmentId,
      actorId: a.user.id,
      action: "region.flagship.created",
      entityType: "FlagshipProduct",
      entityId: f.id,
      data: { name: data.name, kbliCode: data.kbliCode, keywords: data.keywords },
    });
    return f;
  });
}

/** Changes one of the government's own flagship products (another's: 404). */
export async function updateFlagship(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const a = requireVerified(asGovernment(actor, true));
  const data = parse(flagshipUpdateSchema, input);
  await checkKbli(data.kbliCode);
  const governmentId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const res = await tx.flagshipProduct.updateMany({
      where: { id: data.id, governmentId },
      data: { name: data.name, kbliCode: data.kbliCode, keywords: data.keywords },
    });
    if (res.count === 0) throw notFound();
    await audit(tx, {
      organizationId: governmentId,
      actorId: a.user.id,
      action: "region.flagship.updated",
      entityType: "FlagshipProduct",
      entityId: data.id,
      data: { name: data.name, kbliCode: data.kbliCode, keywords: data.keywords },
    });
    return { id: data.id };
  });
}

/** Removes one of the government's own flagship products (another's: 404). */
export async function deleteFlagship(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const a = requireVerified(asGovernment(actor, true));
  const { id } = parse(flagshipDeleteSchema, input);
  const governmentId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const res = await tx.flagshipProduct.deleteMany({ where: { id, governmentId } });
    if (res.count === 0) throw notFound();
    await audit(tx, {
      organizationId: governmentId,
      actorId: a.user.id,
      action: "region.flagship.deleted",
      entityType: "FlagshipProduct",
      entityId: id,
    });
    return { id };
  });
}
