// GET /api/v1/agreement-flags: agreements flagged as possible fake partnerships (PP 7/2021), for ministry review.
import { apiRoute } from "@/lib/api/route";
import { AgreementFlagListSchema } from "@/lib/agreements/responses";
import { agreementFlagListQuery } from "@/lib/agreements/schemas";
import { listAgreementFlags } from "@/lib/agreements/flags";

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["ministry"],
    permission: "partnership:review",
    query: agreementFlagListQuery,
    openapi: {
      method: "get",
      path: "/api/v1/agreement-flags",
      summary: "Agreements flagged as possible fake partnerships",
      description:
        "Ministry staff (owners and admins: partnership:review). An agreement is flagged when proposed or activated if its buyer and a supplier-side party share an NPWP root, an owner's e-mail or a member user. `status` (open, cleared, confirmed) filters; open flags first. Everyone else: 403.",
      tags: ["Agreements"],
      responses: { 200: { description: "The flags", schema: AgreementFlagListSchema } },
    },
  },
  async ({ actor, query }) => ({ data: await listAgreementFlags(actor, query) }),
);
