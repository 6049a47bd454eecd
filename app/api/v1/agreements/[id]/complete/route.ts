// POST /api/v1/agreements/{id}/complete: Mark an active agreement completed
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/api-schemas";
import { agreementIdSchema, completeSchema } from "@/lib/agreements/schemas";
import { completeAgreement } from "@/lib/agreements/service";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:accept",
    params: z.object({ id: agreementIdSchema }),
    body: completeSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/complete",
      summary: "Mark an active agreement completed",
      description: "Only an active agreement; afterwards each party rates the other. Optional `version` (stale → 409). Needs an owner or admin.",
      tags: ["Agreements"],
      errors: [409],
      responses: { 200: { description: "The agreement", schema: AgreementSchema } },
    },
  },
  ({ actor, params: p, body }) => completeAgreement(actor, p.id, body),
);
