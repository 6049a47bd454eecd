// Response shapes of /api/v1/products (the OpenAPI document is generated from them; the integration tests
// check real responses against them). Request bodies: lib/products/schemas.ts.
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas

const timestamp = z.iso.datetime({ offset: true });

export const ProductSchema = z
  .object({
    id: z.string(),
    supplierId: z.string().openapi({ description: "The supplier's (UMKM organization's) id" }),
    name: z.string(),
    description: z.string().nullable(),
    kbli: z.string().openapi({ example: "13134" }),
    kbliTitle: z.object({ id: z.string(), en: z.string().nullable() }),
    unit: z.string().openapi({ example: "lembar" }),
    priceMinIdr: z.number().int().nullable(),
    priceMaxIdr: z.number().int().nullable(),
    moq: z.number().int().nullable(),
    monthlyCapacity: z.number().int().nullable(),
    leadTimeDays: z.number().int().nullable(),
    archived: z.boolean(),
    images: z.array(z.object({ id: z.string(), url: z.string(), thumbnailUrl: z.string() })),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi("Product");

export const ProductPageSchema = z.object({ data: z.array(ProductSchema), nextCursor: z.string().nullable() }).openapi("ProductPage");
