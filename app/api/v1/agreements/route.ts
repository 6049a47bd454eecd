// GET /api/v1/agreements: the agreements your organization is a party to (ministry staff: all, read-only).
// POST: a draft agreement directly between a buyer organization and an UMKM or cooperative (you are one of them).
import { paginationQuery } from "@/lib/api/pagination";
import { apiRoute, created } from "@/lib/api/route";
import { READER_TYPES, PARTY_TYPES } from "@/lib/agreements/access";
import { AgreementPageSchema, AgreementSchema } from "@/lib/agreements/responses";
import { agreementCreateSchema, agreementListQuery } from "@/lib/agreements/schemas";
import { createAgreement } from "@/lib/agreements/proposals";
import { listAgreements } from "@/lib/agreements/queries";

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: READER_TYPES,
    permission: "agreement:read",
    query: agreementListQuery.extend(paginationQuery.shape),
    openapi: {
      method: "get",
      path: "/api/v1/agreements",
      summary: "List your partnership agreements",
      description:
        "Agreements your organization is a party to, most recently changed first; `status` filters. Ministry staff see every agreement (read-only).",
      tags: ["Agreements"],
      responses: { 200: { description: "A page of agreements", schema: AgreementPageSchema } },
    },
  },
  ({ actor, query }) => listAgreements(actor, query),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: PARTY_TYPES,
    permission: "agreement:write",
    body: agreementCreateSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/agreements",
      summary: "Create a draft partnership agreement",
      description:
        "Between a buyer organization (`buyerOrgId`) and an UMKM or cooperative (`supplierOrgId`); your organization must be one of them. " +
        "`scheme` is one of the ten PP 7/2021 schemes; `valueIdr` whole Rupiah; dates `YYYY-MM-DD` with the end not before the start; " +
        "milestones due within the term and not adding up to more than the value. The draft becomes `proposed` on the first acceptance.",
      tags: ["Agreements"],
      responses: { 201: { description: "The draft (version 1)", schema: AgreementSchema } },
    },
  },
  async ({ actor, body }) => created(await createAgreement(actor, body)),
);
