// POST /api/v1/financing-programmes/{id}/requests: a financing request under a programme (pre-confirmed by the buyer).
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { FinancingProgrammeRequestCreatedSchema } from "@/lib/financing/responses";
import { financingIdSchema, programmeRequestSchema } from "@/lib/financing/schemas";
import { requestUnderProgramme } from "@/lib/financing/programmes";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["umkm", "cooperative"],
    permission: "financing:request",
    params: z.object({ id: financingIdSchema }),
    body: programmeRequestSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/financing-programmes/{id}/requests",
      summary: "Request financing under a programme you were referred to",
      description:
        "`{agreementId, type, amountIdr}` to the programme's bank, pre-confirmed by the buyer. The agreement must qualify (active, with the programme's buyer, a delivery the buyer accepted; else 400 on `agreementId`); `amountIdr` plus what you asked or were granted under the programme ≤ its maximum per UMKM, and within the agreement's open-financing cap (400 on `amountIdr`). No accepted referral → 404.",
      tags: ["Financing"],
      errors: [400, 404, 409],
      responses: { 201: { description: "The request's id", schema: FinancingProgrammeRequestCreatedSchema } },
    },
  },
  async ({ actor, params: p, body }) => created(await requestUnderProgramme(actor, p.id, body)),
);
