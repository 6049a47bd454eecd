// Every audit action the code writes (issue 17): one list, so the activity log (/dasbor's "Catatan
// aktivitas", lib/audit/describe.ts) has a sentence for each in both languages. `audit()` (lib/audit/log.ts)
// takes an `AuditAction`, so writing a key that is not listed here is a type error; a unit test
// (tests/unit/audit-actions.test.ts) checks that each key has its sentence in messages/activity/{id,en}.json
// and that no source file writes an unlisted literal key.
//
// Each action names what its entry is about (its "subject"), so the sentence can name and link it:
//   rfq           the RFQ (entityId of an "rfq" entry, else data.rfqId; a quote entry's RFQ)
//   agreement     the agreement (entityId of an "Agreement" entry, else data.agreementId)
//   product       the product (entityId)
//   cluster       the cluster (entityId of a "Cluster" entry; a member's or anchor's cluster; data.clusterName)
//   site          the industrial estate (entityId)
//   organization  another organization named in the entry (data: organizationName, cooperativeName, …)
//   certificate   a certificate (data.type, data.number)
//   token         an API token (data.name)
//   member        a person invited to or in the team (data.email)
//   user          a user account (platform administration)
//   financing     a financing request, programme or referral
//   report        a Laporan Kemitraan (entityId: its verification code)
//   flagship      a regional flagship product (data.name)
//   none          the organization itself: nothing else to name

export const AUDIT_SUBJECTS = {
  "account.registered": "none",
  "organization.verified": "organization",
  "organization.returned": "organization",
  "organization.resubmitted": "none",
  "organization.created_by_admin": "organization",
  "organization.profile_updated": "none",
  "organization.profile_approved": "organization",
  "organization.profile_returned": "organization",
  "organization.suspended": "organization",
  "organization.reinstated": "organization",
  "partnership_index.published": "none",
  "partnership_index.withdrawn": "none",
  "partnership_report.issued": "report",
  "token.created": "token",
  "token.issued": "token",
  "token.revoked": "token",
  "password.changed": "none",
  "password.reset": "none",
  "password.reset_requested": "none",
  "user.password_reset_forced": "user",
  "user.suspended": "user",
  "user.reinstated": "user",
  "member.invited": "member",
  "member.reinvited": "member",
  "member.invitation_revoked": "member",
  "member.joined": "none",
  "member.left": "none",
  "member.removed": "member",
  "member.role_changed": "member",
  "supplier.profile_updated": "none",
  "supplier.verification_requested": "none",
  "certification.added": "certificate",
  "certification.updated": "certificate",
  "certification.deleted": "certificate",
  "certification.approved": "certificate",
  "certification.returned": "certificate",
  "product.created": "product",
  "product.updated": "product",
  "product.archived": "product",
  "product.restored": "product",
  "cooperative.join.requested": "organization",
  "cooperative.join.accepted": "organization",
  "cooperative.join.declined": "organization",
  "cooperative.join.cancelled": "organization",
  "cooperative.members.import": "none",
  "invitation.claimed": "none",
  "rfq.created": "rfq",
  "rfq.updated": "rfq",
  "rfq.published": "rfq",
  "rfq.extended": "rfq",
  "rfq.closed": "rfq",
  "rfq.cancelled": "rfq",
  "rfq.awarded": "rfq",
  "rfq.invited": "rfq",
  "rfq.uninvited": "rfq",
  "rfq.consortium_invited": "rfq",
  "rfq.attachment_added": "rfq",
  "rfq.attachment_removed": "rfq",
  "rfq.deadline_reminder_sent": "rfq",
  "clarification.asked": "rfq",
  "clarification.answered": "rfq",
  "quote.drafted": "rfq",
  "quote.submitted": "rfq",
  "quote.revised": "rfq",
  "quote.withdrawn": "rfq",
  "quote.attachment_added": "rfq",
  "quote.attachment_removed": "rfq",
  "quote.awarded": "rfq",
  "quote.not_awarded": "rfq",
  "agreement.drafted": "agreement",
  "agreement.created": "agreement",
  "agreement.amended": "agreement",
  "agreement.accepted": "agreement",
  "agreement.completed": "agreement",
  "agreement.completion_confirmed": "agreement",
  "agreement.completion_withdrawn": "agreement",
  "agreement.completion_reset": "agreement",
  "agreement.terminated": "agreement",
  "agreement.rated": "agreement",
  "agreement.flag_open": "agreement",
  "agreement.flag_confirmed": "agreement",
  "agreement.flag_cleared": "agreement",
  "delivery.recorded": "agreement",
  "delivery.accepted": "agreement",
  "delivery.rejected": "agreement",
  "payment.recorded": "agreement",
  "payment.receipt_confirmed": "agreement",
  "financing.requested": "financing",
  "financing.confirmed": "financing",
  "financing.withdrawn": "financing",
  "financing.approved": "financing",
  "financing.declined": "financing",
  "financing.programme_proposed": "financing",
  "financing.programme_accepted": "financing",
  "financing.programme_declined": "financing",
  "financing.referral_created": "financing",
  "financing.referral_accepted": "financing",
  "financing.referral_declined": "financing",
  "cluster.created": "cluster",
  "cluster.updated": "cluster",
  "cluster.join.requested": "cluster",
  "cluster.join.withdrawn": "cluster",
  "cluster.join.accepted": "cluster",
  "cluster.join.declined": "cluster",
  "cluster.invitation.accepted": "cluster",
  "cluster.invitation.declined": "cluster",
  "cluster.member.invited": "cluster",
  "cluster.member.left": "cluster",
  "cluster.member.removed": "cluster",
  "cluster.members.bulk_invited": "cluster",
  "cluster.anchor.invited": "cluster",
  "cluster.anchor.accepted": "cluster",
  "cluster.anchor.declined": "cluster",
  "cluster.anchor.left": "cluster",
  "cluster.consortium_proposed": "rfq",
  "site.created": "site",
  "site.updated": "site",
  "site.deleted": "site",
  "region.flagship.created": "flagship",
  "region.flagship.updated": "flagship",
  "region.flagship.deleted": "flagship",
} as const satisfies Record<string, AuditSubjectKind>;

export type AuditSubjectKind =
  | "rfq"
  | "agreement"
  | "product"
  | "cluster"
  | "site"
  | "organization"
  | "certificate"
  | "token"
  | "member"
  | "user"
  | "financing"
  | "report"
  | "flagship"
  | "none";

export type AuditAction = keyof typeof AUDIT_SUBJECTS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_SUBJECTS) as AuditAction[];

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_SUBJECTS, action);
}
