// GET /api/v1/rfqs/{id}/clarifications: the RFQ's public questions and answers. Suppliers see answered ones
// and their own; never who asked. The buyer sees all, with who asked.
// POST {question}: a supplier that can see an open RFQ asks before the deadline.
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { ClarificationListSchema, ClarificationSchema } from "@/lib/rfqs/responses";
import { questionSchema, rfqIdSchema } from "@/lib/rfqs/schemas";
import { askClarification, listClarifications } from "@/lib/rfqs/clarifications";

const params = z.object({ id: rfqIdSchema });

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer", "umkm", "cooperative"],
    params,
    openapi: {
      method: "get",
      path: "/api/v1/rfqs/{id}/clarifications",
      summary: "Clarifications of an RFQ",
      tags: ["RFQs"],
      responses: { 200: { description: "Questions and answers, oldest first", schema: ClarificationListSchema } },
    },
  },
  async ({ actor, params: p }) => ({ data: await listClarifications(actor, p.id) }),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["umkm", "cooperative"],
    permission: "rfq:board:read",
    params,
    body: questionSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/clarifications",
      summary: "Ask the buyer a question about an RFQ",
      description:
        "Only while the RFQ accepts quotes (409 otherwise). The answer is public to every supplier that can see the RFQ; your name is not.",
      tags: ["RFQs"],
      responses: { 201: { description: "The question", schema: ClarificationSchema } },
    },
  },
  async ({ actor, params: p, body }) => created(await askClarification(actor, p.id, body.question)),
);
