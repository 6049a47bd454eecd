// One way to tell people something happened: an in-app notification per recipient and, unless turned off,
// an email in the transactional outbox (EmailOutbox), written in the same transaction as the change itself
// so a rolled-back change notifies nobody. Texts are rendered through the i18n layer in each recipient's
// own locale: `notifications.types.<type>.title` / `.body` (ICU, with `params`). The outbox is delivered
// later by lib/notifications/outbox.ts (SMTP when configured; in development the outbox page shows it).
// Each recipient's preferences (lib/notifications/preferences.ts) are obeyed here, for every sender: a user who
// turned a kind off gets no notification row and/or no e-mail of that kind (mandatory kinds always go out).
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { translate } from "@/lib/i18n/translate";
import { formatCalendarDate, formatDateTime, formatRupiah, WIB } from "@/lib/i18n/format";
import { zonesForOrganizations } from "@/lib/i18n/time-zone";
import { isLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { appBaseUrl } from "@/lib/app-url";
import { optOuts } from "./preferences";
import type { MemberRole } from "@/lib/enums";

export const NOTIFICATION_TYPES = [
  "rfq.invited", // a supplier was invited to an RFQ
  "rfq.cluster_posted", // an RFQ posted to a cluster opened (to its members, set-based: lib/rfqs/cluster.ts; issue 12)
  "rfq.clarification_answered", // the buyer answered a clarification (to every supplier that can see the RFQ and asked or quoted)
  "rfq.deadline_approaching", // to suppliers with a draft or submitted quote and invited suppliers (lib/notifications/deadlines.ts)
  "quote.received", // to the buyer organization
  "award.won", // to a winning supplier
  "award.lost", // to suppliers whose quote was not selected
  "agreement.proposed",
  "agreement.accepted",
  "agreement.activated",
  "agreement.amended",
  "agreement.completed",
  "agreement.completion_confirmed", // one side confirmed completion (issue 11): the other side is asked to
  "agreement.completion_withdrawn", // a completion confirmation was withdrawn, or cleared because the agreement changed
  "agreement.terminated",
  "agreement.flag_confirmed", // ministry staff confirmed the agreement as a fake partnership (issue 13; to every party)
  "agreement.flag_reversed", // … and reversed that confirmation
  "delivery.recorded",
  "payment.recorded",
  "financing.requested",
  "financing.decided",
  "financing.programme_proposed", // a buyer proposed a supply-chain financing programme (issue 13; to the bank)
  "financing.programme_accepted", // the bank accepted it (to the buyer)
  "financing.programme_declined", // the bank declined it (to the buyer)
  "financing.referral_received", // the buyer referred an UMKM into its programme (to the UMKM)
  "financing.referral_accepted", // the UMKM accepted the referral (to the buyer)
  "financing.referral_declined", // the UMKM declined it (to the buyer)
  "consortium.invited",
  "consortium.proposed", // a cluster manager proposed a consortium of cluster members for the buyer's RFQ (to the buyer; issue 12)
  "cooperative.join_requested", // a cooperative asks an UMKM to join (to the UMKM's owners and admins; issue 11)
  "cooperative.join_accepted", // the UMKM accepted (to the cooperative's owners and admins)
  "cooperative.join_declined", // the UMKM declined
  "organization.invited", // an existing user was invited to an organization (in-app only: the e-mail has the link; issue 16)
  "certificate.approved", // a platform admin verified one certificate (to the UMKM's owners and admins; issue 16)
  "certificate.returned", // … or returned it with a reason
  "organization.profile_approved", // a platform admin approved a proposed identity change (issue 16; to owners and admins)
  "organization.profile_returned", // … returned it with a note
  "verification.approved", // a platform admin verified the organization (issue 16: every member in-app, owners and admins by e-mail)
  "verification.returned", // … or returned it with a note
  "certificate.expiring", // a certificate expires in 60, 30 or 7 days (lib/notifications/certificate-expiry.ts)
  "certificate.expired", // … or expired today
  "cluster.join_requested", // an UMKM or cooperative asks to join a cluster (to the manager's owners and admins; issue 12)
  "cluster.join_accepted", // the manager accepted the request (to the requester's owners and admins)
  "cluster.join_declined", // … or declined it
  "cluster.invited", // the manager invited an UMKM or cooperative (to its owners and admins)
  "cluster.anchor_invited", // the manager invited a buyer as anchor (to the buyer's owners and admins)
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

type NotifyTx = Pick<
  Prisma.TransactionClient,
  "membership" | "user" | "notification" | "emailOutbox" | "notificationPreference" | "organization"
>;

export interface NotifyInput {
  type: NotificationType;
  /** Every active member of these organizations is notified (for the organization in question). */
  organizationIds?: string[];
  /** Individual users (notified without an organization context unless `organizationId` is given). */
  userIds?: string[];
  organizationId?: string;
  /**
   * ICU values for the title/body. Strings and numbers as they are; a Date is shown as a date and time in each
   * reader's language and on their organization's clock (WIB, WITA or WIT, named), a bigint as Rupiah
   * ("Rp1.500.000" / "Rp1,500,000") — pass those rather than
   * pre-formatted strings, since recipients read in different languages.
   */
  params?: Record<string, NotificationParam>;
  /** Path inside the app, e.g. `/papan-rfq/abc`. */
  link?: string;
  /** Whoever caused it does not need to be told (default: notified anyway if listed). */
  excludeUserId?: string | null;
  /** Send an email too (default true). */
  email?: boolean;
  /**
   * Only members with these roles in `organizationIds` get the e-mail (everyone still gets it in the app);
   * users named in `userIds` are e-mailed as usual. Default: every recipient.
   */
  emailRoles?: readonly MemberRole[];
}

export type NotificationParam = string | number | Date | bigint | CalendarDay;

/** A date without a time (a certificate's validity, `@db.Date`): shown as "31 Desember 2026", never shifted by a zone. */
export type CalendarDay = { $day: string };
export const calendarDay = (d: Date): CalendarDay => ({ $day: d.toISOString().slice(0, 10) });

/** How params are kept in Notification.params (JSON): Dates and Rupiah amounts tagged so they render per locale. */
export type StoredParam = string | number | { $date: string } | { $idr: string } | CalendarDay;

export function storeParams(params: Record<string, NotificationParam> = {}): Record<string, StoredParam> {
  const out: Record<string, StoredParam> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] =
      v instanceof Date
        ? { $date: v.toISOString() }
        : typeof v === "bigint"
          ? { $idr: v.toString() }
          : typeof v === "object"
            ? { $day: v.$day }
            : v;
  }
  return out;
}

/**
 * Stored (or fresh) params → the plain strings and numbers ICU formats, in `locale`, dates and times on the
 * clock of `timeZone` (the reader's organization's; WIB when it has none). Anything odd is dropped.
 */
export function paramsForLocale(locale: string, params: unknown, timeZone: string = WIB): Record<string, string | number> {
  const l = isLocale(locale) ? locale : "id";
  const out: Record<string, string | number> = {};
  if (!params || typeof params !== "object" || Array.isArray(params)) return out;
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (typeof v === "string" || typeof v === "number") out[k] = v;
    else if (v instanceof Date) out[k] = formatDateTime(v, l, timeZone);
    else if (typeof v === "bigint") out[k] = formatRupiah(v, l);
    else if (v && typeof v === "object" && typeof (v as { $date?: unknown }).$date === "string") {
      const d = new Date((v as { $date: string }).$date);
      if (!Number.isNaN(d.getTime())) out[k] = formatDateTime(d, l, timeZone);
    } else if (
      v &&
      typeof v === "object" &&
      typeof (v as { $idr?: unknown }).$idr === "string" &&
      /^-?\d+$/.test((v as { $idr: string }).$idr)
    ) {
      out[k] = formatRupiah(BigInt((v as { $idr: string }).$idr), l);
    } else if (
      v &&
      typeof v === "object" &&
      typeof (v as CalendarDay).$day === "string" &&
      /^\d{4}-\d\d-\d\d$/.test((v as CalendarDay).$day)
    ) {
      out[k] = formatCalendarDate(`${(v as CalendarDay).$day}T00:00:00Z`, l);
    }
  }
  return out;
}

interface Recipient {
  userId: string;
  email: string;
  locale: string;
  organizationId: string | null;
  /** false: in the app only (emailRoles left this member out). */
  mailable: boolean;
}

async function recipients(tx: NotifyTx, input: NotifyInput): Promise<Recipient[]> {
  const out = new Map<string, Recipient>();
  if (input.organizationIds?.length) {
    const members = await tx.membership.findMany({
      where: { organizationId: { in: input.organizationIds }, user: { disabledAt: null } },
      select: { organizationId: true, role: true, user: { select: { id: true, email: true, locale: true } } },
    });
    for (const m of members) {
      const key = `${m.user.id} ${m.organizationId}`;
      const mailable = !input.emailRoles || input.emailRoles.includes(m.role);
      out.set(key, { userId: m.user.id, email: m.user.email, locale: m.user.locale, organizationId: m.organizationId, mailable });
    }
  }
  if (input.userIds?.length) {
    const users = await tx.user.findMany({
      where: { id: { in: input.userIds }, disabledAt: null },
      select: { id: true, email: true, locale: true },
    });
    for (const u of users) {
      const key = `${u.id} ${input.organizationId ?? ""}`;
      const known = out.get(key);
      if (known) known.mailable = true;
      else out.set(key, { userId: u.id, email: u.email, locale: u.locale, organizationId: input.organizationId ?? null, mailable: true });
    }
  }
  return [...out.values()].filter((r) => r.userId !== input.excludeUserId);
}

/**
 * The title and body of a notification in a locale (also used to render the in-app list). `params` may be
 * the fresh values given to notify() or what Notification.params holds.
 */
export function renderNotification(locale: string, type: string, params: unknown = {}, timeZone: string = WIB) {
  const values = paramsForLocale(locale, params, timeZone);
  const render = (part: "title" | "body") => {
    const key = `notifications.types.${type}.${part}`;
    // A value the caller left out shows as "—" rather than turning the whole text into a message key.
    const missing = Object.fromEntries(
      argumentsOf(rawMessage(locale, key))
        .filter((a) => !(a in values))
        .map((a) => [a, "—"]),
    );
    return translate(locale, key, { ...missing, ...values });
  };
  return { title: render("title"), body: render("body") };
}

function rawMessage(locale: string, key: string): string {
  let node: unknown = MESSAGES[isLocale(locale) ? locale : "id"];
  for (const k of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined;
  return typeof node === "string" ? node : "";
}

/** ICU argument names in a message: `{name}`, `{count, plural, …}`. */
function argumentsOf(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}]/g)].map((m) => m[1]);
}

/** Writes the notifications (and outbox emails); returns how many people were notified. */
export async function notify(tx: NotifyTx, input: NotifyInput): Promise<number> {
  const everyone = await recipients(tx, input);
  if (everyone.length === 0) return 0;
  const off = await optOuts(tx, input.type, [...new Set(everyone.map((p) => p.userId))]);
  const inApp = everyone.filter((p) => off.get(p.userId)?.inApp !== false);
  const people = input.email === false ? [] : everyone.filter((p) => p.mailable && off.get(p.userId)?.email !== false);
  const params = storeParams(input.params);
  await tx.notification.createMany({
    data: inApp.map((p) => ({
      userId: p.userId,
      organizationId: p.organizationId,
      type: input.type,
      params,
      link: input.link ?? null,
    })),
  });
  if (people.length > 0) {
    const base = appBaseUrl();
    // Each e-mail reads times on its recipient organization's clock (lib/i18n/time-zone.ts).
    const zones = await zonesForOrganizations(
      tx,
      people.flatMap((p) => (p.organizationId ? [p.organizationId] : [])),
    );
    const seen = new Set<string>();
    const emails = people
      .filter((p) => (seen.has(p.email) ? false : (seen.add(p.email), true)))
      .map((p) => {
        const zone = (p.organizationId && zones.get(p.organizationId)) || WIB;
        const { title, body } = renderNotification(p.locale, input.type, params, zone);
        const link = input.link ? `\n\n${base}${input.link}` : "";
        const footer = `\n\n— ${translate(p.locale, "notifications.emailFooter")}`;
        return { to: p.email, subject: title, text: `${body}${link}${footer}` };
      });
    await tx.emailOutbox.createMany({ data: emails });
  }
  return everyone.filter((p) => inApp.includes(p) || people.includes(p)).length;
}
