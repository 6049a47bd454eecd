// POST /api/v1/financing/{id}/withdraw: Withdraw your open financing request.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { FinancingPartySchema } from "@/lib/financing/responses";
import { financingIdSchema } from "@/lib/financing/schemas";
import { withdrawFinancing } from "@/lib/financing/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.suppliers,
    permission: "financing:request",
    params: z.object({ id: financingIdSchema }),
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/financing/{id}/withdraw",
      summary: "Withdraw your open financing request",
      description: "The UMKM or cooperative that asked, while the bank has not decided.",
      tags: ["Financing"],
      errors: [409],
      responses: { 200: { description: "The request", schema: FinancingPartySchema } },
    },
  },
  ({ actor, params: p }) => withdrawFinancing(actor, p.id),
);
