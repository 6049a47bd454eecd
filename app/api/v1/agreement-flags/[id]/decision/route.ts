// POST /api/v1/agreement-flags/{id}/decision: ministry staff clear or confirm a flagged agreement (with a note).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { AgreementFlagSchema } from "@/lib/agreements/responses";
import { agreementFlagDecisionSchema } from "@/lib/agreements/schemas";
import { decideAgreementFlag } from "@/lib/agreements/flags";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["ministry"],
    permission: "partnership:review",
    params: z.object({ id: z.string().trim().min(1).max(64) }),
    body: agreementFlagDecisionSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreement-flags/{id}/decision",
      summary: "Clear or confirm a flagged agreement",
      description:
        "`decision`: `confirm` (a fake partnership: the agreement leaves the statistics and the Partnership Index; both parties are notified) or `clear` (it counts; a confirmed flag may be cleared again, which restores it and notifies the parties). `note` (5–2,000 characters) is required and audited. Deciding a flag the way it already is → 409. Ministry owners and admins only (403 others).",
      tags: ["Agreements"],
      errors: [404, 409],
      responses: { 200: { description: "The decided flag", schema: AgreementFlagSchema } },
    },
  },
  ({ actor, params: p, body }) => decideAgreementFlag(actor, p.id, body),
);
