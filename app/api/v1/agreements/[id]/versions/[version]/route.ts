// GET /api/v1/agreements/{id}/versions/{version}: what version N said, and who accepted it.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { READER_TYPES } from "@/lib/agreements/access";
import { AgreementVersionSchema } from "@/lib/agreements/responses";
import { agreementIdSchema } from "@/lib/agreements/schemas";
import { getAgreementVersion } from "@/lib/agreements/queries";

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: READER_TYPES,
    permission: "agreement:read",
    params: z.object({ id: agreementIdSchema, version: z.coerce.number().int().min(1).max(100_000) }),
    openapi: {
      method: "get",
      path: "/api/v1/agreements/{id}/versions/{version}",
      summary: "One version of an agreement",
      description:
        "Every version is kept: the snapshot of scheme, value, dates, terms and milestones as written, and the acceptances of that version.",
      tags: ["Agreements"],
      responses: { 200: { description: "The version", schema: AgreementVersionSchema } },
    },
  },
  ({ actor, params: p }) => getAgreementVersion(actor, p.id, p.version),
);
