// GET /api/v1/financing: a bank's inbox (only requests addressed to it, with only what they share), or an
// UMKM's own requests across its agreements.
import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { FinancingBankPageSchema, FinancingPartyPageSchema } from "@/lib/financing/responses";
import { financingListQuery } from "@/lib/financing/schemas";
import { listBankRequests, listSupplierRequests } from "@/lib/financing/queries";

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["bank", "umkm"],
    query: financingListQuery.extend(paginationQuery.shape),
    openapi: {
      method: "get",
      path: "/api/v1/financing",
      summary: "Financing requests: a bank's inbox or an UMKM's own",
      description:
        "A bank sees the requests addressed to it (the shared fields only); an UMKM sees the requests it made. `status` filters.",
      tags: ["Financing"],
      responses: { 200: { description: "A page of requests", schema: z.union([FinancingBankPageSchema, FinancingPartyPageSchema]) } },
    },
  },
  ({ actor, query }) =>
    actor.membership.organizationType === "bank" ? listBankRequests(actor, query) : listSupplierRequests(actor, query),
);
