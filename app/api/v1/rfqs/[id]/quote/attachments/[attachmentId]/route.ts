// GET /api/v1/rfqs/{id}/quote/attachments/{attachmentId}: a quote's document, for the quoting supplier and —
// once it may see the quote's prices — the buyer organization (bearer token or browser session); 404 for
// anyone else. DELETE: the supplier removes it while its quote can change.
import { z } from "zod";
import { resolveApiActor } from "@/lib/api/actor";
import { apiRoute, noContent } from "@/lib/api/route";
import { getActor } from "@/lib/auth/session";
import { getQuoteAttachment, removeQuoteAttachment } from "@/lib/quotes/attachments";
import { SUPPLIER_ORG_TYPES } from "@/lib/quotes/access";
import { downloadResponse } from "@/lib/files/download";

const params = z.object({ id: z.string().trim().min(1).max(64), attachmentId: z.string().trim().min(1).max(64) });

export const GET = apiRoute(
  {
    auth: "none",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/rfqs/{id}/quote/attachments/{attachmentId}",
      summary: "Download a quote attachment",
      tags: ["Quotes"],
      errors: [401, 404],
      responses: {
        200: {
          description: "The document",
          content: {
            "application/pdf": z.string().openapi({ format: "binary" }),
            "image/jpeg": z.string().openapi({ format: "binary" }),
            "image/png": z.string().openapi({ format: "binary" }),
          },
        },
      },
    },
  },
  async ({ req, url, params: p }) => {
    const actor = (await resolveApiActor(req, url)) ?? (await getActor());
    const file = await getQuoteAttachment(actor, p.id, p.attachmentId);
    return downloadResponse({ content: file.content, filename: file.filename, mimeType: file.mimeType });
  },
);

export const DELETE = apiRoute(
  {
    auth: "required",
    orgTypes: SUPPLIER_ORG_TYPES,
    permission: "quote:write",
    params,
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/rfqs/{id}/quote/attachments/{attachmentId}",
      summary: "Remove an attachment from your quote",
      tags: ["Quotes"],
      responses: { 204: { description: "Removed" } },
    },
  },
  async ({ actor, params: p }) => {
    await removeQuoteAttachment(actor, p.id, p.attachmentId);
    return noContent();
  },
);
