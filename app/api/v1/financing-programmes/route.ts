// GET/POST /api/v1/financing-programmes: supply-chain financing programmes (issue 13; ADR 0026).
import { apiRoute, created } from "@/lib/api/route";
import { FinancingProgrammeListSchema, FinancingProgrammeSchema } from "@/lib/financing/responses";
import { financingProgrammeSchema } from "@/lib/financing/schemas";
import { createProgramme, listProgrammes } from "@/lib/financing/programmes";

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer", "bank", "umkm", "cooperative"],
    openapi: {
      method: "get",
      path: "/api/v1/financing-programmes",
      summary: "Financing programmes you are part of",
      description:
        "A buyer: its programmes with every referral; a bank: the programmes proposed to it; an UMKM or cooperative: the active programmes it was referred to (its own referral only).",
      tags: ["Financing"],
      responses: { 200: { description: "The programmes", schema: FinancingProgrammeListSchema } },
    },
  },
  async ({ actor }) => ({ data: await listProgrammes(actor) }),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "financing:programme",
    body: financingProgrammeSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/financing-programmes",
      summary: "Propose a financing programme to a partner bank",
      description:
        "A verified buyer (owner, admin or approver) proposes `{bankId, name, maxPerUmkmIdr, tenorDays, requireAcceptedDeliveries?}` to a verified bank (else 400 on `bankId`). Qualifying agreements: active, with this buyer, not flagged as a fake partnership, and — unless `requireAcceptedDeliveries` is false (default true) — with a delivery it accepted. The bank is notified and accepts or declines.",
      tags: ["Financing"],
      errors: [400, 403],
      responses: { 201: { description: "The proposed programme", schema: FinancingProgrammeSchema } },
    },
  },
  async ({ actor, body }) => created(await createProgramme(actor, body)),
);
