// GET /api/v1/rfqs/{id}/attachments/{attachmentId}: the document, for anyone who may see the RFQ (the buyer
// organization, suppliers that see it on the board), with a bearer token or the browser session (UI links).
// DELETE: the buyer removes it (draft or open RFQ).
import { z } from "zod";
import { resolveApiActor } from "@/lib/api/actor";
import { apiRoute, noContent } from "@/lib/api/route";
import { getActor } from "@/lib/auth/session";
import { rfqIdSchema } from "@/lib/rfqs/schemas";
import { getAttachment, removeAttachment } from "@/lib/rfqs/attachments";
import { downloadResponse } from "@/lib/files/download";

const params = z.object({ id: rfqIdSchema, attachmentId: rfqIdSchema });

export const GET = apiRoute(
  {
    auth: "none",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/rfqs/{id}/attachments/{attachmentId}",
      summary: "Download an RFQ attachment",
      tags: ["RFQs"],
      errors: [401, 403, 404],
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
    const file = await getAttachment(actor, p.id, p.attachmentId);
    return downloadResponse({ content: file.content, filename: file.filename, mimeType: file.mimeType });
  },
);

export const DELETE = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params,
    idempotent: true,
    openapi: {
      method: "delete",
      path: "/api/v1/rfqs/{id}/attachments/{attachmentId}",
      summary: "Remove an attachment from your RFQ",
      tags: ["RFQs"],
      responses: { 204: { description: "Removed" } },
    },
  },
  async ({ actor, params: p }) => {
    await removeAttachment(actor, p.id, p.attachmentId);
    return noContent();
  },
);
