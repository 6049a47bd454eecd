// GET /api/v1/stats/suppliers: the named suppliers behind the figures — ministry staff only
// (permission stats:drilldown, checked in lib/stats/drilldown.ts).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { getTopSuppliersForApi } from "@/lib/stats/api";
import { statsFilterSchema } from "@/lib/stats/schemas";

const TopSupplierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    province: z.object({ code: z.string(), name: z.string().nullable() }),
    kbliSection: z.string(),
    sizeClass: z.string(),
    agreements: z.number().int().openapi({ description: "Counted agreements it leads" }),
    valueIdr: z.number().int(),
    participations: z.number().int().openapi({ description: "Counted agreements it is a party to (lead or consortium member)" }),
  })
  .openapi("StatsTopSupplier");

export const GET = apiRoute(
  {
    auth: "required",
    permission: "stats:drilldown",
    query: statsFilterSchema,
    openapi: {
      method: "get",
      path: "/api/v1/stats/suppliers",
      summary: "Top suppliers by agreement value (ministry staff)",
      description: "The 20 suppliers with the largest counted agreement value in the filter (same filters as /stats/partnerships).",
      tags: ["Statistics"],
      responses: { 200: { description: "Suppliers, largest value first", schema: z.object({ data: z.array(TopSupplierSchema) }) } },
    },
  },
  async ({ actor, query }) => getTopSuppliersForApi(actor, query),
);
