// Uploaded documents (certificate scans, later product photos): size-limited, type decided by the CONTENT
// (magic bytes), never by the client's file name or Content-Type, and stored in PostgreSQL (StoredFile,
// ADR 0003) — never under public/. Downloads go through app/api/files/[id]/route.ts, which checks access.
//
// Two phases so that a refused upload changes nothing: prepareUpload() validates and reads the bytes before
// any transaction; storePreparedUpload() writes the row inside the caller's transaction.
import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { FileKind } from "@/lib/db/generated/enums";
import { invalidInput } from "@/lib/errors";
import { MULTIPART_OVERHEAD_BYTES } from "./limits";

/** 5 MB: enough for a scanned certificate or a phone photo of it. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export { MULTIPART_OVERHEAD_BYTES } from "./limits";

/** The most an upload endpoint reads of a request carrying one document (issue 11: 413 beyond, at once). */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES;

const UPLOAD_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
} as const;
type UploadMime = keyof typeof UPLOAD_TYPES;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/** Every type Rantai recognises by content. Each upload kind accepts a subset (documents: no WebP). */
export type SniffedMime = UploadMime | "image/webp";

/**
 * The type by magic bytes at offset 0: "%PDF-", JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, WebP "RIFF" ….
 * "WEBP". Anything else → null. The one place that decides a file's type; callers pick what they accept.
 */
export function sniffFileType(bytes: Uint8Array): SniffedMime | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

const DOCUMENT_TYPES: readonly UploadMime[] = ["application/pdf", "image/jpeg", "image/png"];

/** A document's type (PDF, JPEG, PNG) by magic bytes; anything else (WebP included) → null. */
export function detectFileType(bytes: Uint8Array): UploadMime | null {
  const t = sniffFileType(bytes);
  return t && (DOCUMENT_TYPES as readonly string[]).includes(t) ? (t as UploadMime) : null;
}

/** A file-like value (File from FormData, or Blob with a name). */
export interface UploadSource {
  readonly size: number;
  readonly name?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * True for a chosen file. An empty file input submits an empty File whose name depends on the browser and
 * the transport ("", "blob", "undefined" — a browser form sent by a React action arrives as "blob"), so any
 * zero-byte file means "no file" (a certificate saved without its document was refused as "empty file").
 */
export function isUploadPresent(v: unknown): v is UploadSource {
  if (!v || typeof v !== "object" || typeof (v as Blob).arrayBuffer !== "function") return false;
  return (v as UploadSource).size > 0;
}

/** A safe base name (no extension): no path, no control or quote characters, at most `max` characters. */
export function safeBaseName(name: string | undefined, fallback: string, max = 100): string {
  const base = (name ?? "")
    .split(/[\\/]/)
    .pop()!
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>:*?|;]/g, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
  return base || fallback;
}

/** A safe display/download name: no path, no control or quote characters, the extension of the real type. */
function safeFilename(name: string | undefined, mime: UploadMime): string {
  return `${safeBaseName(name, "dokumen")}.${UPLOAD_TYPES[mime]}`;
}

/** Message keys for the refusals of readCheckedUpload (per upload kind, so each form speaks its language). */
interface UploadRefusals {
  tooLarge: string;
  empty: string;
  type: string;
}

/**
 * The shared checks of every upload: declared size (before reading) and real size at most `maxBytes`, not
 * empty, and a type by content (sniffFileType) among `accept` — whatever the file's name and declared type.
 * Refusals are invalid_input on `field` with the given message keys. Returns the bytes and the real type.
 */
export async function readCheckedUpload<M extends SniffedMime>(
  file: UploadSource,
  opts: { field: string; maxBytes: number; accept: readonly M[]; refusals: UploadRefusals },
): Promise<{ content: Uint8Array<ArrayBuffer>; mimeType: M }> {
  const { field, maxBytes, accept, refusals } = opts;
  if (file.size > maxBytes) throw invalidInput({ [field]: [refusals.tooLarge] });
  const content = new Uint8Array(await file.arrayBuffer());
  if (content.byteLength === 0) throw invalidInput({ [field]: [refusals.empty] });
  if (content.byteLength > maxBytes) throw invalidInput({ [field]: [refusals.tooLarge] });
  const sniffed = sniffFileType(content);
  if (!sniffed || !(accept as readonly string[]).includes(sniffed)) throw invalidInput({ [field]: [refusals.type] });
  return { content, mimeType: sniffed as M };
}

interface PreparedUpload {
  filename: string;
  mimeType: UploadMime;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array<ArrayBuffer>;
}

/**
 * Validates an upload and reads it. Refusals are invalid_input on `field`: empty, over MAX_UPLOAD_BYTES
 * (checked on the declared size before reading, and on the bytes read), or content that is not PDF/JPEG/PNG
 * whatever its name and declared type.
 */
export async function prepareUpload(file: UploadSource, field = "document"): Promise<PreparedUpload> {
  const { content, mimeType } = await readCheckedUpload(file, {
    field,
    maxBytes: MAX_UPLOAD_BYTES,
    accept: DOCUMENT_TYPES,
    refusals: { tooLarge: "suppliers.errors.fileTooLarge", empty: "suppliers.errors.fileEmpty", type: "suppliers.errors.fileType" },
  });
  return {
    filename: safeFilename(file.name, mimeType),
    mimeType,
    sizeBytes: content.byteLength,
    sha256: createHash("sha256").update(content).digest("hex"),
    content,
  };
}

type Tx = Pick<Prisma.TransactionClient, "storedFile">;

/** Writes a prepared upload for `organizationId` (inside the caller's transaction); returns the new file's id. */
export async function storePreparedUpload(
  tx: Tx,
  owner: { organizationId: string; uploadedById: string | null; kind: FileKind },
  upload: PreparedUpload,
): Promise<string> {
  const row = await tx.storedFile.create({
    data: {
      ...owner,
      filename: upload.filename,
      mimeType: upload.mimeType,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      content: upload.content,
    },
    select: { id: true },
  });
  return row.id;
}
