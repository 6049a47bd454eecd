// Delivering the email outbox (EmailOutbox rows written by notify() in the same transaction as the change).
// Safe with any number of app instances on one PostgreSQL (ADR 0013):
//
//   1. claim: one statement moves up to `limit` due rows to 'sending' —
//        UPDATE … SET status='sending' WHERE id IN (SELECT id … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING …
//      so two deliverers never take the same row; the claim also counts the attempt and sets `sendAfter` to
//      a lease (now + 10 min): a row left in 'sending' by a process that died is due again after that;
//   2. send each through nodemailer (SMTP_URL, from MAIL_FROM);
//   3. sent → 'sent' + sentAt; an error → back to 'pending' with `sendAfter` pushed back exponentially
//      (1, 2, 4 … minutes, at most 6 h) and the error kept, or 'failed' after MAX_ATTEMPTS attempts.
//
// Without SMTP_URL nothing is claimed or sent: rows stay 'pending' and /admin/kotak-keluar shows them as
// "would have been sent" (development). Configuring SMTP later delivers the ones still young enough:
// rows that waited longer than MAX_AGE are marked 'failed' ("expired") instead of arriving days late.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";

export const MAX_ATTEMPTS = 6;
/** How long a claim holds a row in 'sending' before another deliverer may take it again. */
export const SENDING_LEASE_MS = 10 * 60_000;
export const BASE_BACKOFF_MS = 60_000;
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

export interface DeliverOptions {
  /** At most this many emails per call (default 20). */
  limit?: number;
  /** A nodemailer transport to use instead of SMTP_URL (tests pass `jsonTransport`). */
  transport?: Transporter;
  from?: string;
  now?: Date;
  maxAttempts?: number;
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
  const transport = opts.transport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl) : null);
  const result: DeliverResult = { configured: transport !== null, claimed: 0, sent: [], retrying: 0, failed: 0 };
  if (!transport) return result;

  const now = opts.now ?? new Date();
  const limit = Math.max(1, Math.min(opts.limit ?? 20, 500));
  const maxAttempts = opts.maxAttempts ?? MAX_ATTEMPTS;
  const from = opts.from ?? config.from;

  // Give up on what is too old, or was claimed maxAttempts times and never came back (the process died).
  result.failed += await db.$executeRaw`
    UPDATE "EmailOutbox"
       SET status = 'failed',
           "lastError" = CASE WHEN status = 'sending' THEN 'delivery interrupted ' || attempts || ' times; gave up'
                              ELSE coalesce("lastError" || ' — ', '') || 'expired before delivery' END
     WHERE (status = 'pending' AND "createdAt" < ${new Date(now.getTime() - MAX_AGE_MS)})
        OR (status = 'sending' AND "sendAfter" <= ${now} AND attempts >= ${maxAttempts})`;

  const lease = new Date(now.getTime() + SENDING_LEASE_MS);
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "EmailOutbox"
       SET status = 'sending', attempts = attempts + 1, "sendAfter" = ${lease}
     WHERE id IN (
             SELECT id FROM "EmailOutbox"
              WHERE status IN ('pending', 'sending') AND "sendAfter" <= ${now} AND attempts < ${maxAttempts}
              ORDER BY "sendAfter", id
              LIMIT ${limit}
              FOR UPDATE SKIP LOCKED)
       AND status IN ('pending', 'sending') AND "sendAfter" <= ${now}
    RETURNING id, "to", subject, text, html, attempts`;
  result.claimed = claimed.length;

  for (const mail of claimed) {
    try {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) });
      await db.$executeRaw`
        UPDATE "EmailOutbox" SET status = 'sent', "sentAt" = ${new Date()}, "lastError" = NULL
         WHERE id = ${mail.id} AND status = 'sending'`;
      result.sent.push(mail.id);
    } catch (err) {
      const giveUp = mail.attempts >= maxAttempts;
      const retryAt = new Date(now.getTime() + backoffMs(mail.attempts));
      await db.$executeRaw`
        UPDATE "EmailOutbox"
           SET status = ${giveUp ? "failed" : "pending"}::"EmailStatus", "lastError" = ${errorText(err)}, "sendAfter" = ${retryAt}
         WHERE id = ${mail.id} AND status = 'sending'`;
      if (giveUp) result.failed += 1;
      else result.retrying += 1;
    }
  }
  return result;
}
