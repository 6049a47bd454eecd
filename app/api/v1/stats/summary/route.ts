// GET /api/v1/stats/summary: the platform's totals (public aggregates; lib/stats/public-summary.ts).
import { apiRoute } from "@/lib/api/route";
import { getStatsSummary } from "@/lib/stats/api";
import { StatsSummarySchema } from "@/lib/stats/responses";

export const GET = apiRoute(
  {
    auth: "optional",
    openapi: {
      method: "get",
      path: "/api/v1/stats/summary",
      summary: "Platform totals",
      description:
        "Verified UMKM (`suppliers`), verified buyers, open RFQs, active and completed agreements, the value of the active " +
        "agreements (integer Rupiah) and the share of verified UMKM that are a party to at least one active agreement " +
        '(the "in supply chain" rate), and how many completed agreements were completed with milestones still open. ' +
        "Only agreements whose buyer and supplying party are verified count. Public: aggregates only. For every caller " +
        "except ministry and platform staff, `activeAgreements` with `agreementValueIdr`, `completedAgreements`, " +
        "`umkmWithActiveAgreement` with its share, and `completedWithOpenMilestones` are null when fewer than 3 distinct " +
        "UMKM are behind them (listed in `suppressed`, or `completedWithOpenMilestones.suppressed`; issue 11).",
      tags: ["Statistics"],
      responses: { 200: { description: "The totals", schema: StatsSummarySchema } },
    },
  },
  async ({ actor }) => getStatsSummary(actor),
);
