// POST /api/v1/financing/{id}/confirm: The buyer confirms the agreement behind a request.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { FinancingPartySchema } from "@/lib/financing/responses";
import { financingIdSchema } from "@/lib/financing/schemas";
import { confirmFinancing } from "@/lib/financing/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "agreement:accept",
    params: z.object({ id: financingIdSchema }),
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/financing/{id}/confirm",
      summary: "The buyer confirms the agreement behind a request",
      description: "The bank sees the confirmation (with its date). Only while the request is open; the agreement's buyer only.",
      tags: ["Financing"],
      errors: [409],
      responses: { 200: { description: "The request", schema: FinancingPartySchema } },
    },
  },
  ({ actor, params: p }) => confirmFinancing(actor, p.id),
);
