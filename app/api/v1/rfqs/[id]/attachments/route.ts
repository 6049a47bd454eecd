// POST /api/v1/rfqs/{id}/attachments: the buyer attaches a document (multipart/form-data, field `file`; PDF,
// JPEG or PNG up to 5 MB, checked by content) to a draft or open RFQ; at most 10 per RFQ.
import { z } from "zod";
import { apiRoute, created } from "@/lib/api/route";
import { invalidInput } from "@/lib/errors";
import { readFormDataLimited } from "@/lib/api/body";
import { isUploadPresent, MAX_UPLOAD_REQUEST_BYTES } from "@/lib/files/upload";
import { AttachmentSchema } from "@/lib/rfqs/responses";
import { rfqIdSchema } from "@/lib/rfqs/schemas";
import { addAttachment } from "@/lib/rfqs/attachments";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: ["buyer"],
    permission: "rfq:write",
    params: z.object({ id: rfqIdSchema }),
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/attachments",
      summary: "Attach a document to your RFQ",
      description:
        "Send `multipart/form-data` with one `file` (PDF, JPEG or PNG, at most 5 MB; the type is read from the content). A larger body is refused with 413 `payload_too_large` as soon as it passes the limit.",
      tags: ["RFQs"],
      responses: { 201: { description: "The attachment", schema: AttachmentSchema } },
    },
  },
  async ({ actor, req, params: p }) => {
    // Reading stops at the file limit plus the multipart envelope: 413 past it, declared length or not.
    const form = await readFormDataLimited(req, MAX_UPLOAD_REQUEST_BYTES, { field: "file" });
    const file = form.get("file");
    if (!isUploadPresent(file)) throw invalidInput({ file: ["errors.field.required"] });
    return created(await addAttachment(actor, p.id, file));
  },
);
