// GET /api/v1/agreements/{id}: one agreement (parties; ministry staff read-only). PATCH: amend it — send the
// `version` you read; a stale one answers 409 and changes nothing. Each amendment is a new version that
// every party accepts again.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { READER_TYPES, PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementSchema } from "@/lib/agreements/responses";
import { agreementAmendSchema, agreementIdSchema } from "@/lib/agreements/schemas";
import { amendAgreement } from "@/lib/agreements/proposals";
import { getAgreement } from "@/lib/agreements/queries";

const params = z.object({ id: agreementIdSchema });

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: READER_TYPES,
    permission: "agreement:read",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/agreements/{id}",
      summary: "One partnership agreement",
      description:
        "Parties, current version and who accepted it, versions, milestones, deliveries, payments and ratings. 404 unless your organization is a party (or you are ministry staff).",
      tags: ["Agreements"],
      responses: { 200: { description: "The agreement", schema: AgreementSchema } },
    },
  },
  ({ actor, params: p }) => getAgreement(actor, p.id),
);

export const PATCH = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:write",
    params,
    body: agreementAmendSchema,
    idempotent: true,
    openapi: {
      method: "patch",
      path: "/api/v1/agreements/{id}",
      summary: "Amend an agreement (new version)",
      description:
        "Send `version` (the one you read) and the fields to change; `milestones` replaces the list. The agreement gets version N+1 (the old one stays readable) " +
        "and every party must accept it again: an active agreement stays in force as last accepted, the amendment waiting in `pendingVersion` until the last acceptance applies it. " +
        "A stale `version` → 409 conflict, nothing changes.",
      tags: ["Agreements"],
      errors: [409],
      responses: { 200: { description: "The amended agreement", schema: AgreementSchema } },
    },
  },
  ({ actor, params: p, body }) => amendAgreement(actor, p.id, body),
);
