// The firm's opt-in to publish its Indeks Kemitraan (issue 13): index:publish (owners, admins, members and
// approvers of a buyer), verified buyers only (a published grade is shown to everyone). Audited.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { ACTORS, authorize, requireVerified } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";

export async function setIndexPublished(actor: Actor | null, publish: boolean): Promise<{ publishedAt: Date | null }> {
  const a = requireVerified(authorize(actor, { orgTypes: ACTORS.buyer, permission: "index:publish", write: true }));
  const id = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id }, select: { indexPublishedAt: true } });
    if ((before.indexPublishedAt !== null) === publish) return { publishedAt: before.indexPublishedAt };
    const org = await tx.organization.update({
      where: { id },
      data: { indexPublishedAt: publish ? new Date() : null },
      select: { indexPublishedAt: true },
    });
    await audit(tx, {
      organizationId: id,
      actorId: a.user.id,
      action: publish ? "partnership_index.published" : "partnership_index.withdrawn",
      entityType: "Organization",
      entityId: id,
    });
    return { publishedAt: org.indexPublishedAt };
  });
}
