// POST /api/v1/agreements/{id}/terminate: Terminate an agreement (with a reason)
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/responses";
import { agreementIdSchema, terminateSchema } from "@/lib/agreements/schemas";
import { terminateAgreement } from "@/lib/agreements/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:accept",
    params: z.object({ id: agreementIdSchema }),
    body: terminateSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/terminate",
      summary: "Terminate an agreement (with a reason)",
      description:
        "A draft, proposed or active agreement ends early; `reason` is kept and shown to every party. Optional `version` (stale → 409). Needs an owner or admin.",
      tags: ["Agreements"],
      errors: [409],
      responses: { 200: { description: "The agreement", schema: AgreementSchema } },
    },
  },
  ({ actor, params: p, body }) => terminateAgreement(actor, p.id, body),
);
