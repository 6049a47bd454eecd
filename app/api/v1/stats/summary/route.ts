// GET /api/v1/stats/summary: the platform's totals (public aggregates; lib/stats/public-summary.ts).
import { apiRoute } from "@/lib/api/route";
import { getStatsSummary } from "@/lib/stats/api";
import { StatsSummarySchema } from "@/lib/stats/schemas";

export const GET = apiRoute(
  {
    auth: "none",
    openapi: {
      method: "get",
      path: "/api/v1/stats/summary",
      summary: "Platform totals",
      description:
        "Verified UMKM (`suppliers`), verified buyers, open RFQs, active and completed agreements, the value of the active " +
        "agreements (integer Rupiah) and the share of verified UMKM that are a party to at least one active agreement " +
        "(the \"in supply chain\" rate), and how many completed agreements were completed with milestones still open " +
        "(suppressed while fewer than 3 suppliers stand behind them). Only agreements whose buyer and supplying party are " +
        "verified count. Public: aggregates only.",
      tags: ["Statistics"],
      responses: { 200: { description: "The totals", schema: StatsSummarySchema } },
    },
  },
  async () => getStatsSummary(),
);
