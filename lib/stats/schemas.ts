// The statistics filters (the answers are lib/stats/responses.ts): one zod schema for the /statistik page (URL search params), the CSV
// routes and GET /api/v1/stats/*. Months are "YYYY-MM"; internally a month is the integer
// year * 12 + month - 1 (the rollup tables' `month`, docs/decisions/0012-partnership-statistics.md).
import { z } from "zod";
import "@/lib/api/openapi"; // .openapi() on zod schemas

export const GROUP_BYS = ["province", "kbliSection", "scheme", "sizeClass", "month"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The key of a dimension the supplier has not told us (no regency, KBLI code or size class). */
export const UNKNOWN = "-";

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-03" → 24314 (year * 12 + month - 1). */
export function monthIndex(ym: string): number {
  const m = MONTH_RE.exec(ym);
  if (!m) throw new Error(`not a month: ${ym}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** 24314 → "2026-03". */
export function monthKey(index: number): string {
  const y = Math.floor(index / 12);
  return `${y}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The month index of a date (UTC calendar). */
export function monthOf(d: Date): number {
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** A cluster id (cuid): letters, digits, "_" and "-". An unknown cluster filters everything out (zeros). */
const clusterIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "errors.field.invalidChoice");

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());
const month = z
  .string()
  .trim()
  .regex(MONTH_RE, "stats.errors.month")
  .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, "stats.errors.month");

export const statsFilterSchema = z
  .object({
    from: optional(month).openapi({ description: "First month counted, YYYY-MM (agreements by the month they start)", example: "2026-01" }),
    to: optional(month).openapi({ description: "Last month counted, YYYY-MM", example: "2026-12" }),
    province: optional(
      z
        .string()
        .trim()
        .regex(/^\d{2}$/, "errors.field.region"),
    ).openapi({
      description: 'Kemendagri province code of the supplier ("33")',
    }),
    kbliSection: optional(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-V]$/, "errors.field.kbli"),
    ).openapi({
      description: 'KBLI 2020 section letter of the supplier\'s primary KBLI code ("C")',
    }),
    clusterId: optional(clusterIdSchema).openapi({
      description:
        "A cluster's id (issue 12): only the cluster's member UMKM (direct, or members of a member cooperative) and member cooperatives",
    }),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "stats.errors.range" });

export type StatsFilter = z.output<typeof statsFilterSchema>;

export const partnershipsQuerySchema = z
  .object({
    groupBy: z.enum(GROUP_BYS, { error: "errors.field.invalidChoice" }).openapi({ description: "The dimension rows are grouped by" }),
    from: statsFilterSchema.shape.from,
    to: statsFilterSchema.shape.to,
    province: statsFilterSchema.shape.province,
    kbliSection: statsFilterSchema.shape.kbliSection,
    clusterId: statsFilterSchema.shape.clusterId,
    format: optional(z.enum(["json", "csv"], { error: "errors.field.invalidChoice" })).openapi({
      description: "csv: the same rows as text/csv (also chosen by `Accept: text/csv`)",
    }),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "stats.errors.range" });

export type PartnershipsQuery = z.output<typeof partnershipsQuerySchema>;

/** What the charts and the map show (/statistik?ukuran=…): the number of partnerships or their value. */
export const MEASURES = ["jumlah", "nilai"] as const;
export type Measure = (typeof MEASURES)[number];
export const measureSchema = z.enum(MEASURES).catch("jumlah");
