// POST /api/v1/agreements/{id}/accept: Accept the current version for your organization
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/responses";
import { agreementIdSchema, acceptSchema } from "@/lib/agreements/schemas";
import { acceptAgreement } from "@/lib/agreements/lifecycle";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:accept",
    params: z.object({ id: agreementIdSchema }),
    body: acceptSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements/{id}/accept",
      summary: "Accept the current version for your organization",
      description:
        "Each party accepts once per version (again after an amendment): the first acceptance moves a draft to proposed, the last makes it active. Optional `version`: the version you read (stale → 409). Needs an owner or admin. Since issue 13 (PP 7/2021) the buyer's first acceptance must carry `declareNoControl: true` (it does not own or control the UMKM partner); without it: 400 on `declareNoControl`, nothing accepted.",
      tags: ["Agreements"],
      errors: [400, 409],
      responses: { 200: { description: "The agreement", schema: AgreementSchema } },
    },
  },
  ({ actor, params: p, body }) => acceptAgreement(actor, p.id, body),
);
