// Response shape of GET /api/v1/regions/{code}/dashboard (feeds /api/v1/openapi.json). Rupiah are integers.
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas

const count = z.number().int().min(0);

const RegionSchema = z
  .object({
    kind: z.enum(["province", "regency"]),
    code: z.string().openapi({ example: "33.26" }),
    name: z.string().openapi({ example: "Kabupaten Pekalongan" }),
    provinceCode: z.string().openapi({ example: "33" }),
    provinceName: z.string().openapi({ example: "Jawa Tengah" }),
  })
  .openapi("Region");

export const RegionDashboardSchema = z
  .object({
    region: RegionSchema,
    asOf: z.string().openapi({ description: "The day (Asia/Jakarta) certificates are judged valid on", example: "2026-12-07" }),
    umkm: z.object({
      total: count.openapi({ description: "UMKM whose business address (profile regency) is in the region" }),
      bySizeClass: z.object({ mikro: count, kecil: count, menengah: count, besar: count, unknown: count }),
      byVerification: z.object({ unverified: count, pending: count, verified: count, returned: count }),
      bySector: z
        .array(z.object({ section: z.string(), title: z.string(), titleEn: z.string().nullable(), count }))
        .openapi({ description: 'By the KBLI 2020 section of each UMKM\'s primary code; "-": no code yet' }),
      certificates: z
        .object({ halal: count, sni: count, iso9001: count, tkdn: count })
        .openapi({ description: "UMKM holding a valid (admin-verified, not ended) certificate of each type" }),
    }),
    partnerships: z
      .object({
        agreements: count,
        active: count,
        completed: count,
        valueIdr: z.number().int(),
        umkm: count.openapi({ description: "Distinct lead suppliers of the region" }),
      })
      .openapi({
        description:
          "Counted agreements (active or completed, both parties verified, not excluded as fake) whose lead supplier is in the region. Exact figures.",
      }),
    regencies: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        umkm: count,
        verifiedUmkm: count,
        agreements: count,
        valueIdr: z.number().int(),
        partneringUmkm: count,
      }),
    ),
    followUp: z
      .object({ nib: count, halal: count, certificate: count })
      .openapi({ description: "Rows of the follow-up list by kind (the list itself: /daerah/tindak-lanjut.csv)" }),
  })
  .openapi("RegionDashboard");
