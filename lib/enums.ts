// Every enum of prisma/schema.prisma as a list of its values, derived from the generated client (so a value
// added to the schema appears everywhere at once). Forms, zod schemas, filters and the seed take their lists
// from here — never declare an enum's values again. Client-safe: no server imports.
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
