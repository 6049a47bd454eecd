// Who may download a stored file: members of the organization that owns it, and platform admins who verify
// organizations (they review certificate documents). Everyone else gets "not found", like a missing file.
import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { notFound, unauthorized } from "@/lib/errors";

export async function getFileForDownload(actor: Actor | null, fileId: string) {
  if (!actor) throw unauthorized();
  const memberOf = actor.user.memberships.map((m) => m.organizationId);
  const reviewer = actor.user.memberships.some((m) => m.organizationType === "platform" && can(m, "platform:verify"));
  const file = await db.storedFile.findFirst({
    where: reviewer
      ? { id: fileId }
      : { id: fileId, organizationId: { in: memberOf }, organization: { memberships: { some: { userId: actor.user.id } } } },
    select: { id: true, filename: true, mimeType: true, sizeBytes: true, sha256: true, content: true, createdAt: true },
  });
  if (!file) throw notFound();
  return file;
}
