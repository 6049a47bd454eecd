// What /api/v1/sites returns (issue 12), as zod schemas for the OpenAPI document; the integration tests check
// real responses against them.
import { z } from "zod";
import { SITE_KINDS } from "@/lib/enums";

export const SiteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(SITE_KINDS),
    regencyCode: z.string(),
    regencyName: z.string(),
    provinceCode: z.string(),
    provinceName: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    point: z.object({ lat: z.number(), lon: z.number() }).nullable().describe("Only when a source gives the site's location"),
    operator: z.string().nullable(),
    website: z.string().nullable(),
    source: z.string().nullable().describe("The public page that confirms the name, regency and operator"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Site" });

export const SiteListSchema = z.object({ data: z.array(SiteSchema) }).meta({ id: "SiteList" });

export const EstateSchema = z
  .object({
    site: SiteSchema,
    umkm: z.object({ count: z.number().int().describe("Verified UMKM on the site") }),
    buyers: z.array(z.object({ id: z.string(), name: z.string(), isStateOwned: z.boolean(), industry: z.string().nullable() })),
    partnerships: z
      .object({
        agreements: z.number().int().nullable(),
        valueIdr: z.number().nullable().describe("Total value in Rupiah; never a single partnership's"),
        umkm: z.number().int().nullable(),
        suppressed: z.boolean().describe("True when fewer than 3 UMKM are involved (exact figures for ministry staff)"),
      })
      .describe("Active and completed agreements between verified buyers and UMKM of this site"),
  })
  .meta({ id: "Estate" });
