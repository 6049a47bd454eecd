// GET /api/v1/sites/{id}: one estate with its verified UMKM count, verified buyers and the partnerships between
// them under the disclosure rule (anyone). PATCH / DELETE: platform admins (everyone else 403; issue 12).
import { apiRoute, noContent } from "@/lib/api/route";
import { getEstate } from "@/lib/sites/estate";
import { EstateSchema, SiteSchema } from "@/lib/sites/responses";
import { siteParamsSchema, siteUpdateSchema } from "@/lib/sites/schemas";
import { deleteSite, updateSite } from "@/lib/sites/service";

export const GET = apiRoute(
  {
    auth: "optional",
    params: siteParamsSchema,
    openapi: {
      method: "get",
      path: "/api/v1/sites/{id}",
      summary: "One site: its UMKM, buyers and partnerships",
      description:
        "Verified organizations only. `partnerships` counts active and completed agreements between a buyer and " +
        "an UMKM both on this site; fewer than 3 UMKM involved → `suppressed: true` and null figures (ministry " +
        "and platform staff see exact figures).",
      tags: ["Sites"],
      responses: { 200: { description: "The site and its figures", schema: EstateSchema } },
    },
  },
  async ({ actor, params }) => {
    const estate = await getEstate(actor, params.id);
    return { site: estate.site, umkm: { count: estate.umkm.count }, buyers: estate.buyers, partnerships: estate.partnerships };
  },
);

export const PATCH = apiRoute(
  {
    auth: "required",
    params: siteParamsSchema,
    body: siteUpdateSchema,
    idempotent: true,
    openapi: {
      method: "patch",
      path: "/api/v1/sites/{id}",
      summary: "Change a site (platform admins)",
      description: "Send only the fields to change; `null` clears lat/lon (together), operator, website or source. Others → 403.",
      tags: ["Sites"],
      responses: { 200: { description: "The site as stored", schema: SiteSchema } },
    },
  },
  async ({ actor, params, body }) => updateSite(actor, params.id, body),
);

export const DELETE = apiRoute(
  {
    auth: "required",
    params: siteParamsSchema,
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/sites/{id}",
      summary: "Remove a site (platform admins)",
      description: "Organizations and clusters on it keep their rows, with no site. Others → 403.",
      tags: ["Sites"],
      responses: { 204: { description: "Removed" } },
    },
  },
  async ({ actor, params }) => {
    await deleteSite(actor, params.id);
    return noContent();
  },
);
