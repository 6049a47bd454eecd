// GET /api/v1/financing: a bank's inbox (only requests addressed to it, with only what they share), or a
// supplier's (an UMKM's or a cooperative's) own requests across its agreements.
import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { FinancingBankPageSchema, FinancingPartyPageSchema } from "@/lib/financing/responses";
import { financingListQuery } from "@/lib/financing/schemas";
import { listBankRequests, listSupplierRequests } from "@/lib/financing/queries";

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["bank", ...ACTORS.suppliers],
    query: financingListQuery.extend(paginationQuery.shape),
    openapi: {
      method: "get",
      path: "/api/v1/financing",
      summary: "Financing requests: a bank's inbox or a supplier's own",
      description:
        "A bank sees the requests addressed to it (the shared fields only); an UMKM or a cooperative sees the requests it made. `status` filters.",
      tags: ["Financing"],
      responses: { 200: { description: "A page of requests", schema: z.union([FinancingBankPageSchema, FinancingPartyPageSchema]) } },
    },
  },
  ({ actor, query }) =>
    actor.membership.organizationType === "bank" ? listBankRequests(actor, query) : listSupplierRequests(actor, query),
);
