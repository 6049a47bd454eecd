// Wall-clock arithmetic in Indonesia's three zones (WIB UTC+7, WITA UTC+8, WIT UTC+9; none observes daylight
// saving time). Pure functions, usable in the browser, the server and tests. Instants are stored in UTC; a
// person enters and reads them on their organization's wall clock (lib/i18n/time-zone.ts decides which), and
// "today" for a date-only rule (a delivery date, a certificate's validity) is the calendar day on that clock.

/** The calendar date ("YYYY-MM-DD") of an instant in `timeZone`. */
export function calendarDayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** Today's calendar date ("YYYY-MM-DD") in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return calendarDayIn(now, timeZone);
}

/** Milliseconds `timeZone` is ahead of UTC at `instant` (+7 h for WIB). */
function offsetMs(instant: Date, timeZone: string): number {
  const p = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(p.find((x) => x.type === type)?.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** "YYYY-MM-DDTHH:mm" (a datetime-local value) of an instant on the wall clock of `timeZone`. */
export function toZonedLocal(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetMs(instant, timeZone)).toISOString().slice(0, 16);
}

/**
 * The UTC instant of a wall-clock "YYYY-MM-DDTHH:mm[:ss]" in `timeZone` ("2026-12-15T17:00" in Asia/Makassar →
 * 2026-12-15T09:00:00Z). Invalid input gives an invalid Date.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return new Date(NaN);
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(asUtc);
  // Reject what Date.UTC would roll over (31 February, 24:00): the wall clock must read back unchanged.
  const rolledOver = back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h;
  if (rolledOver || h > 23 || mi > 59 || s > 59) return new Date(NaN);
  // Fixed offsets: one correction is exact (a zone with daylight saving would need a second pass).
  return new Date(asUtc - offsetMs(new Date(asUtc), timeZone));
}
