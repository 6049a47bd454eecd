// POST /api/v1/financing-referrals/{id}/accept: the referred UMKM or cooperative accepts a programme referral.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { FinancingReferralDecisionSchema } from "@/lib/financing/responses";
import { financingIdSchema } from "@/lib/financing/schemas";
import { decideReferral } from "@/lib/financing/programmes";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["umkm", "cooperative"],
    permission: "financing:request",
    params: z.object({ id: financingIdSchema }),
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/financing-referrals/{id}/accept",
      summary: "Accept a referral into a financing programme",
      description: "Only the referred organization (others 404), once (409). The buyer is notified.",
      tags: ["Financing"],
      errors: [404, 409],
      responses: { 200: { description: "The referral", schema: FinancingReferralDecisionSchema } },
    },
  },
  ({ actor, params: p }) => decideReferral(actor, p.id, true),
);
