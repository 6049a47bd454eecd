// POST /api/v1/rfqs/{id}/clarifications/{clarificationId}/answer {answer}: the buyer answers (or corrects its
// answer); every supplier that can see the RFQ reads it. The asking supplier and those that quoted are notified.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ClarificationSchema } from "@/lib/rfqs/responses";
import { answerSchema, rfqIdSchema } from "@/lib/rfqs/schemas";
import { answerClarification } from "@/lib/rfqs/clarifications";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params: z.object({ id: rfqIdSchema, clarificationId: rfqIdSchema }),
    body: answerSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/clarifications/{clarificationId}/answer",
      summary: "Answer a clarification",
      tags: ["RFQs"],
      responses: { 200: { description: "The answered clarification", schema: ClarificationSchema } },
    },
  },
  ({ actor, params: p, body }) => answerClarification(actor, p.id, p.clarificationId, body.answer),
);
