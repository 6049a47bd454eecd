// POST /api/v1/agreements/{id}/ratings: Rate the other side of a completed agreement
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/responses";
import { agreementIdSchema, ratingInputSchema } from "@/lib/agreements/schemas";
import { rateAgreement } from "@/lib/agreements/execution";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:write",
    params: z.object({ id: agreementIdSchema }),
    body: ratingInputSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/ratings",
      summary: "Rate the other side of a completed agreement",
      description: "Once per party: the buyer rates the supplier, the supplier (and consortium members) rate the buyer. `score` 1–5.",
      tags: ["Agreements"],
      errors: [409],
      responses: { 201: { description: "The agreement with the new record", schema: AgreementSchema } },
    },
  },
  async ({ actor, params: p, body }) => created(await rateAgreement(actor, p.id, body)),
);
