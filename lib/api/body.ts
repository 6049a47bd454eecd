// Reading request bodies without ever failing with a 500 and without ever reading past a limit (issue 11):
// - JSON (readJsonBody): a wrong content type, bytes that are not UTF-8 or text that is not JSON become 400
//   invalid_input with a message that says which; an empty body reads as `{}` so that validation can name
//   the missing fields;
// - multipart (readFormDataLimited) and raw bytes (readBytesLimited) for the upload and import endpoints.
// A body over its limit is 413 payload_too_large — refused on its declared Content-Length before any byte is
// read, and otherwise (chunked, or a Content-Length that lies) as soon as the bytes read pass the limit: the
// stream is not pulled any further, so a 48 MB body costs at most limit + one chunk, and 413 responses carry
// `Connection: close` (lib/api/errors.ts) so that the server closes the socket instead of reading the rest.
import { DomainError, payloadTooLarge } from "@/lib/errors";
import { refuseNulCharacters } from "@/lib/validation";

export const MAX_JSON_BODY_BYTES = 1024 * 1024; // 1 MB: JSON only; files go through the upload endpoints

const invalid = (messageKey: string) => new DomainError("invalid_input", messageKey);

/** application/json or any application/<something>+json, with or without parameters (charset). */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const type = header.split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** 413 when the declared Content-Length is over `maxBytes` (nothing read). */
function checkDeclaredLength(req: Request, maxBytes: number, messageKey?: string): void {
  const declared = req.headers.get("content-length");
  if (declared && Number(declared) > maxBytes) throw payloadTooLarge(messageKey);
}

/**
 * The request's body as a stream that errors with 413 payload_too_large (and pulls nothing more from the
 * request) once more than `maxBytes` have passed. Checks the declared length first.
 */
function limitedBodyStream(req: Request, maxBytes: number, messageKey?: string): ReadableStream<Uint8Array> | null {
  checkDeclaredLength(req, maxBytes, messageKey);
  if (!req.body) return null;
  const reader = req.body.getReader();
  let size = 0;
  // Stop pulling, but do not cancel the request's stream: under `next start` cancelling destroys the request
  // and its socket (IncomingMessage.destroy), racing our 413. Unpulled, the rest stays in the kernel (TCP
  // backpressure) until the response, sent with `Connection: close`, closes the socket.
  const stopReading = () => {
    try {
      reader.releaseLock();
    } catch {
      // a read is still pending: nothing more will be asked of it
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        controller.error(err);
        return;
      }
      if (chunk.done) {
        controller.close();
        return;
      }
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        stopReading();
        controller.error(payloadTooLarge(messageKey));
        return;
      }
      controller.enqueue(chunk.value);
    },
    cancel() {
      stopReading();
    },
  });
}

/** At most maxBytes of the body; 413 payload_too_large beyond that (without reading the rest). */
export async function readBytesLimited(req: Request, maxBytes: number, messageKey?: string): Promise<Uint8Array> {
  const stream = limitedBodyStream(req, maxBytes, messageKey);
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * A multipart/form-data body, parsed only from the first `maxBytes` (413 payload_too_large beyond, on the
 * declared length before reading or as soon as the stream passes the limit). A body that is not multipart or
 * does not parse is 400 invalid_input on `field` ("errors.field.required": the file the endpoint wants is not
 * there).
 */
export async function readFormDataLimited(
  req: Request,
  maxBytes: number,
  { field = "file", messageKey }: { field?: string; messageKey?: string } = {},
): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  const limited = limitedBodyStream(req, maxBytes, messageKey);
  if (!limited || !/^multipart\/form-data\s*;/i.test(type)) {
    await limited?.cancel().catch(() => {}); // reads nothing
    throw new DomainError("invalid_input", "errors.invalidInput", { [field]: ["errors.field.required"] });
  }
  try {
    return await new Response(limited, { headers: { "content-type": type } }).formData();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // undici wraps a stream error: find our 413 in the cause chain.
    for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
      if (e instanceof DomainError) throw e;
    }
    throw new DomainError("invalid_input", "errors.invalidInput", { [field]: ["errors.field.required"] });
  }
}

/**
 * Parses the request's JSON body. Returns `{}` for an empty body (so a schema reports the missing fields);
 * throws DomainError("payload_too_large") for a body over `maxBytes` (reading stops there) and
 * DomainError("invalid_input") for a non-JSON content type, invalid UTF-8 or malformed JSON.
 */
export async function readJsonBody(req: Request, { maxBytes = MAX_JSON_BODY_BYTES }: { maxBytes?: number } = {}): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytesLimited(req, maxBytes, "errors.bodyTooLarge");
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw invalid("errors.malformedJson"); // the client went away mid-body, or the stream was already read
  }
  if (bytes.byteLength === 0) return {};
  if (!isJsonContentType(req.headers.get("content-type"))) throw invalid("errors.jsonContentType");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid("errors.malformedJson");
  }
  if (text.trim() === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw invalid("errors.malformedJson");
  }
  refuseNulCharacters(body); // "\u0000" is valid JSON but no PostgreSQL text can hold it
  return body;
}
