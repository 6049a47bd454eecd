// Every enum of prisma/schema.prisma as a list of its values, derived from the generated client (so a value
// added to the schema appears everywhere at once). Forms, zod schemas, filters and the seed take their lists
// from here — never declare an enum's values again — and the UI names each value through enumLabelKey() (the
// message key of its label) instead of its own map. Client-safe: no server imports.
import * as E from "@/lib/db/generated/enums";

/** An enum object's values in schema order, typed as a non-empty tuple for z.enum(). */
function values<T extends Record<string, string>>(e: T): readonly [T[keyof T], ...T[keyof T][]] {
  return Object.values(e) as unknown as readonly [T[keyof T], ...T[keyof T][]];
}

export const REGENCY_TYPES = values(E.RegencyType);
export type RegencyType = E.RegencyType;

export const ORG_TYPES = values(E.OrgType);
export type OrgType = E.OrgType;

export const MEMBER_ROLES = values(E.MemberRole);
export type MemberRole = E.MemberRole;

export const VERIFICATION_STATUSES = values(E.VerificationStatus);
export type VerificationStatus = E.VerificationStatus;

export const API_TOKEN_SCOPES = values(E.ApiTokenScope);
export type ApiTokenScope = E.ApiTokenScope;

export const SIZE_CLASSES = values(E.SizeClass);
export type SizeClass = E.SizeClass;

export const SIZE_BASES = values(E.SizeBasis);
export type SizeBasis = E.SizeBasis;

export const LEGAL_FORMS = values(E.LegalForm);
export type LegalForm = E.LegalForm;

export const CERTIFICATION_TYPES = values(E.CertificationType);
export type CertificationType = E.CertificationType;

export const FILE_KINDS = values(E.FileKind);
export type FileKind = E.FileKind;

export const COOPERATIVE_MEMBER_STATUSES = values(E.CooperativeMemberStatus);
export type CooperativeMemberStatus = E.CooperativeMemberStatus;

export const COOPERATIVE_JOIN_REQUEST_STATUSES = values(E.CooperativeJoinRequestStatus);
export type CooperativeJoinRequestStatus = E.CooperativeJoinRequestStatus;

export const RFQ_STATUSES = values(E.RfqStatus);
export type RfqStatus = E.RfqStatus;

export const RFQ_VISIBILITIES = values(E.RfqVisibility);
export type RfqVisibility = E.RfqVisibility;

export const QUOTE_STATUSES = values(E.QuoteStatus);
export type QuoteStatus = E.QuoteStatus;

export const PARTNERSHIP_SCHEMES = values(E.PartnershipScheme);
export type PartnershipScheme = E.PartnershipScheme;

export const AGREEMENT_STATUSES = values(E.AgreementStatus);
export type AgreementStatus = E.AgreementStatus;

export const AGREEMENT_PARTY_ROLES = values(E.AgreementPartyRole);
export type AgreementPartyRole = E.AgreementPartyRole;

export const MILESTONE_STATUSES = values(E.MilestoneStatus);
export type MilestoneStatus = E.MilestoneStatus;

export const DELIVERY_STATUSES = values(E.DeliveryStatus);
export type DeliveryStatus = E.DeliveryStatus;

export const FINANCING_TYPES = values(E.FinancingType);
export type FinancingType = E.FinancingType;

export const FINANCING_STATUSES = values(E.FinancingStatus);
export type FinancingStatus = E.FinancingStatus;

export const EMAIL_STATUSES = values(E.EmailStatus);
export type EmailStatus = E.EmailStatus;

export const SITE_KINDS = values(E.SiteKind);
export type SiteKind = E.SiteKind;

export const CLUSTER_MEMBER_STATUSES = values(E.ClusterMemberStatus);
export type ClusterMemberStatus = E.ClusterMemberStatus;

export const CLUSTER_ANCHOR_STATUSES = values(E.ClusterAnchorStatus);
export type ClusterAnchorStatus = E.ClusterAnchorStatus;

export const AGREEMENT_FLAG_STATUSES = values(E.AgreementFlagStatus);
export type AgreementFlagStatus = E.AgreementFlagStatus;

export const FINANCING_PROGRAMME_STATUSES = values(E.FinancingProgrammeStatus);
export type FinancingProgrammeStatus = E.FinancingProgrammeStatus;

export const FINANCING_REFERRAL_STATUSES = values(E.FinancingReferralStatus);
export type FinancingReferralStatus = E.FinancingReferralStatus;

// ---------------------------------------------------------------------------------------------
// Labels: the message key (messages/**/{id,en}.json) that names each value in the UI
// ---------------------------------------------------------------------------------------------

/** Every value of `values` labelled by the message key `key(value)`. */
function labelKeys<V extends string>(values: readonly V[], key: (value: V) => string): Record<V, string> {
  return Object.fromEntries(values.map((v) => [v, key(v)])) as Record<V, string>;
}

/**
 * The labelled enums (by Prisma enum name) and each value's message key; tests/unit/enums.test.ts checks every
 * value has one in both languages. Enums the UI never names (RegencyType, SizeBasis, FileKind, the cooperative
 * statuses) have none.
 */
export const ENUM_LABEL_KEYS = {
  OrgType: labelKeys(ORG_TYPES, (v) => `orgTypes.${v}`),
  MemberRole: labelKeys(MEMBER_ROLES, (v) => `roles.${v}`),
  VerificationStatus: labelKeys(VERIFICATION_STATUSES, (v) => `verification.status.${v}`),
  ApiTokenScope: { read: "tokens.scope.read", read_write: "tokens.scope.readWrite" } satisfies Record<ApiTokenScope, string>,
  SizeClass: labelKeys(SIZE_CLASSES, (v) => `sizeClasses.${v}`),
  LegalForm: labelKeys(LEGAL_FORMS, (v) => `suppliers.legalForms.${v}`),
  CertificationType: labelKeys(CERTIFICATION_TYPES, (v) => `certifications.${v}`),
  RfqStatus: labelKeys(RFQ_STATUSES, (v) => `dashboard.rfqStatus.${v}`),
  RfqVisibility: labelKeys(RFQ_VISIBILITIES, (v) => `rfqs.form.visibility_${v}`),
  QuoteStatus: labelKeys(QUOTE_STATUSES, (v) => `quotes.status.${v}`),
  PartnershipScheme: labelKeys(PARTNERSHIP_SCHEMES, (v) => `schemes.${v}.name`),
  AgreementStatus: labelKeys(AGREEMENT_STATUSES, (v) => `agreements.status.${v}`),
  AgreementPartyRole: labelKeys(AGREEMENT_PARTY_ROLES, (v) => `agreements.role.${v}`),
  MilestoneStatus: labelKeys(MILESTONE_STATUSES, (v) => `agreements.milestoneStatus.${v}`),
  DeliveryStatus: labelKeys(DELIVERY_STATUSES, (v) => `agreements.deliveryStatus.${v}`),
  FinancingType: labelKeys(FINANCING_TYPES, (v) => `financing.type.${v}`),
  FinancingStatus: labelKeys(FINANCING_STATUSES, (v) => `financing.status.${v}`),
  EmailStatus: labelKeys(EMAIL_STATUSES, (v) => `notifications.outbox.statuses.${v}`),
  SiteKind: labelKeys(SITE_KINDS, (v) => `sites.kind.${v}`),
  ClusterMemberStatus: labelKeys(CLUSTER_MEMBER_STATUSES, (v) => `clusters.memberStatus.${v}`),
  ClusterAnchorStatus: labelKeys(CLUSTER_ANCHOR_STATUSES, (v) => `clusters.anchorStatus.${v}`),
  AgreementFlagStatus: labelKeys(AGREEMENT_FLAG_STATUSES, (v) => `partnershipIndex.flagStatus.${v}`),
  FinancingProgrammeStatus: labelKeys(FINANCING_PROGRAMME_STATUSES, (v) => `financing.programmeStatus.${v}`),
  FinancingReferralStatus: labelKeys(FINANCING_REFERRAL_STATUSES, (v) => `financing.referralStatus.${v}`),
} as const;

type LabelledEnum = keyof typeof ENUM_LABEL_KEYS;

/**
 * The message key labelling one enum value, for a translator of the whole catalogue:
 * `t(enumLabelKey("PartnershipScheme", agreement.scheme))` with `getTranslations()` / `useTranslations()`.
 */
export function enumLabelKey<E extends LabelledEnum>(e: E, value: keyof (typeof ENUM_LABEL_KEYS)[E]): string {
  return (ENUM_LABEL_KEYS[e] as Record<string, string>)[value as string];
}
