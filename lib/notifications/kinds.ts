// Notification kinds: the groups of notification types a user can turn off, per channel (in-app, e-mail), on
// /notifikasi/pengaturan and through /api/v1/notifications/preferences (docs/decisions/0021-notification-preferences.md).
// A type belongs to the kind of its longest matching prefix below, so a new "agreement.*" type is an agreement
// notification without touching this file; tests/unit/notification-kinds.test.ts checks that every type in
// NOTIFICATION_TYPES has a kind. Pure (no database): the settings page and the API schema use it too.

export const NOTIFICATION_KINDS = [
  "rfqs", // invitations to RFQs and consortia, answered clarifications
  "deadlines", // an RFQ closes within 24 hours
  "quotes", // a quote arrived on your RFQ
  "awards", // your quote won or was not selected
  "agreements", // agreements, their amendments, deliveries and payments
  "financing", // financing requests and decisions
  "cooperatives", // cooperative membership requests and answers
  "clusters", // cluster membership and anchor requests, invitations and answers (issue 12)
  "verification", // the organization's verification (or profile change) approved or returned
  "certificates", // a certificate approved, returned, about to expire or expired
  "team", // invitations to join an organization (mandatory)
  "security", // password reset and other account security e-mail (mandatory)
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Kinds nobody can turn off: security mail (a password reset the user asked for, "your password was changed")
 * and invitations to an organization — the user (or their colleague) asked for them, and missing one locks
 * someone out. Their senders may write the outbox directly; everything else goes through notify().
 */
const MANDATORY_KINDS: readonly NotificationKind[] = ["team", "security"];

export const isMandatoryKind = (kind: NotificationKind) => MANDATORY_KINDS.includes(kind);

/** Longest prefix wins (checked in this order: the exact types first). */
const BY_PREFIX: readonly (readonly [string, NotificationKind])[] = [
  ["rfq.deadline_approaching", "deadlines"],
  ["organization.profile_", "verification"],
  ["organization.invit", "team"],
  ["rfq.", "rfqs"],
  ["consortium.", "rfqs"],
  ["quote.", "quotes"],
  ["award.", "awards"],
  ["agreement.", "agreements"],
  ["delivery.", "agreements"],
  ["payment.", "agreements"],
  ["financing.", "financing"],
  ["cooperative.", "cooperatives"],
  ["cluster.", "clusters"],
  ["verification.", "verification"],
  ["certificate.", "certificates"],
  ["member.", "team"],
  ["membership.", "team"],
  ["password.", "security"],
  ["account.", "security"],
];

/** The kind a notification type belongs to; null for a type no rule covers (then no preference applies). */
export function notificationKind(type: string): NotificationKind | null {
  for (const [prefix, kind] of BY_PREFIX) if (type.startsWith(prefix)) return kind;
  return null;
}
