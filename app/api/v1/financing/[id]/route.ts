// GET /api/v1/financing/{id}: one request addressed to your bank (404 for any other bank or anyone else).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { FinancingBankSchema } from "@/lib/financing/responses";
import { financingIdSchema } from "@/lib/financing/schemas";
import { getBankRequest } from "@/lib/financing/queries";

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["bank"],
    permission: "financing:decide",
    params: z.object({ id: financingIdSchema }),
    openapi: {
      method: "get",
      path: "/api/v1/financing/{id}",
      summary: "One financing request addressed to your bank",
      description:
        "Only what the request shares: the agreement's number, scheme, value, term and schedule, the parties' names and the buyer's confirmation.",
      tags: ["Financing"],
      responses: { 200: { description: "The request", schema: FinancingBankSchema } },
    },
  },
  ({ actor, params: p }) => getBankRequest(actor, p.id),
);
