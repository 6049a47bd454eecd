// Delivering the email outbox (EmailOutbox rows written by notify() in the same transaction as the change).
// Safe with any number of app instances on one PostgreSQL (ADR 0013), and no email is sent twice by two
// instances however slow the SMTP server is (issue 11):
//
//   1. claim ONE due row at a time, atomically —
//        UPDATE … SET status='sending', "leaseToken"=<random>, "sendAfter"=now+lease, attempts+1
//         WHERE id = (SELECT id … FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING …
//      so two deliverers never take the same row; the lease (SENDING_LEASE_MS) is per message, taken just
//      before that message is handed to SMTP (a batch claimed at once would see its last messages' leases run
//      out while the first ones were still being sent);
//   2. send it through the transport (nodemailer, SMTP_URL, from MAIL_FROM) while a heartbeat renews the
//      lease every third of its length — as long as this process is alive and sending, nobody else may take
//      the row; only a deliverer that died (or lost the database for a whole lease) leaves a row to be taken
//      again after its lease, which is what the lease is for;
//   3. record the outcome only under the claim's token: sent → 'sent' + sentAt; an error → back to 'pending'
//      with `sendAfter` pushed back exponentially (1, 2, 4 … minutes, at most 6 h) and the error kept, or
//      'failed' after MAX_ATTEMPTS attempts. A deliverer whose claim was taken over changes nothing.
//
// Without SMTP_URL nothing is claimed or sent: rows stay 'pending' and /admin/kotak-keluar shows them as
// "would have been sent" (development). Configuring SMTP later delivers the ones still young enough:
// rows that waited longer than MAX_AGE are marked 'failed' ("expired") instead of arriving days late.
// Leases compare the app servers' clocks (keep them NTP-synchronized; a skew eats into the lease).
import "server-only";
import { randomUUID } from "node:crypto";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import { db } from "@/lib/db";

const MAX_ATTEMPTS = 6;
/** How long a claim holds a row in 'sending' without renewal (renewed every third of it while sending). */
export const SENDING_LEASE_MS = 10 * 60_000;
const BASE_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;
/** Older unsent emails are given up (an invitation or a deadline reminder days late helps nobody). */
export const MAX_AGE_MS = 3 * 24 * 60 * 60_000;

export interface MailConfig {
  /** smtp://user:pass@host:587 (or smtps://…:465); null when email is not configured. */
  smtpUrl: string | null;
  from: string;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  return { smtpUrl, from: env.MAIL_FROM?.trim() || "Rantai <no-reply@rantai.local>" };
}

export function smtpConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return mailConfig(env).smtpUrl !== null;
}

/** 1 min after the first failure, then 2, 4, 8 … minutes, at most 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

const globalForMail = globalThis as unknown as { __rantaiMail?: { url: string; transport: Transporter } };

/** The process's SMTP transport (a connection pool), made once per SMTP_URL. */
function smtpTransport(url: string): Transporter {
  const cached = globalForMail.__rantaiMail;
  if (cached?.url === url) return cached.transport;
  const transport = nodemailer.createTransport(url);
  globalForMail.__rantaiMail = { url, transport };
  return transport;
}

/** What delivery needs of a transport: nodemailer's Transporter, or any object that sends one message. */
export interface MailTransport {
  sendMail(mail: SendMailOptions): Promise<unknown>;
}

export interface DeliverOptions {
  /** At most this many emails per call (default 20). */
  limit?: number;
  /** A transport to use instead of SMTP_URL (tests pass nodemailer's `jsonTransport`, or a slow fake). */
  transport?: MailTransport;
  from?: string;
  /** The clock's reading at the start of the call (tests); it advances in real time from there. */
  now?: Date;
  maxAttempts?: number;
  /** Lease length (default SENDING_LEASE_MS); renewed every third of it while a message is being sent. */
  leaseMs?: number;
}

export interface DeliverResult {
  /** false: SMTP is not configured and no transport was given; nothing was touched. */
  configured: boolean;
  claimed: number;
  /** Ids of the emails handed to the transport successfully. */
  sent: string[];
  /** Will be tried again later. */
  retrying: number;
  /** Given up (too many attempts, or too old). */
  failed: number;
  /** Claims that another deliverer took over while this one was sending (its outcome was not recorded). */
  lost: number;
}

interface Claimed {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/** Sends what is due. Returns what happened; never throws for a single email's failure. */
export async function deliverOutbox(opts: DeliverOptions = {}): Promise<DeliverResult> {
  const config = mailConfig();
  const transport: MailTransport | null = opts.transport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl) : null);
  const result: DeliverResult = { configured: transport !== null, claimed: 0, sent: [], retrying: 0, failed: 0, lost: 0 };
  if (!transport) return result;

  const startedAt = Date.now();
  const clock = () => new Date((opts.now?.getTime() ?? startedAt) + (Date.now() - startedAt));
  const limit = Math.max(1, Math.min(opts.limit ?? 20, 500));
  const maxAttempts = opts.maxAttempts ?? MAX_ATTEMPTS;
  const leaseMs = Math.max(50, opts.leaseMs ?? SENDING_LEASE_MS);
  const from = opts.from ?? config.from;

  // Give up on what is too old, or was claimed maxAttempts times and never came back (the process died).
  const now = clock();
  result.failed += await db.$executeRaw`
    UPDATE "EmailOutbox"
       SET status = 'failed', "leaseToken" = NULL,
           "lastError" = CASE WHEN status = 'sending' THEN 'delivery interrupted ' || attempts || ' times; gave up'
                              ELSE coalesce("lastError" || ' — ', '') || 'expired before delivery' END
     WHERE (status = 'pending' AND "createdAt" < ${new Date(now.getTime() - MAX_AGE_MS)})
        OR (status = 'sending' AND "sendAfter" <= ${now} AND attempts >= ${maxAttempts})`;

  while (result.claimed < limit) {
    const token = randomUUID();
    const claimedAt = clock();
    const [mail] = await db.$queryRaw<Claimed[]>`
      UPDATE "EmailOutbox"
         SET status = 'sending', attempts = attempts + 1, "leaseToken" = ${token}, "sendAfter" = ${new Date(claimedAt.getTime() + leaseMs)}
       WHERE id = (
               SELECT id FROM "EmailOutbox"
                WHERE status IN ('pending', 'sending') AND "sendAfter" <= ${claimedAt} AND attempts < ${maxAttempts}
                ORDER BY "sendAfter", id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
         AND status IN ('pending', 'sending') AND "sendAfter" <= ${claimedAt}
      RETURNING id, "to", subject, text, html, attempts`;
    if (!mail) break;
    result.claimed += 1;

    // Keep the claim while the SMTP server works, however long it takes.
    let held = true;
    const renew = async () => {
      const n = await db.$executeRaw`
        UPDATE "EmailOutbox" SET "sendAfter" = ${new Date(clock().getTime() + leaseMs)}
         WHERE id = ${mail.id} AND status = 'sending' AND "leaseToken" = ${token}`;
      if (n === 0) held = false;
    };
    const heartbeat = setInterval(
      () => {
        renew().catch((err) => console.error("[notifications] outbox lease renewal failed", err));
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref?.();

    let outcome: { ok: true } | { ok: false; err: unknown };
    try {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) });
      outcome = { ok: true };
    } catch (err) {
      outcome = { ok: false, err };
    } finally {
      clearInterval(heartbeat);
    }

    if (outcome.ok) {
      const n = await db.$executeRaw`
        UPDATE "EmailOutbox" SET status = 'sent', "sentAt" = ${new Date()}, "lastError" = NULL, "leaseToken" = NULL
         WHERE id = ${mail.id} AND status = 'sending' AND "leaseToken" = ${token}`;
      result.sent.push(mail.id);
      if (n === 0 || !held) {
        result.lost += 1;
        console.error(
          `[notifications] outbox: email ${mail.id} was sent after its lease was taken over (the database was unreachable for a whole lease?)`,
        );
      }
    } else {
      const giveUp = mail.attempts >= maxAttempts;
      const retryAt = new Date(now.getTime() + backoffMs(mail.attempts)); // from the round's start, as before
      const n = await db.$executeRaw`
        UPDATE "EmailOutbox"
           SET status = ${giveUp ? "failed" : "pending"}::"EmailStatus", "lastError" = ${errorText(outcome.err)}, "sendAfter" = ${retryAt}, "leaseToken" = NULL
         WHERE id = ${mail.id} AND status = 'sending' AND "leaseToken" = ${token}`;
      if (n === 0) result.lost += 1;
      else if (giveUp) result.failed += 1;
      else result.retrying += 1;
    }
  }
  return result;
}
