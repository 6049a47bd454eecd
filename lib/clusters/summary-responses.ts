// Response shape of GET /api/v1/clusters/{id} (the OpenAPI document is generated from it; docs/api.md describes
// it). The figures come from lib/clusters/summary.ts; withheld figures are null with `suppressed: true`, the
// convention of GET /api/v1/stats/* (issue 11).
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas
import type { ClusterSummary, CountRow } from "./summary";

const count = z.number().int().nullable();

const CountRowSchema = z.object({
  key: z.string().openapi({ description: 'Size class, province code or verification status; "-" = not known' }),
  label: z.string(),
  umkm: count.openapi({ description: "UMKM in the group; null when withheld (fewer than 3 UMKM, or secondary suppression)" }),
  suppressed: z.boolean(),
});

const CertificateSchema = z.object({
  umkm: count.openapi({ description: "Member UMKM holding a valid (not expired) certificate verified by a platform admin" }),
  share: z.number().nullable().openapi({ description: "umkm ÷ the cluster's UMKM (0..1); null when withheld" }),
  suppressed: z.boolean(),
});

export const ClusterSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    kbliSections: z.array(z.object({ code: z.string(), title: z.string() })).openapi({ description: "KBLI 2020 sections or divisions" }),
    provinces: z.array(z.object({ code: z.string(), name: z.string() })),
    regencies: z.array(z.object({ code: z.string(), name: z.string() })),
    site: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
    manager: z.object({ id: z.string(), name: z.string() }),
    members: z.object({
      umkm: count.openapi({
        description: "Distinct UMKM: active members and the active members of member cooperatives (each once); null when fewer than 3",
      }),
      cooperatives: z.number().int(),
      suppressed: z.boolean(),
      bySizeClass: z.array(CountRowSchema),
      byProvince: z.array(CountRowSchema),
      byVerification: z.array(CountRowSchema),
    }),
    certificates: z.object({ halal: CertificateSchema, sni: CertificateSchema, iso9001: CertificateSchema, tkdn: CertificateSchema }),
    capacity: z
      .array(
        z.object({
          kbliCode: z.string(),
          kbliTitle: z.string(),
          unit: z.string(),
          monthlyCapacity: count,
          products: count,
          umkm: count,
          suppressed: z.boolean(),
        }),
      )
      .openapi({ description: "Monthly capacity of the members' active products by KBLI 2020 code and unit (the 15 largest kinds)" }),
    anchors: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        agreements: count,
        valueIdr: count.openapi({ description: "integer Rupiah; null when withheld" }),
        suppliers: count,
        suppressed: z.boolean(),
      }),
    ),
    partnerships: z.object({ agreements: count, valueIdr: count, suppliers: count, suppressed: z.boolean() }).openapi({
      description: "Counted agreements (active, completed; verified parties; not excluded) between active anchors and members",
    }),
    movedUp: count.openapi({ description: "Member UMKM that moved up a size class; null when fewer than 3" }),
    disclosure: z.enum(["exact", "protected"]).openapi({ description: "Member figures: exact or protected for this caller" }),
    partnershipDisclosure: z.enum(["exact", "protected"]),
    asOf: z.string(),
  })
  .openapi("ClusterSummary");

const row = (r: CountRow) => ({ key: r.key, label: r.label, umkm: r.umkm, suppressed: r.suppressed });

/** The API's answer: the public part of the summary (the named members stay on the page). */
export function presentClusterSummary(s: ClusterSummary) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    kbliSections: s.kbliSections,
    provinces: s.provinces,
    regencies: s.regencies,
    site: s.site,
    manager: s.manager,
    members: {
      umkm: s.members.umkm,
      cooperatives: s.members.cooperatives,
      suppressed: s.members.suppressed,
      bySizeClass: s.members.bySizeClass.map(row),
      byProvince: s.members.byProvince.map(row),
      byVerification: s.members.byVerification.map(row),
    },
    certificates: s.certificates,
    capacity: s.capacity.rows,
    anchors: s.partnerships.byAnchor,
    partnerships: {
      agreements: s.partnerships.agreements,
      valueIdr: s.partnerships.valueIdr,
      suppliers: s.partnerships.suppliers,
      suppressed: s.partnerships.suppressed,
    },
    movedUp: s.movedUp,
    disclosure: s.disclosure,
    partnershipDisclosure: s.partnershipDisclosure,
    asOf: s.asOf.toISOString(),
  };
}
