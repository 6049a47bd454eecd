// The one way Rantai sends a file to a browser or API client (uploaded documents, RFQ and quote attachments,
// CSV exports and templates): a Content-Disposition that survives any file name (an ASCII fallback plus the
// RFC 5987 UTF-8 form, quotes and backslashes replaced), the detected type with nosniff, and no caching of
// private files by shared caches.

export type Disposition = "inline" | "attachment";

/** `attachment; filename="..."; filename*=UTF-8''...` — safe for any user-supplied file name. */
function contentDisposition(kind: Disposition, filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export interface DownloadFile {
  content: Uint8Array | string;
  filename: string;
  /** The type detected from the content at upload (never the client's), or the export's own type. */
  mimeType: string;
  disposition?: Disposition;
  /** A content hash for conditional requests. */
  etag?: string;
  /** "private" (default): a member's file, never stored by shared caches. "public": the same for everyone. */
  cache?: "private" | "public";
  /** Extra headers (e.g. a row count of an export). */
  headers?: Record<string, string>;
}

export function downloadResponse(file: DownloadFile): Response {
  const body = typeof file.content === "string" ? file.content : new Uint8Array(file.content);
  const length = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  const headers: Record<string, string> = {
    "content-type": file.mimeType,
    "content-length": String(length),
    "content-disposition": contentDisposition(file.disposition ?? "attachment", file.filename),
    "x-content-type-options": "nosniff",
    "cache-control": file.cache === "public" ? "public, max-age=3600" : "private, no-store",
    ...(file.cache === "public" ? {} : { "cross-origin-resource-policy": "same-origin" }),
    ...(file.etag ? { etag: `"${file.etag}"` } : {}),
    ...file.headers,
  };
  return new Response(body, { status: 200, headers });
}
