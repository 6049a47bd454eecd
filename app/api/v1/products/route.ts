// GET /api/v1/products: the public catalogue (active products, newest first). POST: a member of an UMKM adds
// a product to its catalogue (the same schema and checks as the /produk/baru form; photos are added in the UI).
import { paginationQuery } from "@/lib/api/pagination";
import { apiRoute, created } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { ProductPageSchema, ProductSchema } from "@/lib/products/responses";
import { createProduct } from "@/lib/products/catalogue";
import { listProducts } from "@/lib/products/public-reads";
import { productCreateSchema, productListQuery } from "@/lib/products/schemas";

export const GET = apiRoute(
  {
    auth: "none",
    query: productListQuery.extend(paginationQuery.shape),
    openapi: {
      method: "get",
      path: "/api/v1/products",
      summary: "List products in the catalogue",
      description:
        "Active (not archived) products, newest first. `q` searches names and descriptions and tolerates typos; " +
        "`supplierId` limits to one supplier; `kbli` takes a 2- to 5-digit KBLI 2020 code and matches everything under it.",
      tags: ["Products"],
      responses: { 200: { description: "A page of products", schema: ProductPageSchema } },
    },
  },
  ({ query }) => listProducts(query),
);

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.umkm,
    permission: "supplier:products:write",
    body: productCreateSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/products",
      summary: "Add a product to your UMKM's catalogue",
      description:
        "Prices are whole Rupiah with priceMinIdr ≤ priceMaxIdr; `kbli` must be an existing KBLI 2020 five-digit code. " +
        "The product appears in the supplier directory at once.",
      tags: ["Products"],
      responses: { 201: { description: "The new product", schema: ProductSchema } },
    },
  },
  async ({ actor, body }) => created(await createProduct(actor, body)),
);
