// Response shapes of the supplier endpoints (the OpenAPI document; integration tests check real responses
// against them) and the serializers that produce them. Request bodies and the directory's query are
// ./schemas.ts and ./search-query.ts.
import { z } from "zod";
import { CERTIFICATION_TYPES, LEGAL_FORMS, SIZE_BASES, SIZE_CLASSES, VERIFICATION_STATUSES } from "@/lib/enums";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import type { getPublicSupplierProfile, OwnerSupplierProfile } from "./profile";
import { DIRECTORY_SIZE_CLASSES } from "./search-query";

// ---------------------------------------------------------------------------------------------------------
// The directory (GET /api/v1/suppliers)
// ---------------------------------------------------------------------------------------------------------

const region = z.object({ code: z.string(), name: z.string() });

const SupplierListItemSchema = z
  .object({
    id: z.string().openapi({ description: "The UMKM organization's id" }),
    name: z.string(),
    sizeClass: z
      .enum(DIRECTORY_SIZE_CLASSES)
      .nullable()
      .openapi({ description: "null while the supplier has not reported capital or sales" }),
    province: region.nullable(),
    regency: region.nullable(),
    kbli: z.array(z.string()).openapi({ description: "KBLI 2020 codes of the supplier and its active products" }),
    certifications: z
      .array(
        z.object({
          type: z.enum(CERTIFICATION_TYPES),
          validUntil: z.string().nullable().openapi({ description: "YYYY-MM-DD; null: no end date" }),
        }),
      )
      .openapi({ description: "Certificates held and valid today, one per type (the latest end date)" }),
    verified: z.boolean(),
    productCount: z.number().int(),
    matchedProduct: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: "With `q`: the product matching it best" }),
    flagships: z
      .array(z.object({ flagshipId: z.string(), name: z.string(), regionName: z.string() }))
      .optional()
      .openapi({
        description:
          "Flagship products (produk unggulan daerah) of its region that the supplier matches: a verified regional government's KBLI code and words (see `flagship`)",
      }),
  })
  .openapi("SupplierListItem");

export const SupplierPageSchema = z
  .object({
    data: z.array(SupplierListItemSchema),
    nextCursor: z.string().nullable(),
    partialMatch: z.boolean().openapi({
      description: "true: no supplier matches every word of `q`; these match some of them, most words first (issue 17)",
    }),
    total: z
      .object({ count: z.number().int(), capped: z.boolean() })
      .openapi({ description: "How many suppliers match, all pages: counted up to 1,000; `capped` when there are more (issue 17)" }),
  })
  .openapi("SupplierPage");

// ---------------------------------------------------------------------------------------------------------
// One supplier (GET and PATCH /api/v1/suppliers/{id})
// ---------------------------------------------------------------------------------------------------------

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ format: "date", example: "2027-03-31" });
const timestamp = z.iso.datetime({ offset: true });
const code = z.object({ code: z.string(), name: z.string() });

const PublicCertificationSchema = z
  .object({
    type: z.enum(CERTIFICATION_TYPES),
    name: z.string().nullable(),
    number: z.string(),
    issuer: z.string().nullable(),
    validFrom: date.nullable(),
    validUntil: date.nullable(),
    percent: z.number().nullable().openapi({ description: "TKDN percentage (type tkdn)" }),
    state: z.enum(["valid", "expiring", "expired", "no_expiry"]).openapi({ description: "expiring = within 60 days" }),
    hasDocument: z.boolean().openapi({ description: "A certificate without an uploaded document is shown as unverified." }),
    verified: z.boolean(),
  })
  .openapi("SupplierCertification");

const SupplierProductSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    kbliCode: z.string(),
    unit: z.string(),
    priceMinIdr: z.number().int().nullable(),
    priceMaxIdr: z.number().int().nullable(),
    moq: z.number().int().nullable(),
    monthlyCapacity: z.number().int().nullable(),
    leadTimeDays: z.number().int().nullable(),
  })
  .openapi("SupplierProduct");

export const PublicSupplierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    website: z.string().nullable(),
    nib: z.string().nullable(),
    legalForm: z.enum(LEGAL_FORMS).nullable(),
    sizeClass: z.enum(DIRECTORY_SIZE_CLASSES).nullable(),
    employees: z.number().int().nullable(),
    foundedYear: z.number().int().nullable(),
    province: code.nullable(),
    regency: code.nullable(),
    kbli: z.array(z.string()),
    kbliDetails: z.array(z.object({ code: z.string(), title: z.string(), titleEn: z.string().nullable(), isPrimary: z.boolean() })),
    certifications: z.array(PublicCertificationSchema),
    verified: z.boolean(),
    verifiedAt: timestamp.nullable(),
    products: z.array(SupplierProductSchema),
  })
  .openapi("Supplier");

export const OwnSupplierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    nib: z.string().nullable(),
    npwp: z.string().nullable().openapi({ description: "16 digits" }),
    legalForm: z.enum(LEGAL_FORMS).nullable(),
    capitalIdr: z.number().int().nullable(),
    annualSalesIdr: z.number().int().nullable(),
    sizeClass: z.enum(SIZE_CLASSES).nullable(),
    sizeBasis: z.enum(SIZE_BASES).nullable(),
    employees: z.number().int().nullable(),
    foundedYear: z.number().int().nullable(),
    regencyCode: z.string().nullable(),
    province: code.nullable(),
    address: z.string().nullable(),
    kbli: z.array(z.string()),
    certifications: z.array(
      z.object({
        id: z.string(),
        type: z.enum(CERTIFICATION_TYPES),
        name: z.string().nullable(),
        number: z.string(),
        issuer: z.string().nullable(),
        validFrom: date.nullable(),
        validUntil: date.nullable(),
        percent: z.number().nullable(),
        state: z.enum(["valid", "expiring", "expired", "no_expiry"]),
        hasDocument: z.boolean(),
        verificationStatus: z.enum(VERIFICATION_STATUSES).openapi({
          description: "`pending`: awaiting a platform admin's review; `returned`: see `returnedReason`, fix and save it again",
        }),
        verifiedAt: timestamp.nullable(),
        returnedReason: z.string().nullable(),
      }),
    ),
    sizeHistory: z.array(z.object({ sizeClass: z.enum(SIZE_CLASSES), basis: z.enum(SIZE_BASES), effectiveAt: timestamp })),
    verificationStatus: z.enum(VERIFICATION_STATUSES),
    verificationNote: z.string().nullable(),
    onboardingStep: z.number().int(),
    onboardedAt: timestamp.nullable(),
    missingForVerification: z.array(z.string()),
  })
  .openapi("OwnSupplierProfile");

/** Dates without time (certificate validity) as YYYY-MM-DD. */
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The public profile as GET /api/v1/suppliers/{id} returns it. */
export function presentPublic(p: Awaited<ReturnType<typeof getPublicSupplierProfile>>) {
  return { ...p, certifications: p.certifications.map((c) => ({ ...c, validFrom: day(c.validFrom), validUntil: day(c.validUntil) })) };
}

/** The profile as its members see it (PATCH /api/v1/suppliers/{id}). */
export function presentOwn(p: OwnerSupplierProfile) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    nib: p.nib,
    npwp: p.npwp,
    legalForm: p.legalForm,
    capitalIdr: p.capitalIdr,
    annualSalesIdr: p.annualSalesIdr,
    sizeClass: p.sizeClass,
    sizeBasis: p.sizeBasis,
    employees: p.employees,
    foundedYear: p.foundedYear,
    regencyCode: p.regencyCode,
    province: p.province,
    address: p.address,
    kbli: p.kbli.map((k) => k.code),
    certifications: p.certifications.map((c) => ({
      id: c.id,
      type: c.type,
      name: c.name,
      number: c.number,
      issuer: c.issuer,
      validFrom: day(c.validFrom),
      validUntil: day(c.validUntil),
      percent: c.percent,
      state: c.state,
      hasDocument: c.document !== null,
      verificationStatus: c.verificationStatus,
      verifiedAt: c.verifiedAt,
      returnedReason: c.returnedReason,
    })),
    sizeHistory: p.sizeHistory,
    verificationStatus: p.verificationStatus,
    verificationNote: p.verificationNote,
    onboardingStep: p.onboardingStep,
    onboardedAt: p.onboardedAt,
    missingForVerification: p.missingForVerification,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The platform's certificate review (GET /api/v1/admin/certificates, POST …/{id}/review)
// ---------------------------------------------------------------------------------------------------------

const QueuedCertificateSchema = z
  .object({
    id: z.string(),
    supplier: z.object({ id: z.string(), name: z.string() }).openapi({ description: "The UMKM holding it" }),
    type: z.enum(CERTIFICATION_TYPES),
    name: z.string().nullable().openapi({ description: "For type `other`" }),
    number: z.string(),
    issuer: z.string().nullable(),
    validFrom: z.string().nullable().openapi({ description: "YYYY-MM-DD" }),
    validUntil: z.string().nullable().openapi({ description: "YYYY-MM-DD; null: no end date" }),
    tkdnPercent: z.number().nullable(),
    documentId: z.string().nullable(),
    documentUrl: z.string().nullable().openapi({ description: "The uploaded document (GET /api/files/{id})" }),
    status: z.enum(VERIFICATION_STATUSES),
    submittedAt: z.string().nullable().openapi({ description: "When it was sent for review (ISO 8601); the queue is oldest first" }),
    updatedAt: z.string().openapi({ description: "Its last change (ISO 8601); send it back with the review decision" }),
  })
  .openapi("QueuedCertificate");

export const CertificateQueuePageSchema = z
  .object({ data: z.array(QueuedCertificateSchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi("CertificateQueuePage");

export const CertificateReviewResultSchema = z
  .object({
    id: z.string(),
    status: z.enum(["verified", "returned"]),
    verifiedAt: z.string().nullable().openapi({ description: "ISO 8601, when approved" }),
    returnedReason: z.string().nullable(),
  })
  .openapi("CertificateReviewResult");
