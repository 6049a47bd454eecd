// GET /api/v1/products/{id}: one active product (public). PATCH / DELETE: members of the product's supplier
// edit or archive it; for anyone else it does not exist (404).
import { z } from "zod";
import { apiRoute, noContent } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { ProductSchema } from "@/lib/products/responses";
import { productIdSchema, productUpdateSchema } from "@/lib/products/schemas";
import { setProductArchived, updateProduct } from "@/lib/products/catalogue";
import { getPublicProduct } from "@/lib/products/public-reads";

const params = z.object({ id: productIdSchema });

export const GET = apiRoute(
  {
    auth: "none",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/products/{id}",
      summary: "One product of the catalogue",
      tags: ["Products"],
      responses: { 200: { description: "The product", schema: ProductSchema } },
    },
  },
  ({ params: p }) => getPublicProduct(p.id),
);

export const PATCH = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.umkm,
    permission: "supplier:products:write",
    params,
    body: productUpdateSchema,
    idempotent: true,
    openapi: {
      method: "patch",
      path: "/api/v1/products/{id}",
      summary: "Edit one of your UMKM's products",
      description: "Send only the fields to change; `null` clears moq, monthlyCapacity, leadTimeDays or description.",
      tags: ["Products"],
      responses: { 200: { description: "The product as stored", schema: ProductSchema } },
    },
  },
  ({ actor, params: p, body }) => updateProduct(actor, p.id, body),
);

export const DELETE = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.umkm,
    permission: "supplier:products:write",
    params,
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/products/{id}",
      summary: "Archive one of your UMKM's products",
      description: "The product leaves the catalogue and the supplier directory; it stays in your own archived list (/produk).",
      tags: ["Products"],
      responses: { 204: { description: "Archived" } },
    },
  },
  async ({ actor, params: p }) => {
    await setProductArchived(actor, p.id, true);
    return noContent();
  },
);
