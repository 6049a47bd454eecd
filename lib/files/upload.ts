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

/** 5 MB: enough for a scanned certificate or a phone photo of it. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const UPLOAD_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
} as const;
export type UploadMime = keyof typeof UPLOAD_TYPES;

/** What the file input's `accept` attribute says (a hint for the picker only; the server checks content). */
export const UPLOAD_ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/** The type by magic bytes: "%PDF-", JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A. Anything else → null. */
export function detectFileType(bytes: Uint8Array): UploadMime | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return null;
}

/** A file-like value (File from FormData, or Blob with a name). */
export interface UploadSource {
  readonly size: number;
  readonly name?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** True for a chosen file; an empty file input submits a nameless, empty File, which means "no file". */
export function isUploadPresent(v: unknown): v is UploadSource {
  if (!v || typeof v !== "object" || typeof (v as Blob).arrayBuffer !== "function") return false;
  const f = v as UploadSource;
  return f.size > 0 || Boolean(f.name);
}

/** A safe display/download name: no path, no control or quote characters, the extension of the real type. */
export function safeFilename(name: string | undefined, mime: UploadMime): string {
  const base = (name ?? "")
    .split(/[\\/]/)
    .pop()!
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>:*?|;]/g, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
  return `${base || "dokumen"}.${UPLOAD_TYPES[mime]}`;
}

export interface PreparedUpload {
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
  if (file.size > MAX_UPLOAD_BYTES) throw invalidInput({ [field]: ["suppliers.errors.fileTooLarge"] });
  const buffer = await file.arrayBuffer();
  const content = new Uint8Array(buffer);
  if (content.byteLength === 0) throw invalidInput({ [field]: ["suppliers.errors.fileEmpty"] });
  if (content.byteLength > MAX_UPLOAD_BYTES) throw invalidInput({ [field]: ["suppliers.errors.fileTooLarge"] });
  const mimeType = detectFileType(content);
  if (!mimeType) throw invalidInput({ [field]: ["suppliers.errors.fileType"] });
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
    data: { ...owner, filename: upload.filename, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes, sha256: upload.sha256, content: upload.content },
    select: { id: true },
  });
  return row.id;
}
