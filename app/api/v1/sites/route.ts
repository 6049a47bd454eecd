// GET /api/v1/sites: the reference list of industrial estates, UMKM centres and sentra (anyone; issue 12).
// POST /api/v1/sites: a platform admin adds one (everyone else 403: the list is public, changing it is not).
import { apiRoute, created } from "@/lib/api/route";
import { SiteListSchema, SiteSchema } from "@/lib/sites/responses";
import { siteCreateSchema, siteListQuerySchema } from "@/lib/sites/schemas";
import { createSite, listSites } from "@/lib/sites/service";

export const GET = apiRoute(
  {
    auth: "none",
    query: siteListQuerySchema,
    openapi: {
      method: "get",
      path: "/api/v1/sites",
      summary: "Industrial estates, UMKM centres and sentra",
      description:
        "`q` matches the name or operator; `kind` is `industrial_estate`, `umkm_centre` or `sentra`; `province` a " +
        "Kemendagri province code. Every entry names the public `source` that confirms it; `point` is null unless " +
        "a source gives the location.",
      tags: ["Sites"],
      responses: { 200: { description: "The sites, by name", schema: SiteListSchema } },
    },
  },
  async ({ query }) => ({ data: await listSites(query) }),
);

export const POST = apiRoute(
  {
    auth: "required",
    body: siteCreateSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/sites",
      summary: "Add a site to the reference list (platform admins)",
      description:
        "The regency must exist; the name must be free in that regency; `lat`/`lon` both or neither, inside " +
        "Indonesia; `website` and `source` http(s) URLs. Anyone but a platform admin → 403.",
      tags: ["Sites"],
      responses: { 201: { description: "The site as stored", schema: SiteSchema } },
    },
  },
  async ({ actor, body }) => created(await createSite(actor, body)),
);
