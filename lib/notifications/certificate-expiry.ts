// issue 16: "your certificate expires in 60 / 30 / 7 days" and "… expired today", once per certificate,
// threshold and validity date — with any number of app instances sweeping, and across restarts.
//
// Days are counted in the organization's time zone: the province of the supplier profile (else of the
// organization) through timeZoneForProvince — WIB, WITA or WIT, WIB when unknown. A certificate valid until
// 31 December has 7 days left on 24 December there.
//
// Each sweep walks the certificates whose validity ends between 7 days ago and 61 days ahead (keyset order,
// skipping in SQL those whose current reminder is already recorded) and, per certificate, in ONE transaction:
// re-reads it (a renewal in between wins), inserts CertificateExpiryReminder (certificationId, threshold,
// validUntil) with ON CONFLICT DO NOTHING — the unique key is the once-only guarantee: a concurrent sweeper's
// insert waits for ours and then inserts nothing — and only when a row was inserted writes the notifications
// (every member in the app, owners and admins by e-mail, through notify() and so the users' preferences). A
// failure rolls the reminder row back, so a later sweep tries again.
//
// Only the most urgent threshold reached is sent: a certificate added with 20 days left gets the 30-day
// reminder, not the 60-day one too, and a sweep that was down for a week does not send stale ones. An expiry
// more than EXPIRED_GRACE_DAYS ago is not announced (certificates that expired long before this feature are
// left alone). A renewed certificate (a new validUntil) starts a fresh set.
import "server-only";
import { db } from "@/lib/db";
import { timeZoneForProvince } from "@/lib/i18n/format";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { calendarDay, notify } from "./notify";

export const EXPIRY_THRESHOLDS = [60, 30, 7, 0] as const;
export type ExpiryThreshold = (typeof EXPIRY_THRESHOLDS)[number];
const EXPIRED_GRACE_DAYS = 7;

const DAY_MS = 24 * 60 * 60_000;

/** The reminder due for a certificate with `daysLeft` days of validity left (0 or less: expired), or null. */
export function thresholdFor(daysLeft: number): ExpiryThreshold | null {
  if (daysLeft > 60 || daysLeft < -EXPIRED_GRACE_DAYS) return null;
  return daysLeft <= 0 ? 0 : daysLeft <= 7 ? 7 : daysLeft <= 30 ? 30 : 60;
}

/** "YYYY-MM-DD": the calendar day `now` falls on in `timeZone`. */
const dayIn = (timeZone: string, now: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);

/** Whole days from today (in the zone of `regencyCode`'s province) to `validUntil` (a `@db.Date`, UTC midnight). */
function daysLeft(validUntil: Date, regencyCode: string | null, now: Date): number {
  const today = Date.parse(`${dayIn(timeZoneForProvince(regencyCode), now)}T00:00:00Z`);
  return Math.round((validUntil.getTime() - today) / DAY_MS);
}

function certificateLabel(c: { type: string; name: string | null; number: string }): string {
  return `${c.type === "other" && c.name ? c.name : c.type.toUpperCase()} ${c.number}`;
}

export interface ExpirySweepOptions {
  now?: Date;
  /** At most this many reminders per sweep (default 200; the next sweep continues). */
  limit?: number;
}

export interface ExpirySweepResult {
  /** One entry per reminder this sweep sent. */
  sent: { certificationId: string; threshold: ExpiryThreshold }[];
  /** People notified, summed. */
  notified: number;
}

interface Candidate {
  id: string;
  validUntil: Date;
  regencyCode: string | null;
}

export async function sweepCertificateExpiry(opts: ExpirySweepOptions = {}): Promise<ExpirySweepResult> {
  const now = opts.now ?? new Date();
  const limit = Math.max(1, Math.min(opts.limit ?? 200, 1000));
  const result: ExpirySweepResult = { sent: [], notified: 0 };
  // WIB is the westernmost zone: everywhere else "today" is the same day or the next, so a certificate's true
  // days-left is `d` or `d - 1` with d counted in WIB. The SQL filter below is coarse on purpose (it skips only
  // certificates whose most urgent possible reminder is recorded); daysLeft() decides exactly.
  const todayWib = dayIn("Asia/Jakarta", now);
  const from = new Date(Date.parse(`${todayWib}T00:00:00Z`) - EXPIRED_GRACE_DAYS * DAY_MS).toISOString().slice(0, 10);
  const to = new Date(Date.parse(`${todayWib}T00:00:00Z`) + 61 * DAY_MS).toISOString().slice(0, 10);
  let after: { validUntil: string; id: string } = { validUntil: "0001-01-01", id: "" };

  while (result.sent.length < limit) {
    const page = await db.$queryRaw<Candidate[]>`
      SELECT c.id, c."validUntil", coalesce(sp."regencyCode", o."regencyCode") AS "regencyCode"
        FROM "Certification" c
        JOIN "Organization" o ON o.id = c."organizationId"
        LEFT JOIN "SupplierProfile" sp ON sp."organizationId" = c."organizationId"
       WHERE c."validUntil" BETWEEN ${from}::date AND ${to}::date
         AND (c."validUntil", c.id) > (${after.validUntil}::date, ${after.id})
         AND NOT EXISTS (
               SELECT 1 FROM "CertificateExpiryReminder" r
                WHERE r."certificationId" = c.id AND r."validUntil" = c."validUntil"
                  AND r.threshold <= CASE WHEN c."validUntil" - ${todayWib}::date - 1 <= 0 THEN 0
                                          WHEN c."validUntil" - ${todayWib}::date - 1 <= 7 THEN 7
                                          WHEN c."validUntil" - ${todayWib}::date - 1 <= 30 THEN 30
                                          ELSE 60 END)
       ORDER BY c."validUntil", c.id
       LIMIT 100`;
    if (page.length === 0) break;
    for (const c of page) {
      if (result.sent.length >= limit) break;
      const threshold = thresholdFor(daysLeft(c.validUntil, c.regencyCode, now));
      if (threshold === null) continue;
      const notified = await remind(c, threshold, now);
      if (notified !== null) {
        result.sent.push({ certificationId: c.id, threshold });
        result.notified += notified;
      }
    }
    const last = page[page.length - 1];
    after = { validUntil: last.validUntil.toISOString().slice(0, 10), id: last.id };
  }
  return result;
}

/** Sends one reminder unless it (or a more urgent one) was already sent; null when nothing was sent. */
async function remind(c: Candidate, threshold: ExpiryThreshold, now: Date): Promise<number | null> {
  return db.$transaction(async (tx) => {
    const cert = await tx.certification.findUnique({
      where: { id: c.id },
      select: { organizationId: true, type: true, name: true, number: true, validUntil: true },
    });
    if (!cert?.validUntil || cert.validUntil.getTime() !== c.validUntil.getTime()) return null; // renewed meanwhile
    const sentAlready = await tx.certificateExpiryReminder.count({
      where: { certificationId: c.id, validUntil: cert.validUntil, threshold: { lte: threshold } },
    });
    if (sentAlready > 0) return null;
    const { count } = await tx.certificateExpiryReminder.createMany({
      data: [{ certificationId: c.id, threshold, validUntil: cert.validUntil, sentAt: now }],
      skipDuplicates: true,
    });
    if (count === 0) return null; // another instance sent it
    return notify(tx, {
      type: threshold === 0 ? "certificate.expired" : "certificate.expiring",
      organizationIds: [cert.organizationId],
      emailRoles: ["owner", "admin"],
      params: {
        certificate: certificateLabel(cert),
        validUntil: calendarDay(cert.validUntil),
        days: Math.max(0, daysLeft(cert.validUntil, c.regencyCode, now)),
      },
      link: supplierRoutes.step("sertifikat", { ubah: true }),
    });
  });
}
