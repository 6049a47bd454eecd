// GET /api/v1/products/{id}/images/{imageId}[?size=thumb]: a product photo (JPEG, resized server-side),
// public while the product is in the catalogue.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { getPublicProductImage } from "@/lib/products/public-reads";

export const GET = apiRoute(
  {
    auth: "none",
    params: z.object({ id: z.string().min(1).max(64), imageId: z.string().min(1).max(64) }),
    query: z.object({ size: z.enum(["full", "thumb"]).default("full") }),
    openapi: {
      method: "get",
      path: "/api/v1/products/{id}/images/{imageId}",
      summary: "A product photo",
      description: "At most 1200 px (`size=thumb`: 320 px square), JPEG.",
      tags: ["Products"],
      responses: { 200: { description: "The image", content: { "image/jpeg": z.string().openapi({ format: "binary" }) } } },
    },
  },
  async ({ params, query }) => {
    const file = await getPublicProductImage(params.id, params.imageId, query.size);
    if (!file) throw notFound();
    return new Response(Buffer.from(file.content), {
      headers: {
        "content-type": file.mimeType,
        "cache-control": "public, max-age=3600",
        etag: `"${file.sha256}"`,
        "x-content-type-options": "nosniff",
      },
    });
  },
);
