// GET /api/v1/financing/{id}: one request addressed to your bank (404 for any other bank or anyone else), with
// what the bank may know of the supplier (issue 13) and the buyer's days-to-pay from the Indeks Kemitraan.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { FinancingBankDetailSchema } from "@/lib/financing/responses";
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
        "Only what the request shares: the agreement's number, scheme, value, term and schedule, the parties' names, the buyer's confirmation " +
        "and its own days-to-pay this year from its Indeks Kemitraan (no figures with fewer than 3 UMKM partners); and of the supplier: its " +
        "public profile basics (type, region, KBLI, founding year, employees), size class now and its history, certificates valid today and " +
        "its track record. Never its NIB, NPWP or NIK, address, contacts, owners, documents, capital or sales.",
      tags: ["Financing"],
      responses: { 200: { description: "The request", schema: FinancingBankDetailSchema } },
    },
  },
  ({ actor, params: p }) => getBankRequest(actor, p.id),
);
