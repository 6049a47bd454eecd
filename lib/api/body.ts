// Reading a JSON request body without ever failing with a 500: a wrong content type, a body over the size
// limit, bytes that are not UTF-8 or text that is not JSON all become 400 invalid_input with a message that
// says which. An empty body reads as `{}` so that validation can name the missing fields.
import { DomainError } from "@/lib/errors";

export const MAX_JSON_BODY_BYTES = 1024 * 1024; // 1 MB: JSON only; files go through the upload endpoints

const invalid = (messageKey: string) => new DomainError("invalid_input", messageKey);

/** application/json or any application/<something>+json, with or without parameters (charset). */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const type = header.split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Reads at most maxBytes of the body; throws invalid_input beyond that (without reading the rest). */
async function readLimited(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared && Number(declared) > maxBytes) throw invalid("errors.bodyTooLarge");
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw invalid("errors.bodyTooLarge");
    }
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
 * Parses the request's JSON body. Returns `{}` for an empty body (so a schema reports the missing fields);
 * throws DomainError("invalid_input") for a non-JSON content type, a body over `maxBytes`, invalid UTF-8 or
 * malformed JSON.
 */
export async function readJsonBody(req: Request, { maxBytes = MAX_JSON_BODY_BYTES }: { maxBytes?: number } = {}): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(req, maxBytes);
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
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid("errors.malformedJson");
  }
}
