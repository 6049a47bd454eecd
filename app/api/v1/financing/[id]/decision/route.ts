// POST /api/v1/financing/{id}/decision: the bank approves or declines (a decline says why). No money moves in Rantai.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { FinancingBankDetailSchema } from "@/lib/financing/responses";
import { financingDecisionSchema, financingIdSchema } from "@/lib/financing/schemas";
import { decideFinancing } from "@/lib/financing/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["bank"],
    permission: "financing:decide",
    params: z.object({ id: financingIdSchema }),
    body: financingDecisionSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/financing/{id}/decision",
      summary: "Approve or decline a financing request",
      description:
        "`decision` approved or declined; `note` required when declining. Once decided → 409. Both parties of the agreement see the status.",
      tags: ["Financing"],
      errors: [409],
      responses: { 200: { description: "The decided request", schema: FinancingBankDetailSchema } },
    },
  },
  ({ actor, params: p, body }) => decideFinancing(actor, p.id, body),
);
