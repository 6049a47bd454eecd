// GET /api/v1/agreements/{id}/financing: financing requests on an agreement (its parties see their status).
// POST: a supplying party (UMKM or cooperative) asks a partner bank for purchase-order or invoice financing on
// an active agreement.
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { agreementIdSchema } from "@/lib/agreements/schemas";
import { FinancingPartySchema } from "@/lib/financing/responses";
import { financingRequestSchema } from "@/lib/financing/schemas";
import { listAgreementFinancing } from "@/lib/financing/queries";
import { requestFinancing } from "@/lib/financing/lifecycle";

const params = z.object({ id: agreementIdSchema });

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["umkm", "buyer", "cooperative"],
    permission: "agreement:read",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/agreements/{id}/financing",
      summary: "Financing requests on an agreement",
      description: "For the agreement's parties (empty for anyone else).",
      tags: ["Financing"],
      responses: { 200: { description: "The requests, newest first", schema: z.object({ data: z.array(FinancingPartySchema) }) } },
    },
  },
  async ({ actor, params: p }) => ({ data: await listAgreementFinancing(actor, p.id) }),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.suppliers,
    permission: "financing:request",
    params,
    body: financingRequestSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/financing",
      summary: "Ask a partner bank for financing against an active agreement",
      description:
        "A supplying party only (lead supplier or consortium member; an UMKM or a cooperative; anyone else 404); `bankId` a bank organization on Rantai; `type` purchase_order or invoice; `amountIdr` up to the agreement's value. " +
        "The bank sees only the agreement's number, scheme, value, term and schedule, the parties' names and the buyer's confirmation, " +
        "and of the supplier its public profile basics, size class history, valid certificates and track record. No money moves in Rantai.",
      tags: ["Financing"],
      errors: [409],
      responses: { 201: { description: "The request (submitted)", schema: FinancingPartySchema } },
    },
  },
  async ({ actor, params: p, body }) => created(await requestFinancing(actor, p.id, body)),
);
