// The email outbox as platform admins see it (/admin/kotak-keluar): recent rows with their text, status,
// attempts and last error, counts by status, and whether SMTP is configured. Emails can carry personal links
// (invitation claims), so only platform owners/admins ("platform:admin") may read them; anyone else gets 404.
import "server-only";
import { authorize, ACTORS } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db";
import type { EmailStatus } from "@/lib/db/generated/enums";
import { isDomainError, notFound } from "@/lib/errors";
import { smtpConfigured } from "./outbox";

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  sendAfter: Date;
  sentAt: Date | null;
  createdAt: Date;
}

export interface OutboxOverview {
  smtpConfigured: boolean;
  counts: Record<EmailStatus, number>;
  rows: OutboxRow[];
}

export async function getOutboxOverview(actor: Actor | null, opts: { limit?: number } = {}): Promise<OutboxOverview> {
  try {
    authorize(actor, { orgTypes: ACTORS.platform, permission: "platform:admin" });
  } catch (err) {
    if (isDomainError(err) && err.code === "forbidden") throw notFound();
    throw err;
  }
  const limit = Math.max(1, Math.min(opts.limit ?? 100, 500));
  const [rows, grouped] = await Promise.all([
    db.emailOutbox.findMany({
      select: {
        id: true,
        to: true,
        subject: true,
        text: true,
        status: true,
        attempts: true,
        lastError: true,
        sendAfter: true,
        sentAt: true,
        createdAt: true,
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    }),
    db.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts: Record<EmailStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  return { smtpConfigured: smtpConfigured(), counts, rows };
}
