// The reference list of industrial estates, UMKM centres and sentra (issue 12): read by everyone (/kawasan,
// GET /api/v1/sites, the profile selects, the directory filter), maintained by platform admins (/admin/kawasan,
// POST/PATCH/DELETE /api/v1/sites). Every write validates first (./schemas.ts, then the regency exists and the
// name is free in that regency), then writes the row and its audit entry in one transaction.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/types";
import { invalidInput, notFound } from "@/lib/errors";
import { requireSiteAdmin } from "./access";
import type { SiteCreateInput, SiteListQuery, SiteUpdateInput } from "./schemas";

const SITE_SELECT = {
  id: true,
  name: true,
  kind: true,
  lat: true,
  lon: true,
  operator: true,
  website: true,
  source: true,
  createdAt: true,
  updatedAt: true,
  regency: { select: { code: true, name: true, province: { select: { code: true, name: true } } } },
} satisfies Prisma.SiteSelect;

type SiteRow = Prisma.SiteGetPayload<{ select: typeof SITE_SELECT }>;

function present(row: SiteRow) {
  const { regency, ...rest } = row;
  return {
    ...rest,
    regencyCode: regency.code,
    regencyName: regency.name,
    provinceCode: regency.province.code,
    provinceName: regency.province.name,
    point: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
  };
}
type Site = ReturnType<typeof present>;

/** The whole list (a few hundred rows at most), filtered: by name or operator, kind, province. */
export async function listSites(query: SiteListQuery): Promise<Site[]> {
  const and: Prisma.SiteWhereInput[] = [];
  if (query.q) {
    and.push({
      OR: [{ name: { contains: query.q, mode: "insensitive" } }, { operator: { contains: query.q, mode: "insensitive" } }],
    });
  }
  if (query.kind) and.push({ kind: query.kind });
  if (query.province) and.push({ regency: { provinceCode: query.province } });
  const rows = await db.site.findMany({
    where: { AND: and },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: SITE_SELECT,
  });
  return rows.map(present);
}

export async function getSite(id: string): Promise<Site> {
  const row = await db.site.findUnique({ where: { id }, select: SITE_SELECT });
  if (!row) throw notFound();
  return present(row);
}

/** Every site for a profile's select, with its province for grouping (sorted by province, then name). */
export async function listSiteOptions() {
  const rows = await db.site.findMany({
    orderBy: [{ regency: { provinceCode: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, regency: { select: { name: true, province: { select: { code: true, name: true } } } } },
  });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    regencyName: s.regency.name,
    provinceCode: s.regency.province.code,
    provinceName: s.regency.province.name,
  }));
}

/** The site the actor's own organization says it is on (the profile forms' current value). */
export async function getOwnSiteId(actor: Actor | null): Promise<string | null> {
  const orgId = actor?.membership?.organizationId;
  if (!orgId) return null;
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { siteId: true } });
  return org?.siteId ?? null;
}

/** The site an organization is on, for its public page (a link to /kawasan/[id]). */
export async function getOrganizationSite(organizationId: string): Promise<{ id: string; name: string } | null> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { site: { select: { id: true, name: true } } } });
  return org?.site ?? null;
}

/**
 * For the profile services (lib/suppliers/profile-update.ts, lib/organizations/profile.ts): the field error
 * of a site id that names no site, or null when it is fine (null/undefined: clearing or leaving it is fine).
 */
export async function siteIdError(siteId: string | null | undefined): Promise<string | null> {
  if (siteId === null || siteId === undefined) return null;
  const site = await db.site.findUnique({ where: { id: siteId }, select: { id: true } });
  return site ? null : "sites.errors.siteUnknown";
}

// ---- administration -------------------------------------------------------------------------------------

/** /admin/kawasan: every site with how many organizations say they are on it. */
export async function listSitesForAdmin(actor: Actor | null) {
  requireSiteAdmin(actor);
  const [sites, counts] = await Promise.all([
    listSites({}),
    db.organization.groupBy({ by: ["siteId"], where: { siteId: { not: null } }, _count: { _all: true } }),
  ]);
  const bySite = new Map(counts.map((c) => [c.siteId, c._count._all]));
  return sites.map((s) => ({ ...s, organizations: bySite.get(s.id) ?? 0 }));
}

/** /admin/kawasan/[id]: one site to edit (platform admins; others 403, the page shows 404). */
export async function getSiteForAdmin(actor: Actor | null, id: string): Promise<Site> {
  requireSiteAdmin(actor);
  return getSite(id);
}

async function checkWrite(
  input: { name?: string; regencyCode?: string },
  current: { id: string; name: string; regencyCode: string } | null,
) {
  const fields: Record<string, string[]> = {};
  const name = input.name ?? current?.name;
  const regencyCode = input.regencyCode ?? current?.regencyCode;
  const [regency, clash] = await Promise.all([
    input.regencyCode ? db.regency.findUnique({ where: { code: input.regencyCode }, select: { code: true } }) : Promise.resolve(true),
    name && regencyCode
      ? db.site.findFirst({
          where: { name: { equals: name, mode: "insensitive" }, regencyCode, ...(current ? { NOT: { id: current.id } } : {}) },
          select: { id: true },
        })
      : Promise.resolve(null),
  ]);
  if (!regency) fields.regencyCode = ["errors.field.region"];
  else if (clash) fields.name = ["sites.errors.nameTaken"];
  if (Object.keys(fields).length > 0) throw invalidInput(fields);
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === "P2002";
}

export async function createSite(actor: Actor | null, input: SiteCreateInput): Promise<Site> {
  const admin = requireSiteAdmin(actor);
  await checkWrite(input, null);
  try {
    const row = await db.$transaction(async (tx) => {
      const site = await tx.site.create({
        data: {
          name: input.name,
          kind: input.kind,
          regencyCode: input.regencyCode,
          lat: input.lat ?? null,
          lon: input.lon ?? null,
          operator: input.operator ?? null,
          website: input.website ?? null,
          source: input.source ?? null,
          createdById: admin.user.id,
        },
        select: SITE_SELECT,
      });
      await audit(tx, {
        organizationId: admin.membership.organizationId,
        actorId: admin.user.id,
        action: "site.created",
        entityType: "Site",
        entityId: site.id,
        data: { name: site.name, kind: site.kind, regencyCode: input.regencyCode },
      });
      return site;
    });
    return present(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidInput({ name: ["sites.errors.nameTaken"] });
    throw err;
  }
}

export async function updateSite(actor: Actor | null, id: string, input: SiteUpdateInput): Promise<Site> {
  const admin = requireSiteAdmin(actor);
  const current = await db.site.findUnique({ where: { id }, select: { id: true, name: true, regencyCode: true, lat: true, lon: true } });
  if (!current) throw notFound();
  const lat = input.lat !== undefined ? input.lat : current.lat;
  const lon = input.lon !== undefined ? input.lon : current.lon;
  if ((lat === null) !== (lon === null)) throw invalidInput({ [lat === null ? "lat" : "lon"]: ["sites.errors.pointIncomplete"] });
  await checkWrite(input, current);
  const data: Prisma.SiteUncheckedUpdateInput = {};
  for (const key of ["name", "kind", "regencyCode", "lat", "lon", "operator", "website", "source"] as const) {
    if (input[key] !== undefined) (data as Record<string, unknown>)[key] = input[key];
  }
  try {
    const row = await db.$transaction(async (tx) => {
      const site = await tx.site.update({ where: { id }, data, select: SITE_SELECT });
      await audit(tx, {
        organizationId: admin.membership.organizationId,
        actorId: admin.user.id,
        action: "site.updated",
        entityType: "Site",
        entityId: id,
        data: { fields: Object.keys(data) },
      });
      return site;
    });
    return present(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidInput({ name: ["sites.errors.nameTaken"] });
    throw err;
  }
}

/** Removes a site; organizations and clusters on it keep their rows with no site (ON DELETE SET NULL). */
export async function deleteSite(actor: Actor | null, id: string): Promise<{ id: string }> {
  const admin = requireSiteAdmin(actor);
  await db.$transaction(async (tx) => {
    const site = await tx.site.findUnique({ where: { id }, select: { name: true, regencyCode: true } });
    if (!site) throw notFound();
    const organizations = await tx.organization.count({ where: { siteId: id } });
    await tx.site.delete({ where: { id } });
    await audit(tx, {
      organizationId: admin.membership.organizationId,
      actorId: admin.user.id,
      action: "site.deleted",
      entityType: "Site",
      entityId: id,
      data: { name: site.name, regencyCode: site.regencyCode, organizationsDetached: organizations },
    });
  });
  return { id };
}

/** The admin form's regency picker: provinces by name, each with its regencies and cities by code. */
export async function listRegencyOptions() {
  const provinces = await db.province.findMany({
    orderBy: { name: "asc" },
    select: { code: true, name: true, regencies: { orderBy: { code: "asc" }, select: { code: true, name: true } } },
  });
  return provinces;
}
