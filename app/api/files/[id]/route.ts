// GET /api/files/{id}: download an uploaded document (certificate scans). Only members of the organization
// that owns the file and platform admins who verify organizations may; anyone else gets 404 (like a missing
// file). Works with the browser session (UI links) or a bearer token. The type served is the one detected
// from the content at upload, never the client's; nosniff stops browsers from guessing another.
import { z } from "zod";
import { resolveApiActor } from "@/lib/api/actor";
import { apiRoute } from "@/lib/api/route";
import { getActor } from "@/lib/auth/session";
import { getFileForDownload } from "@/lib/files/access";
import { downloadResponse } from "@/lib/files/download";

export const GET = apiRoute(
  {
    auth: "none",
    params: z.object({ id: z.string().min(1).max(100) }),
    query: z.object({ inline: z.enum(["0", "1"]).optional() }),
    openapi: {
      method: "get",
      path: "/api/files/{id}",
      summary: "Download an uploaded document",
      description:
        "Members of the owning organization and platform admins only (others: 404). `?inline=1` asks the browser to show it instead of saving it.",
      tags: ["Files"],
      responses: {
        200: {
          description: "The file, with the type detected from its content",
          content: { "application/pdf": z.string(), "image/jpeg": z.string(), "image/png": z.string() },
        },
      },
      errors: [401, 404],
    },
  },
  async ({ req, url, params, query }) => {
    const actor = (await resolveApiActor(req, url)) ?? (await getActor());
    const file = await getFileForDownload(actor, params.id);
    return downloadResponse({
      content: file.content,
      filename: file.filename,
      mimeType: file.mimeType,
      disposition: query.inline === "1" ? "inline" : "attachment",
      etag: file.sha256,
    });
  },
);
