// POST /api/v1/rfqs/{id}/quote/attachments: the supplier attaches a document to its own quote (multipart,
// field `file`; PDF, JPEG or PNG up to 5 MB, checked by content; 5 per quote) while the quote can change.
import { apiRoute, created } from "@/lib/api/route";
import { invalidInput } from "@/lib/errors";
import { readFormDataLimited } from "@/lib/api/body";
import { isUploadPresent, MAX_UPLOAD_REQUEST_BYTES } from "@/lib/files/upload";
import { addQuoteAttachment } from "@/lib/quotes/attachments";
import { rfqIdParamSchema } from "@/lib/quotes/schemas";
import { SUPPLIER_ORG_TYPES } from "@/lib/quotes/access";
import { QuoteAttachmentSchema } from "@/lib/quotes/responses";

export const POST = apiRoute(
  {
    auth: "required",
    orgTypes: SUPPLIER_ORG_TYPES,
    permission: "quote:write",
    params: rfqIdParamSchema,
    openapi: {
      method: "post",
      path: "/api/v1/rfqs/{id}/quote/attachments",
      summary: "Attach a document to your quote",
      description:
        "`multipart/form-data` with one `file` (PDF, JPEG or PNG, at most 5 MB, type read from the content; a larger body is refused with 413 `payload_too_large`). Your quote must exist and still be changeable (409 otherwise).",
      tags: ["Quotes"],
      responses: { 201: { description: "The attachment", schema: QuoteAttachmentSchema } },
    },
  },
  async ({ actor, req, params }) => {
    // Reading stops at the file limit plus the multipart envelope: 413 past it, declared length or not.
    const form = await readFormDataLimited(req, MAX_UPLOAD_REQUEST_BYTES, { field: "file" });
    const file = form.get("file");
    if (!isUploadPresent(file)) throw invalidInput({ file: ["errors.field.required"] });
    return created(await addQuoteAttachment(actor, params.id, file));
  },
);
