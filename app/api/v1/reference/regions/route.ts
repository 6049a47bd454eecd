// GET /api/v1/reference/regions: the 38 provinces; with ?province=33 that province's regencies and cities.
import { z } from "zod";
import { reply, apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { RegionListSchema } from "@/lib/reference/responses";
import { listProvinces, listRegencies } from "@/lib/reference/service";

export const GET = apiRoute(
  {
    auth: "none",
    query: z.object({
      province: z
        .string()
        .regex(/^\d{2}$/, "errors.field.region")
        .optional()
        .openapi({ description: "Kemendagri province code, e.g. 33" }),
    }),
    openapi: {
      method: "get",
      path: "/api/v1/reference/regions",
      summary: "Provinces, or the regencies and cities of one province",
      description: 'Kemendagri codes: provinces "33", regencies/cities "33.75" (regencies 01–69, cities 71–99).',
      tags: ["Reference"],
      responses: { 200: { description: "Regions by code", schema: RegionListSchema } },
    },
  },
  async ({ query }) => {
    const cache = { "cache-control": "public, max-age=86400" };
    if (!query.province) {
      const provinces = await listProvinces();
      return reply({ data: provinces.map((p) => ({ code: p.code, name: p.name, type: "provinsi" })) }, { headers: cache });
    }
    const regencies = await listRegencies(query.province);
    if (regencies.length === 0) throw notFound();
    return reply({ data: regencies.map((r) => ({ code: r.code, name: r.name, type: r.type })) }, { headers: cache });
  },
);
