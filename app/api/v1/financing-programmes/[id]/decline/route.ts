// POST /api/v1/financing-programmes/{id}/decline: the partner bank declines a programme proposed to it.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { FinancingProgrammeSchema } from "@/lib/financing/responses";
import { financingIdSchema, programmeDecisionSchema } from "@/lib/financing/schemas";
import { decideProgramme } from "@/lib/financing/programmes";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["bank"],
    permission: "financing:decide",
    params: z.object({ id: financingIdSchema }),
    body: programmeDecisionSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/financing-programmes/{id}/decline",
      summary: "Decline a financing programme (bank)",
      description: "Only the bank it was proposed to (others 404), once (409). Optional `note`. The buyer is notified.",
      tags: ["Financing"],
      errors: [404, 409],
      responses: { 200: { description: "The programme", schema: FinancingProgrammeSchema } },
    },
  },
  ({ actor, params: p, body }) => decideProgramme(actor, p.id, false, body.note),
);
