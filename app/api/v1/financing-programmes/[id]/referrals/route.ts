// POST /api/v1/financing-programmes/{id}/referrals: the buyer refers a partner into its active programme.
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { FinancingProgrammeSchema } from "@/lib/financing/responses";
import { financingIdSchema, referralInputSchema } from "@/lib/financing/schemas";
import { referSupplier } from "@/lib/financing/programmes";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "financing:programme",
    params: z.object({ id: financingIdSchema }),
    body: referralInputSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/financing-programmes/{id}/referrals",
      summary: "Refer a partner UMKM or cooperative into your programme",
      description:
        "`supplierId`: a verified UMKM or cooperative with an active qualifying agreement with you (else 400 on `supplierId`). The programme must be active (409). Referred or accepted already → 409. Another buyer's programme → 404.",
      tags: ["Financing"],
      errors: [400, 404, 409],
      responses: { 201: { description: "The programme with its referrals", schema: FinancingProgrammeSchema } },
    },
  },
  async ({ actor, params: p, body }) => created(await referSupplier(actor, p.id, body.supplierId)),
);
