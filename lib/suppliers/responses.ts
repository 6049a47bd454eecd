// Response shapes of the supplier profile and reference endpoints (OpenAPI document; integration tests check
// real responses against them). Request bodies are lib/suppliers/schemas.ts.
import { z } from "zod";
import { CertificationType, LegalForm, SizeBasis, SizeClass, VerificationStatus } from "@/lib/db/generated/enums";
import "@/lib/api/openapi";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ format: "date", example: "2027-03-31" });
const timestamp = z.iso.datetime({ offset: true });
const code = z.object({ code: z.string(), name: z.string() });

export const PublicCertificationSchema = z
  .object({
    type: z.enum(CertificationType),
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

export const SupplierProductSchema = z
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
    legalForm: z.enum(LegalForm).nullable(),
    sizeClass: z.enum(["mikro", "kecil", "menengah"]).nullable(),
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
    legalForm: z.enum(LegalForm).nullable(),
    capitalIdr: z.number().int().nullable(),
    annualSalesIdr: z.number().int().nullable(),
    sizeClass: z.enum(SizeClass).nullable(),
    sizeBasis: z.enum(SizeBasis).nullable(),
    employees: z.number().int().nullable(),
    foundedYear: z.number().int().nullable(),
    regencyCode: z.string().nullable(),
    province: code.nullable(),
    address: z.string().nullable(),
    kbli: z.array(z.string()),
    certifications: z.array(
      z.object({
        id: z.string(),
        type: z.enum(CertificationType),
        name: z.string().nullable(),
        number: z.string(),
        issuer: z.string().nullable(),
        validFrom: date.nullable(),
        validUntil: date.nullable(),
        percent: z.number().nullable(),
        state: z.enum(["valid", "expiring", "expired", "no_expiry"]),
        hasDocument: z.boolean(),
        verificationStatus: z.enum(VerificationStatus),
      }),
    ),
    sizeHistory: z.array(z.object({ sizeClass: z.enum(SizeClass), basis: z.enum(SizeBasis), effectiveAt: timestamp })),
    verificationStatus: z.enum(VerificationStatus),
    verificationNote: z.string().nullable(),
    onboardingStep: z.number().int(),
    onboardedAt: timestamp.nullable(),
    missingForVerification: z.array(z.string()),
  })
  .openapi("OwnSupplierProfile");

export const KbliPageSchema = z
  .object({
    data: z.array(
      z.object({
        code: z.string(),
        level: z.number().int(),
        section: z.string(),
        title: z.string(),
        titleEn: z.string().nullable(),
        parentTitle: z.string().nullable(),
      }),
    ),
  })
  .openapi("KbliSearchResult");

export const RegionListSchema = z
  .object({
    data: z.array(z.object({ code: z.string(), name: z.string(), type: z.enum(["provinsi", "kabupaten", "kota"]) })),
  })
  .openapi("RegionList");
