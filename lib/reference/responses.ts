// Response shapes of the reference endpoints (GET /api/v1/reference/kbli and /regions) for the OpenAPI
// document; integration tests check real responses against them.
import { z } from "zod";
import { REGENCY_TYPES } from "@/lib/enums";
import "@/lib/api/openapi"; // .openapi() on zod schemas

export const KbliPageSchema = z
  .object({
    data: z.array(
      z.object({
        code: z.string(),
        level: z.number().int(),
        section: z.string(),
        title: z.string(),
        titleEn: z.string().nullable(),
        parentTitle: z.string().nullable(),
      }),
    ),
  })
  .openapi("KbliSearchResult");

export const RegionListSchema = z
  .object({
    data: z.array(z.object({ code: z.string(), name: z.string(), type: z.enum(["provinsi", ...REGENCY_TYPES]) })),
  })
  .openapi("RegionList");
