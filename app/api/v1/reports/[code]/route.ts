// GET /api/v1/reports/{code}?fingerprint=: the verification of a Laporan Kemitraan (lib/partnership-index/reports.ts)
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { verifyReport } from "@/lib/partnership-index/reports";
import { ReportVerificationResponseSchema, reportVerificationJson } from "@/lib/partnership-index/report-responses";
import { reportCodeParamSchema, reportVerifyQuerySchema } from "@/lib/partnership-index/schemas";

export const GET = apiRoute(
  {
    auth: "none",
    params: z.object({ code: reportCodeParamSchema }),
    query: reportVerifyQuerySchema,
    openapi: {
      method: "get",
      path: "/api/v1/reports/{code}",
      summary: "Verify a Laporan Kemitraan",
      description:
        "Anyone holding a report's code (printed on it, e.g. `LK-2026-7KQ3-M9XD-2B8F`) can check that Rantai issued it " +
        "(`genuine`) and that it is unchanged (`unchanged`: the stored content still matches the fingerprint recorded " +
        "when it was issued), and read it as issued (`report`). Pass the fingerprint printed on the paper as " +
        "`fingerprint` to have it compared. Unknown or malformed codes: 404.",
      tags: ["Partnership index"],
      responses: { 200: { description: "The verification", schema: ReportVerificationResponseSchema } },
    },
  },
  async ({ params, query }) => {
    const v = await verifyReport(params.code, query.fingerprint);
    if (!v) throw notFound("partnershipReports.errors.unknownCode");
    return reportVerificationJson(v);
  },
);
