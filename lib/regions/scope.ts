// Resolving which region a viewer asks for and whether they may see it (rules: ./access.ts, ADR 0023).
//   const view = await regionAccess(actor, "32.04");   // 401 / 403 / 404 as a DomainError
//   view.region.name, view.pending (an unverified government: an empty dashboard)
import "server-only";
import { db } from "@/lib/db";
import { forbidden, notFound, unauthorized } from "@/lib/errors";
import type { Actor } from "@/lib/auth/types";
import { regionViewerOf, scopeContains, type GovernmentScope, type RegionRef, type RegionViewer } from "./access";
import { regionCodeSchema } from "./schemas";

export interface RegionView {
  viewer: RegionViewer;
  /** The region asked for; null when ministry staff or an admin named none (the page offers a choice). */
  region: RegionRef | null;
  /** A regional government a platform admin has not verified yet: it sees no figures. */
  pending: boolean;
  /** The viewer's own government organization and scope (viewer "government" only). */
  government: { id: string; scope: GovernmentScope; region: RegionRef | null } | null;
}

/** A province or regency by code; null when the code is malformed or not in the reference tables. */
export async function findRegion(code: string): Promise<RegionRef | null> {
  const parsed = regionCodeSchema.safeParse(code);
  if (!parsed.success) return null;
  const c = parsed.data;
  if (c.includes(".")) {
    const r = await db.regency.findUnique({
      where: { code: c },
      select: { code: true, name: true, province: { select: { code: true, name: true } } },
    });
    return r ? { kind: "regency", code: r.code, name: r.name, provinceCode: r.province.code, provinceName: r.province.name } : null;
  }
  const p = await db.province.findUnique({ where: { code: c }, select: { code: true, name: true } });
  return p ? { kind: "province", code: p.code, name: p.name, provinceCode: p.code, provinceName: p.name } : null;
}

/** The region a government's scope names. */
async function scopeRegion(scope: GovernmentScope): Promise<RegionRef | null> {
  const code = scope.regencyCode ?? scope.provinceCode;
  return code ? findRegion(code) : null;
}

/** A government organization's scope (null codes for any other organization). */
async function governmentScope(organizationId: string): Promise<GovernmentScope> {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: { regionProvinceCode: true, regionRegencyCode: true },
  });
  return { provinceCode: org?.regionProvinceCode ?? null, regencyCode: org?.regionRegencyCode ?? null };
}

/**
 * Who may see `code` (or, for a government that names none, its own region):
 *   anonymous 401; other organization types 403; an unknown or malformed code 404; a government asking for a
 *   region outside its scope 404 (another region's dashboard "does not exist" for it).
 */
export async function regionAccess(actor: Actor | null, code?: string | null): Promise<RegionView> {
  if (!actor) throw unauthorized();
  if (!actor.membership) throw forbidden("errors.noOrganization");
  const viewer = regionViewerOf(actor.membership);
  if (!viewer) throw forbidden();

  if (viewer === "government") {
    const scope = await governmentScope(actor.membership.organizationId);
    const own = await scopeRegion(scope);
    const pending = actor.membership.verificationStatus !== "verified";
    let region = own;
    if (code) {
      const asked = await findRegion(code);
      if (!asked || !scopeContains(scope, asked)) throw notFound();
      region = asked;
    }
    return { viewer, region, pending, government: { id: actor.membership.organizationId, scope, region: own } };
  }

  if (!code) return { viewer, region: null, pending: false, government: null };
  const region = await findRegion(code);
  if (!region) throw notFound();
  return { viewer, region, pending: false, government: null };
}

/** The regencies of a region (a regency: itself), in name order. */
export async function regionRegencies(region: RegionRef): Promise<{ code: string; name: string }[]> {
  if (region.kind === "regency") return [{ code: region.code, name: region.name }];
  return db.regency.findMany({ where: { provinceCode: region.code }, select: { code: true, name: true }, orderBy: { name: "asc" } });
}
