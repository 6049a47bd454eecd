// GET /api/v1/openapi.json: the API's OpenAPI 3.1 description, generated from the routes' zod schemas.
import { generateOpenApiDocument } from "@/lib/api/openapi";
import { apiRoute, reply } from "@/lib/api/route";
import "./routes";

export const GET = apiRoute(
  {
    auth: "none",
    openapi: {
      method: "get",
      path: "/api/v1/openapi.json",
      summary: "This document",
      tags: ["Meta"],
      responses: { 200: { description: "OpenAPI 3.1 document" } },
    },
  },
  () => reply(generateOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
