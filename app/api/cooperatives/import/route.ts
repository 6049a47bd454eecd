// POST /api/cooperatives/import: a cooperative's member CSV (multipart field "file", or the CSV as the raw
// body), answered as a stream of NDJSON lines: {type:"progress",…} after each committed batch, then
// {type:"done",…} (or {type:"error",…} when the file is refused and nothing was imported).
// Session auth; lib/cooperatives/import.ts authorizes (cooperative, "cooperative:members:manage").
import { getActor } from "@/lib/auth/session";
import { authorize, ACTORS } from "@/lib/auth/authorize";
import { isDomainError } from "@/lib/errors";
import { importMembersCsv, importFileErrorMessage } from "@/lib/cooperatives/import";
import { MAX_IMPORT_BYTES } from "@/lib/cooperatives/import-parse";
import type { Locale } from "@/lib/i18n/config";
import { registerRawRoute } from "@/lib/api/openapi";
import { readBytesLimited, readFormDataLimited } from "@/lib/api/body";
import { MULTIPART_OVERHEAD_BYTES } from "@/lib/files/upload";

registerRawRoute({
  method: "post",
  path: "/api/cooperatives/import",
  summary: "Cooperative member CSV import (signed-in UI session only; streams NDJSON progress)",
  tags: ["Cooperatives"],
  security: [],
  responses: {
    200: {
      description: "NDJSON lines: {type:progress} per batch of 500, then {type:done} or {type:error}",
      content: { "application/x-ndjson": { schema: { type: "string" } } },
    },
    401: { description: "Not signed in" },
    403: { description: "Not a cooperative member allowed to manage members" },
    413: { description: "File over 10 MB (reading stops at the limit, declared length or not)" },
  },
});

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function localeOf(request: Request): Locale {
  const cookie = request.headers.get("cookie") ?? "";
  return /(?:^|;\s*)NEXT_LOCALE=en\b/.test(cookie) ? "en" : "id";
}

function jsonError(status: number, key: string, message: string) {
  // Refused before the body was read to its end (401, 403, 413 …; issue 11): close the connection rather than
  // let the server read the rest.
  return Response.json({ type: "error", key, message }, { status, headers: { connection: "close" } });
}

export async function POST(request: Request) {
  const locale = localeOf(request);
  const actor = await getActor();
  try {
    authorize(actor, { orgTypes: ACTORS.cooperative, permission: "cooperative:members:manage", write: true });
  } catch (err) {
    if (isDomainError(err)) return jsonError(err.code === "unauthorized" ? 401 : 403, err.code, err.code);
    throw err;
  }
  // Reading stops at the limit (issue 11): 413 on a declared length over it before any byte is read, and as
  // soon as a chunked (or lying) body passes it — the rest is never pulled.
  let text: string;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await readFormDataLimited(request, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD_BYTES);
      const file = form.get("file");
      if (!file || typeof file === "string" || file.size === 0) return jsonError(400, "noFile", importFileErrorMessage(locale, "noFile"));
      if (file.size > MAX_IMPORT_BYTES) return jsonError(413, "fileTooLarge", importFileErrorMessage(locale, "fileTooLarge"));
      text = new TextDecoder("utf-8").decode(await file.arrayBuffer());
    } else {
      text = new TextDecoder("utf-8").decode(await readBytesLimited(request, MAX_IMPORT_BYTES));
    }
  } catch (err) {
    if (isDomainError(err) && err.code === "payload_too_large")
      return jsonError(413, "fileTooLarge", importFileErrorMessage(locale, "fileTooLarge"));
    if (isDomainError(err)) return jsonError(400, "noFile", importFileErrorMessage(locale, "noFile"));
    throw err;
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        const result = await importMembersCsv(actor, text, { locale, onProgress: (p) => send(p) });
        send(result);
      } catch (err) {
        console.error("cooperative import failed", err);
        send({ type: "error", key: isDomainError(err) ? err.code : "internal", message: isDomainError(err) ? err.code : "internal" });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}
