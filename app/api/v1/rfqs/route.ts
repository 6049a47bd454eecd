// GET /api/v1/rfqs: buyers list their organization's RFQs (any status; ?status= filters); suppliers (UMKM,
// cooperatives) list the board — published RFQs that are public or they are invited to (open by default).
// POST: a buyer officer creates a draft RFQ (the same schema and checks as the /rfq/baru form).
import { paginationQuery } from "@/lib/api/pagination";
import { apiRoute, created } from "@/lib/api/route";
import { RfqPageSchema, RfqSchema } from "@/lib/rfqs/responses";
import { rfqCreateSchema, rfqListQuery } from "@/lib/rfqs/schemas";
import { createRfq } from "@/lib/rfqs/lifecycle";
import { listRfqs } from "@/lib/rfqs/queries";

export const GET = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer", "umkm", "cooperative"],
    query: rfqListQuery.extend(paginationQuery.shape),
    openapi: {
      method: "get",
      path: "/api/v1/rfqs",
      summary: "List RFQs",
      description:
        "Buyers: your organization's RFQs in every status (`status` filters). Suppliers: published RFQs that are public or " +
        "that you are invited to; `status` defaults to `open` (still accepting quotes). Filters: `q` (title, description, " +
        "items, buyer), `kbli` (2- to 5-digit prefix), `province` (2-digit code), `deadlineBefore` (date or date-time), " +
        "`certification` (comma-separated: RFQs requiring any of them). Soonest deadline first.",
      tags: ["RFQs"],
      responses: { 200: { description: "A page of RFQs", schema: RfqPageSchema } },
    },
  },
  ({ actor, query }) => listRfqs(actor, query),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    body: rfqCreateSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs",
      summary: "Create a draft RFQ",
      description:
        "At least one item, each with a whole positive `quantity` and an optional whole-Rupiah `targetUnitPriceIdr`; a future " +
        "`deadline` (at most a year ahead); an existing KBLI 2020 five-digit `kbli` and Kemendagri `deliveryRegencyCode`. " +
        "The RFQ stays a draft (visible to your organization only) until `POST /api/v1/rfqs/{id}/publish`.",
      tags: ["RFQs"],
      responses: { 201: { description: "The draft", schema: RfqSchema } },
    },
  },
  async ({ actor, body }) => created(await createRfq(actor, body)),
);
