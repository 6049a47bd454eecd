// Audit log: every state change that matters (verification decisions, RFQ and quote transitions,
// agreement changes) is written in the same transaction as the change itself.
import type { Prisma } from "@/lib/db/generated/client";
import type { AuditAction } from "./actions";

type Tx = { auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): Promise<unknown> } };

export interface AuditEntry {
  organizationId?: string | null;
  actorId?: string | null;
  /** One of lib/audit/actions.ts (the activity log has a sentence for each). */
  action: AuditAction;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
}

export async function audit(tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      organizationId: entry.organizationId ?? null,
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: entry.data ?? {},
    },
  });
}
