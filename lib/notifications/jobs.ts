// The app process's background work, started by instrumentation.ts in every server instance: every
// JOB_INTERVAL_MS, sweep the deadline reminders (they write outbox rows) and then deliver the outbox; at most
// every CERTIFICATE_SWEEP_INTERVAL_MS, the certificate-expiry reminders (issue 16; once each by a unique key).
// Both are safe to run in several instances at once (row claims with SKIP LOCKED, ADR 0013; the outbox leases
// each email and renews the lease while SMTP works, so none is sent twice — issue 11); the timer is
// unref'd so it never keeps a process alive, and a tick never overlaps the previous one in this process.
import "server-only";
import { sweepCertificateExpiry } from "./certificate-expiry";
import { sweepDeadlineReminders } from "./deadlines";
import { deliverOutbox, smtpConfigured } from "./outbox";

const DEFAULT_JOB_INTERVAL_MS = 15_000;
/** Certificate expiry is counted in days: a sweep every 10 minutes per process is plenty. */
const CERTIFICATE_SWEEP_INTERVAL_MS = 10 * 60_000;

const certificateSweep = globalThis as unknown as { __rantaiCertificateSweepAt?: number };

/** One round: reminders, then the outbox. Errors are logged, never thrown (the next tick tries again). */
async function runNotificationJobs(now: Date = new Date()): Promise<void> {
  try {
    const swept = await sweepDeadlineReminders({ now });
    if (swept.rfqIds.length) console.log(`[notifications] deadline reminders: ${swept.rfqIds.length} RFQ(s), ${swept.notified} people`);
  } catch (err) {
    console.error("[notifications] deadline sweep failed", err);
  }
  try {
    const last = certificateSweep.__rantaiCertificateSweepAt;
    if (last === undefined || now.getTime() - last >= CERTIFICATE_SWEEP_INTERVAL_MS || now.getTime() < last) {
      certificateSweep.__rantaiCertificateSweepAt = now.getTime();
      const r = await sweepCertificateExpiry({ now });
      if (r.sent.length) console.log(`[notifications] certificate expiry: ${r.sent.length} reminder(s), ${r.notified} people`);
    }
  } catch (err) {
    console.error("[notifications] certificate expiry sweep failed", err);
  }
  try {
    // Drain what is due, a batch at a time (bounded per tick).
    for (let round = 0; round < 10; round++) {
      const r = await deliverOutbox({ limit: 50 });
      if (r.sent.length || r.retrying || r.failed || r.lost) {
        console.log(
          `[notifications] outbox: ${r.sent.length} sent, ${r.retrying} to retry, ${r.failed} given up${r.lost ? `, ${r.lost} lease(s) lost` : ""}`,
        );
      }
      if (!r.configured || r.claimed < 50) break;
    }
  } catch (err) {
    console.error("[notifications] outbox delivery failed", err);
  }
}

const state = globalThis as unknown as { __rantaiJobs?: ReturnType<typeof setInterval> };

/** Starts the periodic loop once per process (a second call does nothing). */
export function startNotificationJobs(intervalMs: number = DEFAULT_JOB_INTERVAL_MS): void {
  if (state.__rantaiJobs) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runNotificationJobs();
    } finally {
      running = false;
    }
  };
  state.__rantaiJobs = setInterval(() => void tick(), intervalMs);
  state.__rantaiJobs.unref?.();
  console.log(
    `[notifications] background jobs every ${Math.round(intervalMs / 1000)} s; email ${smtpConfigured() ? "via SMTP_URL" : "not configured (SMTP_URL unset): emails stay in the outbox, see /admin/kotak-keluar"}`,
  );
}
