// GET /api/v1/regions/{code}/dashboard: a region's dashboard figures (the /daerah page's), exact. The region's own
// regional government (a province government also for its regencies), ministry staff and platform admins;
// other organization types 403; a government asking for another region 404; an unknown code 404; a
// government a platform admin has not verified yet 403 verification_required (docs/decisions/0023-regional-governments.md).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { regionDashboardFor } from "@/lib/regions/service";
import { RegionDashboardSchema } from "@/lib/regions/responses";

export const GET = apiRoute(
  {
    auth: "required",
    params: z.object({ code: z.string().min(1).max(10) }),
    openapi: {
      method: "get",
      path: "/api/v1/regions/{code}/dashboard",
      summary: "A region's dashboard figures",
      description:
        'A province ("33") or regency ("33.26") code. Allowed: the verified regional government whose scope is or contains the region, ' +
        "ministry staff and platform admins; other organization types 403, a government asking for a region outside its scope 404, " +
        "an unknown code 404, an unverified government 403 `verification_required`. Figures are exact (no disclosure suppression).",
      tags: ["Regions"],
      responses: { 200: { description: "The region's figures", schema: RegionDashboardSchema } },
      errors: [401, 403, 404],
    },
  },
  async ({ actor, params }) => regionDashboardFor(actor, params.code),
);
