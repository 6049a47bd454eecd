// GET /api/v1/reference/kbli?q=: search KBLI 2020 by code prefix ("131") or Indonesian words ("batik").
import { z } from "zod";
import { reply, apiRoute } from "@/lib/api/route";
import { KbliPageSchema } from "@/lib/reference/responses";
import { KBLI_SEARCH_MAX, searchKbli } from "@/lib/reference/service";

export const GET = apiRoute(
  {
    auth: "none",
    query: z.object({
      q: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(100, "errors.field.tooLong"),
      limit: z.coerce
        .number({ error: "errors.field.limit" })
        .int("errors.field.limit")
        .min(1, "errors.field.limit")
        .max(KBLI_SEARCH_MAX, "errors.field.limit")
        .default(20),
      level: z
        .enum(["1", "2", "3", "4", "5"])
        .optional()
        .openapi({ description: "Only this level (default 5: the codes businesses register)." }),
    }),
    openapi: {
      method: "get",
      path: "/api/v1/reference/kbli",
      summary: "Search KBLI 2020 codes",
      description: "Digits search by code prefix; words search titles and descriptions (typo-tolerant). 5-digit codes by default.",
      tags: ["Reference"],
      responses: { 200: { description: "Matching codes, best first", schema: KbliPageSchema } },
    },
  },
  async ({ query }) => {
    const hits = await searchKbli(query.q, { limit: query.limit, levels: query.level ? [Number(query.level)] : [5] });
    return reply(
      {
        data: hits.map((h) => ({
          code: h.code,
          level: h.level,
          section: h.section,
          title: h.titleId,
          titleEn: h.titleEn,
          parentTitle: h.parentTitle,
        })),
      },
      { headers: { "cache-control": "public, max-age=3600" } },
    );
  },
);
