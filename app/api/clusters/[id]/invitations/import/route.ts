// POST /api/clusters/{id}/invitations/import: the cluster manager's bulk invitation CSV of NIB (multipart field
// "file", or the CSV as the raw body), answered as a stream of NDJSON lines: {type:"progress",…} after each batch,
// then {type:"done",…} (or {type:"error",…} when the file is refused and nothing was done). Session auth (the
// manager's page); lib/clusters/bulk-invite.ts authorizes (verified cluster owner, its own cluster, else 404).
import { getActor } from "@/lib/auth/session";
import { authorize, requireVerified, ACTORS } from "@/lib/auth/authorize";
import { isDomainError } from "@/lib/errors";
import { assertManagedCluster, bulkInviteCsv, inviteFileErrorMessage, MAX_INVITE_BYTES } from "@/lib/clusters/bulk-invite";
import type { Locale } from "@/lib/i18n/config";
import { registerRawRoute } from "@/lib/api/openapi";
import { readBytesLimited, readFormDataLimited } from "@/lib/api/body";
import { MULTIPART_OVERHEAD_BYTES } from "@/lib/files/upload";

registerRawRoute({
  method: "post",
  path: "/api/clusters/{id}/invitations/import",
  summary: "Cluster bulk invitation by CSV of NIB (signed-in UI session only; streams NDJSON progress)",
  tags: ["Clusters"],
  security: [],
  responses: {
    200: {
      description: "NDJSON lines: {type:progress} per batch of 1,000 rows, then {type:done} or {type:error}",
      content: { "application/x-ndjson": { schema: { type: "string" } } },
    },
    401: { description: "Not signed in" },
    403: { description: "Not a verified cluster manager, ministry office or regional government" },
    404: { description: "Not the caller's cluster" },
    413: { description: "File over 10 MB" },
  },
});

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function localeOf(request: Request): Locale {
  const cookie = request.headers.get("cookie") ?? "";
  return /(?:^|;\s*)NEXT_LOCALE=en\b/.test(cookie) ? "en" : "id";
}

function jsonError(status: number, key: string, message: string) {
  return Response.json({ type: "error", key, message }, { status, headers: { connection: "close" } });
}

const STATUS: Record<string, number> = { unauthorized: 401, not_found: 404 };

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const locale = localeOf(request);
  const { id } = await params;
  const actor = await getActor();
  try {
    requireVerified(authorize(actor, { orgTypes: ACTORS.clusterOwners, permission: "cluster:manage", write: true }));
  } catch (err) {
    if (isDomainError(err)) return jsonError(STATUS[err.code] ?? 403, err.code, err.code);
    throw err;
  }
  let text: string;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await readFormDataLimited(request, MAX_INVITE_BYTES + MULTIPART_OVERHEAD_BYTES);
      const file = form.get("file");
      if (!file || typeof file === "string" || file.size === 0) return jsonError(400, "noFile", inviteFileErrorMessage(locale, "noFile"));
      if (file.size > MAX_INVITE_BYTES) return jsonError(413, "fileTooLarge", inviteFileErrorMessage(locale, "fileTooLarge"));
      text = new TextDecoder("utf-8").decode(await file.arrayBuffer());
    } else {
      text = new TextDecoder("utf-8").decode(await readBytesLimited(request, MAX_INVITE_BYTES));
    }
  } catch (err) {
    if (isDomainError(err) && err.code === "payload_too_large")
      return jsonError(413, "fileTooLarge", inviteFileErrorMessage(locale, "fileTooLarge"));
    if (isDomainError(err)) return jsonError(400, "noFile", inviteFileErrorMessage(locale, "noFile"));
    throw err;
  }
  // Another manager's cluster: 404 before the stream starts.
  try {
    await assertManagedCluster(actor, id);
  } catch (err) {
    if (isDomainError(err)) return jsonError(STATUS[err.code] ?? 403, err.code, err.code);
    throw err;
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        send(await bulkInviteCsv(actor, id, text, { locale, onProgress: (p) => send(p) }));
      } catch (err) {
        console.error("cluster bulk invite failed", err);
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
