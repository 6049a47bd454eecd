// POST /api/v1/financing/{id}/withdraw: Withdraw your open financing request.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { FinancingPartySchema } from "@/lib/financing/responses";
import { financingIdSchema } from "@/lib/financing/schemas";
import { withdrawFinancing } from "@/lib/financing/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["umkm"],
    permission: "financing:request",
    params: z.object({ id: financingIdSchema }),
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/financing/{id}/withdraw",
      summary: "Withdraw your open financing request",
      description: "The UMKM that asked, while the bank has not decided.",
      tags: ["Financing"],
      errors: [409],
      responses: { 200: { description: "The request", schema: FinancingPartySchema } },
    },
  },
  ({ actor, params: p }) => withdrawFinancing(actor, p.id),
);
